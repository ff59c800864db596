package io.github.hotpatch.msbuild.eval;

import io.github.hotpatch.vcxproj.LinkSettings;
import io.github.hotpatch.vcxproj.ProjectConfiguration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One configuration of a project as the evaluator saw it.
 *
 * @param configuration the declared {@code Configuration|Platform}
 * @param link          the {@code Link} item definition and the final properties, for the flag rules
 * @param linkOptions   the linker switches in effective order: those MSBuild derives from {@code Link} elements
 *                      (CMake's flag table, e.g. {@code <Profile>true</Profile>} is {@code /PROFILE}) first, then
 *                      the tokens of {@code <AdditionalOptions>}, as the Link task writes them
 * @param evidence      where each {@code Link} value came from (file, line, what it expanded to)
 * @param notEvaluated  what was not evaluated for this configuration
 * @param imports       the files evaluated, the project first
 * @param properties    the final properties (global, reserved and project properties; not the environment)
 */
public record EvaluatedConfiguration(
        ProjectConfiguration configuration,
        LinkSettings link,
        List<String> linkOptions,
        List<String> evidence,
        List<NotEvaluated> notEvaluated,
        List<Path> imports,
        Map<String, String> properties) {

    public EvaluatedConfiguration {
        linkOptions = List.copyOf(linkOptions);
        evidence = List.copyOf(evidence);
        notEvaluated = List.copyOf(notEvaluated);
        imports = List.copyOf(imports);
        properties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(properties));
    }

    public Optional<String> property(String name) {
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The not-evaluated parts that may change this configuration's link settings. */
    public List<NotEvaluated> affectingLink() {
        return notEvaluated.stream().filter(NotEvaluated::affectsLink).toList();
    }

    /** {@code ConfigurationType} as evaluated: {@code Driver}, {@code DynamicLibrary}, {@code StaticLibrary}, ... */
    public Optional<String> configurationType() {
        return property("ConfigurationType");
    }
}
