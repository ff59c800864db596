package io.github.hotpatch.verify;

import io.github.hotpatch.fileapi.FileApiReply;
import io.github.hotpatch.fileapi.FileApiReplyReader;
import io.github.hotpatch.fileapi.FileApiTarget;
import io.github.hotpatch.pe.PeImage;
import io.github.hotpatch.pe.PeImageReader;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.VariantState;
import io.github.hotpatch.vcxproj.VcxprojLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verify goal's work for one variant: the project rules on the generated project, then the binary rules on
 * the Release artifact the File API reply names, then the Debug artifact's hotpatch bit.
 */
public final class VariantVerifier {

    /** A variant that cannot be verified at all (not configured by this plugin, no File API reply). */
    public static final class NotVerifiable extends Exception {
        private static final long serialVersionUID = 1L;

        public NotVerifiable(String message) {
            super(message);
        }
    }

    /** Where the target's vcxproj is looked for; a failed search is an error, never "no vcxproj". */
    @FunctionalInterface
    interface VcxprojSearch {
        Optional<Path> find(Path variantDir, String targetName) throws IOException;
    }

    private final VcxprojSearch vcxprojSearch;

    public VariantVerifier() {
        this(VcxprojLocator::find);
    }

    VariantVerifier(VcxprojSearch vcxprojSearch) {
        this.vcxprojSearch = vcxprojSearch;
    }

    /**
     * @param variantDir  the variant's build directory, configured by {@code hotpatch:configure}
     * @param variantName the variant's name (the report's subject)
     */
    public SubjectReport verify(Path variantDir, String variantName, String targetName, boolean checkBinaries)
            throws NotVerifiable {
        VariantState state;
        FileApiReply reply;
        try {
            state = VariantState.read(variantDir);
            reply = FileApiReplyReader.read(variantDir);
        } catch (IOException e) {
            throw new NotVerifiable("[" + variantName + "] " + e.getMessage());
        }
        // The requirement is the reference profile for the arch and linker, not what hotpatchFlags injected:
        // an override that drops a flag must fail here.
        HotpatchProfile profile = HotpatchProfile.of(state.arch(), state.linker());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("variant", variantName);
        facts.put("arch", state.arch().platform);
        facts.put("generator", state.generator());
        facts.put("linker", state.linker().name());
        facts.put("hotpatch", state.hotpatch());
        facts.put("flags", state.flags());
        facts.put("requiredFlags", profile.flags());
        facts.put("deviation", state.deviation().orElse(null));
        facts.put("target", targetName);
        facts.put("binariesChecked", checkBinaries);
        List<RuleResult> results = new ArrayList<>();
        if (!state.hotpatch()) {
            results.add(Rule.PROJECT_RELEASE_FLAGS.fail(
                    "the variant was configured with hotpatch=false: no hotpatch flags" + " were added",
                    variantDir.resolve(VariantState.FILE_NAME)));
        } else {
            results.addAll(ProjectRules.checkGenerated(
                    reply, targetName, profile, state.flags(), findVcxproj(variantDir, targetName)));
        }
        if (checkBinaries) {
            results.addAll(binaryRules(reply, targetName, state, profile, facts));
        }
        return new SubjectReport(variantName, SubjectReport.KIND_VARIANT, state.arch().platform, results, facts);
    }

    private List<RuleResult> binaryRules(
            FileApiReply reply,
            String targetName,
            VariantState state,
            HotpatchProfile profile,
            Map<String, Object> facts) {
        List<RuleResult> results = new ArrayList<>();
        Optional<FileApiTarget> release = reply.target("Release", targetName);
        Optional<Path> dll = release.flatMap(FileApiTarget::primaryArtifact);
        if (dll.isEmpty() || !Files.isRegularFile(dll.get())) {
            results.add(Rule.BINARY_BUILT.fail(
                    dll.map(p -> p + " does not exist: run hotpatch:build (buildConfig Release)")
                            .orElse("the File API reply names no Release artifact for target '" + targetName + "'"),
                    // the evidence is the reply that names the artifact; a missing file has no bytes to point at
                    release.map(FileApiTarget::jsonFile).orElse(reply.indexFile())));
            return results;
        }
        results.add(Rule.BINARY_BUILT.pass(dll.get() + " (from the File API reply)", dll.get()));
        try {
            BinaryEvidence evidence = BinaryEvidence.collect(
                    dll.get(), release.flatMap(FileApiTarget::pdb).filter(Files::isRegularFile));
            SubjectReport binary = BinaryInspection.inspect(
                    dll.get().getFileName().toString(), evidence, Optional.of(state.arch()), Optional.of(profile));
            results.addAll(binary.results());
            facts.put("release", binary.facts());
        } catch (IOException e) {
            results.add(Rule.BINARY_MACHINE.fail("cannot read the Release binary: " + e.getMessage(), dll.get()));
        }
        results.add(debugOutput(reply, targetName));
        return results;
    }

    /** Debug outputs, when present, must not carry the hotpatch bit: the flags belong to Release only. */
    static RuleResult debugOutput(FileApiReply reply, String targetName) {
        Optional<FileApiTarget> debug = reply.target("Debug", targetName);
        Optional<Path> dll = debug.flatMap(FileApiTarget::primaryArtifact);
        // Only a proven absence is "no Debug build": a file that cannot be looked at is read, and its error reported.
        if (dll.isEmpty() || Files.notExists(dll.get())) {
            return Rule.DEBUG_NOT_HOTPATCH.notApplicable(
                    "no Debug build of '" + targetName + "' present"
                            + dll.map(p -> " (" + p + ")").orElse(""),
                    debug.map(FileApiTarget::jsonFile).orElse(reply.indexFile()));
        }
        try {
            PeImage image = PeImageReader.read(dll.get());
            String seen = "EX_DLLCHARACTERISTICS "
                    + (image.exDllCharacteristics().isPresent()
                            ? "= 0x"
                                    + Integer.toHexString(
                                            image.exDllCharacteristics().getAsInt())
                            : "entry absent");
            RuleResult result = image.hotpatchCompatible()
                    ? Rule.DEBUG_NOT_HOTPATCH.fail(seen + ": the Debug build carries HOTPATCH_COMPATIBLE", dll.get())
                    : Rule.DEBUG_NOT_HOTPATCH.pass(seen, dll.get());
            List<io.github.hotpatch.pe.DebugEntry> ex =
                    image.debugEntries(io.github.hotpatch.pe.DebugType.EX_DLLCHARACTERISTICS);
            return ex.isEmpty() || ex.get(0).exDllCharacteristics().isEmpty()
                    ? result.at(BinaryRules.debugDirectoryRegion(image))
                    : result.at(new EvidenceRegion(ex.get(0).pointerToRawData(), 4));
        } catch (IOException e) {
            return Rule.DEBUG_NOT_HOTPATCH.fail("cannot read the Debug binary: " + e.getMessage(), dll.get());
        }
    }

    /**
     * The target's vcxproj, when a Visual Studio generator wrote one. A search that fails (an unreadable directory
     * below the variant) is kept as the error HP-PRJ-002 and HP-PRJ-003 report, naming the directory: it never
     * reads as "no vcxproj", which would make HP-PRJ-002 not applicable.
     */
    private Optional<ProjectRules.GeneratedProject> findVcxproj(Path variantDir, String targetName) {
        try {
            return vcxprojSearch.find(variantDir, targetName).map(ProjectRules.GeneratedProject::read);
        } catch (IOException e) {
            return Optional.of(ProjectRules.GeneratedProject.unreadable(
                    variantDir,
                    "cannot search " + variantDir + " for " + targetName + ".vcxproj: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
    }
}
