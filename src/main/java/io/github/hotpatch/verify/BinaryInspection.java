package io.github.hotpatch.verify;

import io.github.hotpatch.pdb.PdbFile;
import io.github.hotpatch.pe.DebugEntry;
import io.github.hotpatch.pe.PeImage;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One binary checked against a profile: the evidence as report facts, plus the rule results. */
public final class BinaryInspection {
    private BinaryInspection() {}

    /**
     * Checks {@code evidence}. Without an explicit profile (inspect), the profile is the one for the image's arch
     * (or {@code arch}) and its linker as identified from the evidence; an unknown linker is held to MSVC's.
     */
    public static SubjectReport inspect(
            String subjectName, BinaryEvidence evidence, Optional<Arch> arch, Optional<HotpatchProfile> profile) {
        PeImage image = evidence.image();
        LinkerIdentity linker = LinkerIdentity.of(image, evidence.pdb());
        Optional<Arch> imageArch = java.util.Arrays.stream(Arch.values())
                .filter(a -> a.peMachine == image.machine().code())
                .findFirst();
        HotpatchProfile chosen = profile.orElseGet(() -> HotpatchProfile.of(
                arch.or(() -> imageArch).orElse(Arch.ARM64), linker.kind().orElse(LinkerKind.MSVC)));
        List<RuleResult> results = BinaryRules.check(evidence, arch, chosen, linker);
        return new SubjectReport(
                subjectName,
                SubjectReport.KIND_BINARY,
                image.machine().name(),
                results,
                facts(evidence, linker, chosen));
    }

    static Map<String, Object> facts(BinaryEvidence evidence, LinkerIdentity linker, HotpatchProfile profile) {
        PeImage image = evidence.image();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file", image.file().toString());
        f.put("machine", image.machine().name());
        f.put("linker", linker.toFacts());
        f.put(
                "debugEntries",
                image.debugEntries().stream().map(DebugEntry::typeName).toList());
        f.put(
                "exDllCharacteristics",
                image.exDllCharacteristics().isPresent()
                        ? image.exDllCharacteristics().getAsInt()
                        : null);
        f.put("hotpatchCompatible", image.hotpatchCompatible());
        f.put(
                "relocations",
                image.relocations().present() && !image.relocations().relocsStripped());
        f.put(
                "loadConfig",
                image.loadConfig()
                        .map(lc -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("size", lc.size());
                            m.put(
                                    "guardFlags",
                                    lc.guardFlags().isPresent()
                                            ? lc.guardFlags().getAsInt()
                                            : null);
                            // Describes a patch image; a base image carries 0 (FACTS §2: an inference, no public doc).
                            m.put(
                                    "hotPatchTableOffset",
                                    lc.hotPatchTableOffset().isPresent()
                                            ? lc.hotPatchTableOffset().getAsLong()
                                            : null);
                            return (Object) m;
                        })
                        .orElse(null));
        f.put("pdb", pdbFacts(evidence));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("linker", profile.linker().name());
        p.put("arch", profile.arch().platform);
        p.put("flags", profile.flags());
        p.put("deviation", profile.deviation().orElse(null));
        f.put("profile", p);
        Map<String, Object> bytes = new LinkedHashMap<>();
        bytes.put("image", image.bytesRead());
        bytes.put("imageSize", image.fileSize());
        bytes.put("pdb", evidence.pdb().map(PdbFile::bytesRead).orElse(0L));
        bytes.put("pdbSize", evidence.pdb().map(PdbFile::fileSize).orElse(0L));
        f.put("bytesRead", bytes);
        return f;
    }

    private static Map<String, Object> pdbFacts(BinaryEvidence evidence) {
        if (evidence.pdbPath().isEmpty()) {
            return null;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", evidence.pdbPath().get().toString());
        if (evidence.pdb().isEmpty()) {
            p.put("error", evidence.pdbError().orElse("not read"));
            p.put("matches", false);
            return p;
        }
        PdbFile pdb = evidence.pdb().get();
        p.put("guid", pdb.guid().formatted());
        p.put("age", pdb.age());
        p.put("matches", evidence.pdbMatches());
        p.put("incrementallyLinked", pdb.incrementallyLinked());
        p.put("fixupData", pdb.hasFixupStream());
        p.put("linkerCommandLine", pdb.linkerCommandLine().orElse(null));
        return p;
    }
}
