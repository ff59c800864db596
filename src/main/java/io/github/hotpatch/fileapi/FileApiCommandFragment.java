package io.github.hotpatch.fileapi;

import java.util.Objects;

/**
 * One {@code link.commandFragments} entry of a target reply.
 *
 * @param fragment part of the link command line, in the build system's native shell encoding
 * @param role     {@code flags}, {@code libraries}, {@code libraryPath} or {@code frameworkPath}
 */
public record FileApiCommandFragment(String fragment, String role) {

    public static final String ROLE_FLAGS = "flags";

    public FileApiCommandFragment {
        Objects.requireNonNull(fragment, "fragment");
        Objects.requireNonNull(role, "role");
    }

    public boolean isFlags() {
        return ROLE_FLAGS.equals(role);
    }
}
