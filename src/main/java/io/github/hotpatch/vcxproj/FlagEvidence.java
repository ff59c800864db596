package io.github.hotpatch.vcxproj;

import java.nio.file.Path;

/**
 * The answer to "is linker switch F in effect for configuration C of this project", with the evidence:
 * which element (or {@code AdditionalOptions} token) proved it, or what was found instead.
 *
 * @param flag          the switch as asked, e.g. {@code /PROFILE}
 * @param configuration the configuration looked at
 * @param file          the .vcxproj read
 * @param inEffect      whether the project passes the switch to the linker
 * @param source        where the deciding value came from
 * @param element       the MSBuild element looked at ({@code AdditionalOptions}, {@code Profile}, ...), or
 *                      {@code null} when the switch maps to no element and is absent
 * @param value         the deciding value (the matching token, or the element's text), or {@code null} if absent
 * @param message       one line for a report: file, configuration, element and value
 */
public record FlagEvidence(
        String flag,
        ProjectConfiguration configuration,
        Path file,
        boolean inEffect,
        Source source,
        String element,
        String value,
        String message) {

    /** Where the deciding value was found. */
    public enum Source {
        /** a token of {@code <Link><AdditionalOptions>} */
        ADDITIONAL_OPTIONS,
        /** an element of the configuration's {@code <ItemDefinitionGroup><Link>} */
        LINK_ELEMENT,
        /** an element of a per-configuration {@code <PropertyGroup>} ({@code LinkIncremental}) */
        PROPERTY_GROUP,
        /** nothing written: the MSBuild default applies ({@code LinkIncremental} is true) */
        DEFAULT,
        /** neither representation was found */
        NOT_FOUND
    }

    @Override
    public String toString() {
        return message;
    }
}
