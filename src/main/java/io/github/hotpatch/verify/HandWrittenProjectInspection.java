package io.github.hotpatch.verify;

import io.github.hotpatch.msbuild.HotpatchTargetsFile;
import io.github.hotpatch.msbuild.SolutionProjects;
import io.github.hotpatch.msbuild.eval.EvaluatedConfiguration;
import io.github.hotpatch.msbuild.eval.EvaluatedProject;
import io.github.hotpatch.msbuild.eval.NotEvaluated;
import io.github.hotpatch.msbuild.eval.ProjectEvaluator;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.vcxproj.ProjectConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A hand-written .vcxproj evaluated per configuration and judged by {@link HandWrittenProjectRules}: one
 * {@link SubjectReport} of kind {@value SubjectReport#KIND_VCXPROJ} whose facts are {@code file}, {@code kind} and
 * {@code configurations} ({@code name}, {@code configurationType}, {@code linkOptions}, {@code evidence},
 * {@code notEvaluated}).
 */
public final class HandWrittenProjectInspection {

    /** Deep enough for a source tree's projects (msquic's are 3-4 levels down). */
    private static final int MAX_DEPTH = 12;

    private HandWrittenProjectInspection() {}

    public static boolean isProject(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".vcxproj");
    }

    /** Every .vcxproj under {@code root}, in path order. */
    public static List<Path> projectsUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            return files.filter(p -> Files.isRegularFile(p) && isProject(p))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Evaluates every declared configuration with this process's environment and judges them all. */
    public static SubjectReport inspect(Path project) throws IOException {
        return inspect(project, new ProjectEvaluator(), Optional.empty());
    }

    /**
     * @param evaluator evaluates the project (with the global properties of the build, e.g. the plugin's
     *                  {@code ForceImportAfterCppTargets})
     * @param only      the hotpatch configuration a build made, if the report is about that build
     */
    public static SubjectReport inspect(Path project, ProjectEvaluator evaluator, Optional<ProjectConfiguration> only)
            throws IOException {
        EvaluatedProject evaluated = evaluator.evaluate(project);
        List<RuleResult> results = HandWrittenProjectRules.check(evaluated.file(), evaluated.configurations(), only);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", evaluated.file().toString());
        facts.put("kind", SubjectReport.Kind.VCXPROJ.id());
        List<Object> configurations = new ArrayList<>();
        for (EvaluatedConfiguration c : evaluated.configurations()) {
            configurations.add(configurationFacts(c));
        }
        facts.put("configurations", configurations);
        return new SubjectReport(
                evaluated.file().getFileName().toString(), SubjectReport.KIND_VCXPROJ, null, results, facts);
    }

    /**
     * After {@code hotpatch:build} of a user's project: each of its C++ projects evaluated with the plugin's .targets
     * file as {@code ForceImportAfterCppTargets}, as MSBuild got it, and judged for the one configuration built.
     *
     * @throws IOException naming the .targets file when the build did not write it ("run hotpatch:build first")
     */
    public static List<SubjectReport> verifyBuild(
            Path project, Arch arch, Path targetsDirectory, Map<String, String> environment) throws IOException {
        Path targets = HotpatchTargetsFile.pathFor(
                targetsDirectory, project.toAbsolutePath().normalize(), arch);
        if (!Files.isRegularFile(targets)) {
            throw new IOException("no " + targets + ": hotpatch:build writes it when it builds " + project
                    + " (run hotpatch:build with builder=msbuild first)");
        }
        ProjectConfiguration built = new ProjectConfiguration(HotpatchTargetsFile.CONFIGURATION, arch.platform);
        List<SubjectReport> reports = new ArrayList<>();
        for (Path p : SolutionProjects.of(project)) {
            ProjectEvaluator evaluator = new ProjectEvaluator(
                    environment, Map.of(ProjectEvaluator.FORCE_IMPORT_AFTER_CPP_TARGETS, targets.toString()));
            SubjectReport report = inspect(p, evaluator, Optional.of(built));
            Map<String, Object> facts = new LinkedHashMap<>(report.facts());
            facts.put("built", built.toString());
            facts.put("targets", targets.toString());
            reports.add(new SubjectReport(report.name(), report.kind(), arch.platform, report.results(), facts));
        }
        return reports;
    }

    private static Map<String, Object> configurationFacts(EvaluatedConfiguration c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.configuration().toString());
        m.put("configurationType", c.configurationType().orElse(null));
        m.put("linkOptions", new ArrayList<Object>(c.linkOptions()));
        m.put("evidence", new ArrayList<Object>(c.evidence()));
        List<Object> notEvaluated = new ArrayList<>();
        for (NotEvaluated n : c.notEvaluated()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", n.file().toString());
            entry.put("line", n.line());
            entry.put("construct", n.construct());
            entry.put("reason", n.reason());
            entry.put("affectsLink", n.affectsLink());
            notEvaluated.add(entry);
        }
        m.put("notEvaluated", notEvaluated);
        return m;
    }
}
