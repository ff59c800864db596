package io.github.hotpatch.verify;

import io.github.hotpatch.pdb.PdbFile;
import io.github.hotpatch.pe.PeImage;
import io.github.hotpatch.pe.RichEntry;
import io.github.hotpatch.profile.LinkerKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which linker wrote an image, from the best evidence at hand: the PDB's linker module (S_COMPILE3), else the
 * Rich header (only Microsoft's link.exe writes one), else lld's GUID signature ("LLD PDB." in the RSDS GUID).
 *
 * @param kind     MSVC, LLD, or empty when nothing says
 * @param name     e.g. "Microsoft (R) LINK", "LLVM Linker"
 * @param version  e.g. "14.44.35219"
 * @param evidence where the answer came from
 */
public record LinkerIdentity(Optional<LinkerKind> kind, String name, String version, String evidence) {

    /** lld fills the last 8 GUID bytes of the RSDS record with the ASCII text "LLD PDB." (measured on lld 19 and 22). */
    private static final byte[] LLD_GUID_TAIL = "LLD PDB.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public static LinkerIdentity of(PeImage image, Optional<PdbFile> pdb) {
        String headerVersion = image.linkerVersion().toString();
        if (pdb.isPresent() && pdb.get().linkerName().isPresent()) {
            String name = pdb.get().linkerName().get();
            String lower = name.toLowerCase(Locale.ROOT);
            Optional<LinkerKind> kind = lower.contains("llvm") || lower.contains("lld")
                    ? Optional.of(LinkerKind.LLD)
                    : lower.contains("microsoft") ? Optional.of(LinkerKind.MSVC) : Optional.empty();
            return new LinkerIdentity(
                    kind,
                    name,
                    pdb.get().linkerVersion().orElse(headerVersion),
                    "S_COMPILE3 of the PDB's * Linker * module");
        }
        Optional<RichEntry> rich = image.richHeader().flatMap(r -> r.linker());
        if (rich.isPresent()) {
            return new LinkerIdentity(
                    Optional.of(LinkerKind.MSVC),
                    "Microsoft (R) LINK",
                    headerVersion + "." + rich.get().build(),
                    "Rich header linker entry and optional header");
        }
        Optional<byte[]> guid = image.codeView().map(cv -> cv.guid());
        if (guid.isPresent()
                && guid.get().length == 16
                && Arrays.equals(Arrays.copyOfRange(guid.get(), 8, 16), LLD_GUID_TAIL)) {
            return new LinkerIdentity(
                    Optional.of(LinkerKind.LLD),
                    "LLVM Linker",
                    headerVersion,
                    "lld's signature in the RSDS GUID (no PDB read)");
        }
        return new LinkerIdentity(Optional.empty(), "unknown", headerVersion, "optional header only");
    }

    public Map<String, Object> toFacts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("version", version);
        m.put("kind", kind.map(Enum::name).orElse(null));
        m.put("evidence", evidence);
        return m;
    }
}
