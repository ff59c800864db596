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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which linker wrote an image, from the best evidence at hand: the PDB's linker module (S_COMPILE3), else the
 * Rich header (only Microsoft's link.exe writes one), else lld's GUID signature ("LLD PDB." in the RSDS GUID).
 *
 * @param kind     MSVC, LLD, or empty when nothing says
 * @param name     e.g. "Microsoft (R) LINK", "LLVM Linker"
 * @param version  e.g. "14.44.35219"
 * @param evidence where the answer came from
 * @param versionNote why {@code version} is not the version the file records, when it is not (lld's fixed value)
 */
public record LinkerIdentity(
        Optional<LinkerKind> kind, String name, String version, String evidence, Optional<String> versionNote) {

    /**
     * What lld-link writes as the backend version of its S_COMPILE3, whatever its own version: it poses as MSVC's
     * 14.10.25019 linker (measured on lld-link 19 and 22, llvm-pdbutil prints {@code backend = 14.10.25019.0}).
     */
    public static final String LLD_FIXED_VERSION = "14.10.25019.0";

    /** Debian's versioned names ({@code lld-link-22}) or LLVM's directory ({@code /usr/lib/llvm-22/bin/lld-link}). */
    private static final Pattern VERSION_IN_PATH =
            Pattern.compile("(?:lld-link|lld)-(\\d+(?:\\.\\d+)*)(?:\\.exe)?$|llvm-(\\d+(?:\\.\\d+)*)[/\\\\]");

    public LinkerIdentity(Optional<LinkerKind> kind, String name, String version, String evidence) {
        this(kind, name, version, evidence, Optional.empty());
    }

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
            String recorded = pdb.get().linkerVersion().orElse(headerVersion);
            if (kind.equals(Optional.of(LinkerKind.LLD)) && recorded.equals(LLD_FIXED_VERSION)) {
                return lldWithFixedVersion(name, pdb.get().environment().get("exe"));
            }
            return new LinkerIdentity(kind, name, recorded, "S_COMPILE3 of the PDB's * Linker * module");
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

    /**
     * lld's S_COMPILE3 says 14.10.25019.0, which is not its version: the real one, where it exists, is in the path of
     * the linker the S_ENVBLOCK records ({@code exe}), e.g. {@code /usr/bin/lld-link-22}.
     */
    static LinkerIdentity lldWithFixedVersion(String name, String exe) {
        String note = "lld-link writes the fixed value " + LLD_FIXED_VERSION + " into S_COMPILE3, not its own version";
        Optional<String> fromPath = Optional.empty();
        if (exe != null) {
            Matcher m = VERSION_IN_PATH.matcher(exe);
            if (m.find()) {
                fromPath = Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return fromPath.isPresent()
                ? new LinkerIdentity(
                        Optional.of(LinkerKind.LLD),
                        name,
                        fromPath.get(),
                        "S_COMPILE3 of the PDB's * Linker * module (name); version from the linker's path " + exe
                                + " in its S_ENVBLOCK",
                        Optional.of(note))
                : new LinkerIdentity(
                        Optional.of(LinkerKind.LLD),
                        name,
                        "unknown",
                        "S_COMPILE3 of the PDB's * Linker * module; the linker's path"
                                + (exe == null ? " is not recorded" : " " + exe + " names no version"),
                        Optional.of(note));
    }

    public Map<String, Object> toFacts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("version", version);
        m.put("kind", kind.map(Enum::name).orElse(null));
        m.put("evidence", evidence);
        versionNote.ifPresent(note -> {
            m.put("recordedVersion", LLD_FIXED_VERSION);
            m.put("versionNote", note);
        });
        return m;
    }
}
