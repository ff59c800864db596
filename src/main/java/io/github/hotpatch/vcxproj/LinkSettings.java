package io.github.hotpatch.vcxproj;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective linker settings of one configuration of a .vcxproj: the {@code <Link>} item
 * definition (with {@code AdditionalOptions} split into switches) and the per-configuration
 * properties CMake writes outside it ({@code LinkIncremental}, {@code OutDir}, {@code TargetName}, ...).
 */
public final class LinkSettings {

    /** MSBuild's value when no {@code <LinkIncremental>} is written (FACTS §3). */
    static final String LINK_INCREMENTAL_DEFAULT = "true";

    private final Path file;
    private final ProjectConfiguration configuration;
    private final AdditionalOptions additionalOptions;
    private final Map<String, String> linkElements;
    private final Map<String, String> properties;

    LinkSettings(
            Path file,
            ProjectConfiguration configuration,
            AdditionalOptions additionalOptions,
            Map<String, String> linkElements,
            Map<String, String> properties) {
        this.file = Objects.requireNonNull(file, "file");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.additionalOptions = Objects.requireNonNull(additionalOptions, "additionalOptions");
        this.linkElements = Collections.unmodifiableMap(new LinkedHashMap<>(linkElements));
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Settings evaluated elsewhere (the MSBuild evaluator of hand-written projects). */
    public static LinkSettings of(
            Path file,
            ProjectConfiguration configuration,
            AdditionalOptions additionalOptions,
            Map<String, String> linkElements,
            Map<String, String> properties) {
        return new LinkSettings(file, configuration, additionalOptions, linkElements, properties);
    }

    public Path file() {
        return file;
    }

    public ProjectConfiguration configuration() {
        return configuration;
    }

    /** The switches of {@code <Link><AdditionalOptions>}, {@code %(AdditionalOptions)} resolved. */
    public AdditionalOptions additionalOptions() {
        return additionalOptions;
    }

    /** Every {@code <Link>} child except {@code AdditionalOptions}, name to trimmed text, in file order. */
    public Map<String, String> linkElements() {
        return linkElements;
    }

    /** Per-configuration properties (from unconditioned or matching {@code <PropertyGroup>}s), name to text. */
    public Map<String, String> properties() {
        return properties;
    }

    public Optional<String> linkElement(String name) {
        return Optional.ofNullable(linkElements.get(name));
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** {@code DynamicLibrary}, {@code Application}, ... from {@code PropertyGroup Label="Configuration"}. */
    public Optional<String> configurationType() {
        return property("ConfigurationType");
    }

    /** {@code <LinkIncremental>} as written; empty text when CMake suppressed it for IPO. */
    public Optional<String> linkIncremental() {
        return property("LinkIncremental");
    }

    /** Whether MSBuild links incrementally by the element alone: absent means true, as MSBuild defaults. */
    public boolean linkIncrementalByElement() {
        return "true".equalsIgnoreCase(linkIncremental().orElse(LINK_INCREMENTAL_DEFAULT));
    }

    public Optional<String> profile() {
        return linkElement("Profile");
    }

    public Optional<String> createHotPatchableImage() {
        return linkElement("CreateHotPatchableImage");
    }

    public Optional<String> generateMapFile() {
        return linkElement("GenerateMapFile");
    }

    public Optional<String> generateDebugInformation() {
        return linkElement("GenerateDebugInformation");
    }

    public Optional<String> enableComdatFolding() {
        return linkElement("EnableCOMDATFolding");
    }

    public Optional<String> optimizeReferences() {
        return linkElement("OptimizeReferences");
    }

    /**
     * Whether the linker switch {@code flag} is in effect, accepting either representation: a token of
     * {@code AdditionalOptions} (any case, {@code /} or {@code -}) or the element CMake's flag table maps
     * it to. An {@code AdditionalOptions} token wins over a contradicting element because MSBuild's Link
     * task puts AdditionalOptions after the switches it derives from elements.
     */
    public FlagEvidence evidenceFor(String flag) {
        return FlagEvidenceFinder.find(this, flag);
    }

    @Override
    public String toString() {
        return file.getFileName() + " [" + configuration + "]";
    }
}
