package io.github.hotpatch.vcxproj;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Configuration|Platform} pair of a Visual Studio project, e.g. {@code Release|ARM64}.
 * Equality ignores case because MSBuild compares condition strings case-insensitively.
 */
public record ProjectConfiguration(String configuration, String platform) {

    /** The only condition form CMake writes: {@code '$(Configuration)|$(Platform)'=='Release|ARM64'}. */
    private static final Pattern CONDITION =
            Pattern.compile("\\s*'\\$\\(Configuration\\)\\|\\$\\(Platform\\)'\\s*==\\s*'([^'|]+)\\|([^'|]+)'\\s*");

    public ProjectConfiguration {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(platform, "platform");
        if (configuration.isBlank() || platform.isBlank()) {
            throw new IllegalArgumentException("configuration and platform must not be blank");
        }
    }

    /** Parses {@code Release|ARM64}; throws {@link IllegalArgumentException} for any other shape. */
    public static ProjectConfiguration parse(String configurationAndPlatform) {
        Objects.requireNonNull(configurationAndPlatform, "configurationAndPlatform");
        int bar = configurationAndPlatform.indexOf('|');
        if (bar <= 0
                || bar == configurationAndPlatform.length() - 1
                || configurationAndPlatform.indexOf('|', bar + 1) >= 0) {
            throw new IllegalArgumentException(
                    "expected Configuration|Platform (e.g. Release|ARM64), got '" + configurationAndPlatform + "'");
        }
        return new ProjectConfiguration(
                configurationAndPlatform.substring(0, bar).trim(),
                configurationAndPlatform.substring(bar + 1).trim());
    }

    /**
     * The configuration an MSBuild {@code Condition} selects, when it has the form CMake writes;
     * empty for any other condition (this reader does not evaluate general MSBuild conditions).
     */
    public static Optional<ProjectConfiguration> fromCondition(String condition) {
        if (condition == null) {
            return Optional.empty();
        }
        Matcher m = CONDITION.matcher(condition);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                new ProjectConfiguration(m.group(1).trim(), m.group(2).trim()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectConfiguration other
                && configuration.equalsIgnoreCase(other.configuration)
                && platform.equalsIgnoreCase(other.platform);
    }

    @Override
    public int hashCode() {
        return Objects.hash(configuration.toLowerCase(Locale.ROOT), platform.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return configuration + "|" + platform;
    }
}
