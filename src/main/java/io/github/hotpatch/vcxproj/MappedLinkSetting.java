package io.github.hotpatch.vcxproj;

/**
 * Where CMake's Visual Studio generator writes a linker switch its flag table knows.
 *
 * @param element        MSBuild element name, e.g. {@code Profile}
 * @param value          the value that stands for the switch, e.g. {@code true}
 * @param inPropertyGroup {@code true} for settings CMake moves out of {@code <Link>} into the
 *                        per-configuration {@code <PropertyGroup>} ({@code LinkIncremental})
 */
public record MappedLinkSetting(String element, String value, boolean inPropertyGroup) {}
