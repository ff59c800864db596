package io.github.hotpatch.vcxproj;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A .vcxproj as CMake's Visual Studio generator writes it, read for its linker settings per
 * {@code Configuration|Platform}. Read by {@link VcxprojFileReader#read}.
 */
public final class VcxprojFile {

    public static final String MSBUILD_NAMESPACE = "http://schemas.microsoft.com/developer/msbuild/2003";

    private final Path file;
    private final Map<ProjectConfiguration, LinkSettings> settings;
    private final List<String> ignoredConditions;

    VcxprojFile(Path file, Map<ProjectConfiguration, LinkSettings> settings, List<String> ignoredConditions) {
        this.file = file;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.ignoredConditions = List.copyOf(ignoredConditions);
    }

    public Path file() {
        return file;
    }

    /** The declared configurations, in file order. */
    public List<ProjectConfiguration> configurations() {
        return new ArrayList<>(settings.keySet());
    }

    /**
     * MSBuild conditions this reader skipped because they are not the {@code Configuration|Platform}
     * equality CMake writes; the elements under them are not part of any {@link LinkSettings}.
     */
    public List<String> ignoredConditions() {
        return ignoredConditions;
    }

    public Optional<LinkSettings> linkSettings(ProjectConfiguration configuration) {
        return Optional.ofNullable(settings.get(configuration));
    }

    /** The settings of {@code configuration} (e.g. {@code Release|ARM64}); fails naming what the project has. */
    public LinkSettings requireLinkSettings(ProjectConfiguration configuration) throws VcxprojFormatException {
        LinkSettings found = settings.get(configuration);
        if (found == null) {
            throw new VcxprojFormatException(
                    file,
                    "expected configuration " + configuration + ", but the project has "
                            + settings.keySet().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        return found;
    }

    public LinkSettings requireLinkSettings(String configurationAndPlatform) throws VcxprojFormatException {
        return requireLinkSettings(ProjectConfiguration.parse(configurationAndPlatform));
    }

    /** Shorthand for {@code requireLinkSettings(configuration).evidenceFor(flag)}. */
    public FlagEvidence linkerFlag(ProjectConfiguration configuration, String flag) throws VcxprojFormatException {
        return requireLinkSettings(configuration).evidenceFor(flag);
    }

    @Override
    public String toString() {
        return file + " " + settings.keySet();
    }
}
