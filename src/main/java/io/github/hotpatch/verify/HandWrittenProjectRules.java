package io.github.hotpatch.verify;

import io.github.hotpatch.msbuild.eval.EvaluatedConfiguration;
import io.github.hotpatch.msbuild.eval.NotEvaluated;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import io.github.hotpatch.vcxproj.FlagEvidence;
import io.github.hotpatch.vcxproj.ProjectConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The project rules for a hand-written MSBuild project, per evaluated configuration. {@code Release|ARM64} and
 * {@code Release|x64} must carry the MSVC profile of their arch (HP-PRJ-002) without a conflicting switch
 * (HP-PRJ-004); every other configuration must not carry {@code /hotpatchcompatible} (HP-PRJ-003). Each message
 * starts with the configuration. A configuration without a link step (StaticLibrary, Utility) gets
 * NOT_APPLICABLE saying so; a verdict that depends on something the evaluator did not evaluate is NOT_APPLICABLE
 * naming it.
 */
public final class HandWrittenProjectRules {

    private static final String RELEASE = "Release";
    private static final Set<String> NO_LINK_STEP = Set.of("staticlibrary", "utility");
    private static final String HOTPATCH = "/hotpatchcompatible";

    private HandWrittenProjectRules() {}

    /**
     * @param only when present, the one hotpatch configuration this run built: the other Release configurations
     *             are not judged against a profile (NOT_APPLICABLE), but still must not leak into Debug
     */
    public static List<RuleResult> check(
            Path project, List<EvaluatedConfiguration> configurations, Optional<ProjectConfiguration> only) {
        List<RuleResult> results = new ArrayList<>();
        for (EvaluatedConfiguration c : configurations) {
            Optional<Arch> hotpatchArch = hotpatchArch(c.configuration());
            Optional<String> noLink = noLinkStep(c);
            String name = c.configuration().toString();
            if (hotpatchArch.isPresent()) {
                if (only.isPresent() && !only.get().equals(c.configuration())) {
                    String why = name + ": not built by this run (it built " + only.get() + ")";
                    results.add(Rule.PROJECT_VCXPROJ_FLAGS.notApplicable(why, project));
                    results.add(Rule.PROJECT_NO_CONFLICTS.notApplicable(why, project));
                    continue;
                }
                if (noLink.isPresent()) {
                    results.add(Rule.PROJECT_VCXPROJ_FLAGS.notApplicable(name + ": " + noLink.get(), project));
                    results.add(Rule.PROJECT_NO_CONFLICTS.notApplicable(name + ": " + noLink.get(), project));
                    continue;
                }
                HotpatchProfile profile = HotpatchProfile.of(hotpatchArch.get(), LinkerKind.MSVC);
                results.add(profileFlags(project, c, profile));
                results.add(conflicts(project, c, profile));
            } else if (noLink.isPresent()) {
                results.add(Rule.PROJECT_OTHER_CONFIGS_CLEAN.notApplicable(name + ": " + noLink.get(), project));
            } else {
                results.add(noHotpatchFlag(project, c));
            }
        }
        return results;
    }

    /** The configuration a result of these rules is about (its message starts with it), e.g. {@code Release|ARM64}. */
    public static String configurationOf(RuleResult result) {
        int colon = result.message().indexOf(": ");
        return colon < 0 ? "" : result.message().substring(0, colon);
    }

    /** The arch whose profile {@code configuration} must carry: Release|ARM64 and Release|x64 only. */
    public static Optional<Arch> hotpatchArch(ProjectConfiguration configuration) {
        if (!configuration.configuration().equalsIgnoreCase(RELEASE)) {
            return Optional.empty();
        }
        String platform = configuration.platform().toUpperCase(Locale.ROOT);
        return switch (platform) {
            case "ARM64" -> Optional.of(Arch.ARM64);
            case "X64" -> Optional.of(Arch.X64);
            default -> Optional.empty();
        };
    }

    private static Optional<String> noLinkStep(EvaluatedConfiguration c) {
        Optional<String> type = c.configurationType().map(String::trim);
        if (type.isPresent() && NO_LINK_STEP.contains(type.get().toLowerCase(Locale.ROOT))) {
            return Optional.of("ConfigurationType is " + type.get() + ", which has no link step (a "
                    + (type.get().equalsIgnoreCase("Utility")
                            ? "Utility project runs no compiler or linker"
                            : "static library is archived by lib.exe, which takes no linker switches")
                    + "), so the link rules do not apply");
        }
        return Optional.empty();
    }

    static RuleResult profileFlags(Path project, EvaluatedConfiguration c, HotpatchProfile profile) {
        String name = c.configuration().toString();
        List<String> proofs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String flag : profile.flags()) {
            FlagEvidence evidence = c.link().evidenceFor(flag);
            if (evidence.inEffect()) {
                proofs.add(
                        evidence.element() == null || evidence.element().equals("AdditionalOptions")
                                ? evidence.value()
                                : "<" + evidence.element() + ">" + evidence.value() + " (" + flag + ")");
            } else {
                missing.add(flag);
            }
        }
        String options = "link options " + String.join(" ", c.linkOptions());
        if (missing.isEmpty()) {
            return Rule.PROJECT_VCXPROJ_FLAGS.pass(
                    name + ": carries the MSVC " + profile.arch() + " profile (" + String.join(" ", proofs) + "); "
                            + options,
                    project);
        }
        List<NotEvaluated> unknown = c.affectingLink();
        if (!unknown.isEmpty()) {
            return Rule.PROJECT_VCXPROJ_FLAGS.notApplicable(
                    name + ": lacks " + String.join(" ", missing) + " as far as evaluated, but cannot be decided: "
                            + describe(unknown),
                    project);
        }
        return Rule.PROJECT_VCXPROJ_FLAGS.fail(
                name + ": lacks " + String.join(" ", missing) + " of the MSVC " + profile.arch() + " profile "
                        + String.join(" ", profile.flags()) + "; " + options,
                project);
    }

    static RuleResult conflicts(Path project, EvaluatedConfiguration c, HotpatchProfile profile) {
        String name = c.configuration().toString();
        List<String> tokens = c.linkOptions();
        List<String> warnings = new ArrayList<>();
        if (profile.contains("/profile")) {
            int profileAt = lastIndex(tokens, t -> LinkerFlags.normalise(t).equals("/profile"));
            Optional<String> icf = LinkerFlags.lastOptOption(tokens, "icf");
            if (icf.isPresent()) {
                int icfAt = tokens.lastIndexOf(icf.get());
                warnings.add(icf.get() + (profileAt >= 0 && icfAt > profileAt ? " after /PROFILE" : " beside /PROFILE")
                        + ", which implies /OPT:NOICF; which one wins is not documented");
            }
        }
        if (profile.contains("/incremental:no")) {
            Optional<String> last = LinkerFlags.findSwitch(tokens, "/incremental");
            if (last.isPresent() && !LinkerFlags.normalise(last.get()).equals("/incremental:no")) {
                return Rule.PROJECT_NO_CONFLICTS.fail(
                        name + ": the last /INCREMENTAL switch is " + last.get() + ": incremental linking stays on",
                        project);
            }
        }
        for (String pgo :
                List.of("/useprofile", "/genprofile", "/fastgenprofile", "/ltcg:pgoptimize", "/ltcg:pginstrument")) {
            LinkerFlags.findSwitch(tokens, pgo)
                    .ifPresent(f -> warnings.add(f + " (profile-guided optimization) beside the hotpatch flags: how PGO"
                            + " layout interacts with hotpatching is not documented"));
        }
        LinkerFlags.findSwitch(tokens, "/debug")
                .filter(f -> LinkerFlags.normalise(f).equals("/debug:none"))
                .ifPresent(f -> warnings.add(f + " drops the PDB the hotpatch evidence lives in"));
        if (warnings.isEmpty()) {
            return Rule.PROJECT_NO_CONFLICTS.pass(
                    name + ": no /OPT:ICF, /INCREMENTAL, PGO or /DEBUG:NONE against the profile", project);
        }
        return Rule.PROJECT_NO_CONFLICTS.deviation(
                name + ": conflict (warning): " + String.join("; ", warnings), project);
    }

    static RuleResult noHotpatchFlag(Path project, EvaluatedConfiguration c) {
        String name = c.configuration().toString();
        FlagEvidence evidence = c.link().evidenceFor(HOTPATCH);
        if (evidence.inEffect()) {
            return Rule.PROJECT_OTHER_CONFIGS_CLEAN.fail(
                    name + ": carries " + evidence.value() + " outside Release|ARM64 and Release|x64; link options "
                            + String.join(" ", c.linkOptions()),
                    project);
        }
        List<NotEvaluated> unknown = c.affectingLink();
        if (!unknown.isEmpty()) {
            return Rule.PROJECT_OTHER_CONFIGS_CLEAN.notApplicable(
                    name + ": no " + HOTPATCH + " as far as evaluated, but cannot be decided: " + describe(unknown),
                    project);
        }
        return Rule.PROJECT_OTHER_CONFIGS_CLEAN.pass(
                name + ": no " + HOTPATCH + "; link options " + String.join(" ", c.linkOptions()), project);
    }

    private static String describe(List<NotEvaluated> unknown) {
        List<String> parts = new ArrayList<>();
        for (NotEvaluated n : unknown.subList(0, Math.min(3, unknown.size()))) {
            parts.add(n.file().getFileName() + ":" + n.line() + " " + n.construct() + " (" + n.reason() + ")");
        }
        return String.join("; ", parts) + (unknown.size() > 3 ? "; and " + (unknown.size() - 3) + " more" : "")
                + " not evaluated";
    }

    private static int lastIndex(List<String> tokens, java.util.function.Predicate<String> p) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (p.test(tokens.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
