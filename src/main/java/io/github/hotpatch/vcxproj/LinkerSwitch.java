package io.github.hotpatch.vcxproj;

import java.util.Objects;

/** Spelling rules of link.exe switches: {@code /NAME[:arg]} or {@code -NAME[:arg]}. */
final class LinkerSwitch {

    private LinkerSwitch() {}

    static boolean isSwitch(String token) {
        return token.length() > 1 && (token.charAt(0) == '/' || token.charAt(0) == '-');
    }

    /** The switch without its {@code /} or {@code -}; a bare {@code PROFILE} is taken as {@code /PROFILE}. */
    static String body(String flag) {
        Objects.requireNonNull(flag, "flag");
        String trimmed = flag.trim();
        String body = trimmed.startsWith("/") || trimmed.startsWith("-") ? trimmed.substring(1) : trimmed;
        if (body.isEmpty() || body.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("expected one linker switch such as /PROFILE, got '" + flag + "'");
        }
        return body;
    }
}
