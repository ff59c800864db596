package io.github.hotpatch.verify;

import io.github.hotpatch.pdb.PdbFile;
import io.github.hotpatch.pe.BaseRelocations;
import io.github.hotpatch.pe.CodeViewRecord;
import io.github.hotpatch.pe.DataDirectory;
import io.github.hotpatch.pe.DebugEntry;
import io.github.hotpatch.pe.DebugType;
import io.github.hotpatch.pe.PeImage;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The binary rules (FACTS §2): each reads its own evidence from the PE image or the PDB and names it in the
 * message — file, structure, offset, value. A rule never passes on evidence it did not read.
 */
public final class BinaryRules {
    private BinaryRules() {}

    /**
     * @param expectedArch the variant's arch, or empty (inspect without -Dhotpatch.arch: any ARM64/x64 image)
     * @param profile      the profile the image should carry (the variant's, or the one for its arch and linker)
     */
    public static List<RuleResult> check(
            BinaryEvidence evidence, Optional<Arch> expectedArch, HotpatchProfile profile, LinkerIdentity linker) {
        PeImage image = evidence.image();
        Path file = image.file();
        List<RuleResult> results = new ArrayList<>();
        results.add(machine(image, expectedArch));
        results.add(hotpatchBit(image));
        results.add(relocations(image));
        results.add(codeView(image));
        results.add(pdbMatches(evidence));
        results.add(notIncremental(evidence));
        results.add(fixup(evidence, linker));
        results.add(linkCommand(evidence, profile));
        results.add(mapFile(evidence, profile));
        return results;
    }

    static RuleResult machine(PeImage image, Optional<Arch> expected) {
        int code = image.machine().code();
        String seen = "COFF header Machine at offset 0x" + Long.toHexString(image.eLfanew() + 4) + " = 0x"
                + Integer.toHexString(code).toUpperCase() + " ("
                + image.machine().name() + ")";
        EvidenceRegion field = new EvidenceRegion(image.eLfanew() + 4, 2);
        if (expected.isPresent()) {
            return (code == expected.get().peMachine
                            ? Rule.BINARY_MACHINE.pass(seen, image.file())
                            : Rule.BINARY_MACHINE.fail(
                                    seen + ", expected " + expected.get() + " (0x"
                                            + Integer.toHexString(expected.get().peMachine)
                                                    .toUpperCase() + ")",
                                    image.file()))
                    .at(field);
        }
        boolean known = Arrays.stream(Arch.values()).anyMatch(a -> a.peMachine == code);
        return (known
                        ? Rule.BINARY_MACHINE.pass(
                                seen + "; no arch was given, so any ARM64/x64 image passes", image.file())
                        : Rule.BINARY_MACHINE.fail(
                                seen + ": not an arch this plugin hotpatches (ARM64, x64)", image.file()))
                .at(field);
    }

    static RuleResult hotpatchBit(PeImage image) {
        List<DebugEntry> entries = image.debugEntries(DebugType.EX_DLLCHARACTERISTICS);
        if (entries.isEmpty()) {
            return Rule.BINARY_HOTPATCH_BIT
                    .fail(
                            "no EX_DLLCHARACTERISTICS (type 20) entry in the debug directory ("
                                    + image.debugEntries().size() + " entries: " + typeNames(image)
                                    + ", " + debugDirectoryAt(image) + "): not linked with /hotpatchcompatible",
                            image.file())
                    .at(debugDirectoryRegion(image));
        }
        DebugEntry entry = entries.get(0);
        if (entry.exDllCharacteristics().isEmpty()) {
            return Rule.BINARY_HOTPATCH_BIT
                    .fail(
                            "EX_DLLCHARACTERISTICS entry at offset 0x" + Long.toHexString(entry.fileOffset())
                                    + " has no readable data",
                            image.file())
                    .at(entryRegion(entry));
        }
        int value = entry.exDllCharacteristics().getAsInt();
        String seen = "EX_DLLCHARACTERISTICS (debug entry at offset 0x" + Long.toHexString(entry.fileOffset())
                + ", data at 0x" + Long.toHexString(entry.pointerToRawData()) + ") = 0x" + Integer.toHexString(value);
        return ((value & 0x80) != 0
                        ? Rule.BINARY_HOTPATCH_BIT.pass(seen + ": HOTPATCH_COMPATIBLE set", image.file())
                        : Rule.BINARY_HOTPATCH_BIT.fail(seen + ": HOTPATCH_COMPATIBLE (0x80) clear", image.file()))
                .at(new EvidenceRegion(entry.pointerToRawData(), 4));
    }

    /** The 8-byte data directory entry {@code index} in the optional header (PE32+: at 112, PE32: at 96). */
    static EvidenceRegion dataDirectoryRegion(PeImage image, int index) {
        long optionalHeader = image.eLfanew() + 24;
        return new EvidenceRegion(optionalHeader + (image.isPe32Plus() ? 112 : 96) + 8L * index, 8);
    }

    /** Where the debug directory is described: data directory #6 (its entries are at its RVA). */
    static EvidenceRegion debugDirectoryRegion(PeImage image) {
        return dataDirectoryRegion(image, DataDirectory.DEBUG);
    }

    private static String debugDirectoryAt(PeImage image) {
        return "data directory #6 at offset 0x"
                + Long.toHexString(debugDirectoryRegion(image).byteOffset());
    }

    static EvidenceRegion entryRegion(DebugEntry entry) {
        return new EvidenceRegion(entry.fileOffset(), DebugEntry.SIZE);
    }

    static RuleResult relocations(PeImage image) {
        BaseRelocations r = image.relocations();
        EvidenceRegion entry = dataDirectoryRegion(image, DataDirectory.BASE_RELOCATION);
        String seen = "data directory #5 (base relocations, at offset 0x" + Long.toHexString(entry.byteOffset())
                + ") RVA 0x"
                + Long.toHexString(r.directory().rva()) + " size "
                + r.directory().size() + ", .reloc section " + (r.relocSection() ? "present" : "absent")
                + ", FILE_RELOCS_STRIPPED " + (r.relocsStripped() ? "set" : "clear")
                + ", DYNAMIC_BASE " + ((image.dllCharacteristics() & 0x40) != 0 ? "set" : "clear");
        return (r.present() && !r.relocsStripped()
                        ? Rule.BINARY_RELOCATIONS.pass(seen, image.file())
                        : Rule.BINARY_RELOCATIONS.fail(
                                seen + ": a hotpatch needs the relocations /PROFILE keeps (/FIXED:NO)", image.file()))
                .at(entry);
    }

    static RuleResult codeView(PeImage image) {
        Optional<DebugEntry> entry = image.debugEntries(DebugType.CODEVIEW).stream()
                .filter(e -> e.codeView().isPresent())
                .findFirst();
        if (entry.isPresent()) {
            CodeViewRecord r = entry.get().codeView().get();
            return Rule.BINARY_CODEVIEW
                    .pass(
                            "RSDS record (debug entry at offset 0x"
                                    + Long.toHexString(entry.get().fileOffset()) + "): GUID " + r.guidString()
                                    + ", age " + r.age() + ", PDB '" + r.pdbPath() + "'",
                            image.file())
                    .at(entryRegion(entry.get()));
        }
        return Rule.BINARY_CODEVIEW
                .fail(
                        "no CODEVIEW RSDS record in the debug directory (entries: " + typeNames(image) + ", "
                                + debugDirectoryAt(image) + "): link with /DEBUG",
                        image.file())
                .at(debugDirectoryRegion(image));
    }

    static RuleResult pdbMatches(BinaryEvidence e) {
        Optional<CodeViewRecord> cv = e.image().codeView();
        String asked = e.requestedPdb()
                .map(p -> "the RSDS record asks for '" + p + "'")
                .orElse("the image names no PDB (no RSDS record)");
        String notes = e.pdbNotes().isEmpty() ? "" : "; passed over: " + String.join("; ", e.pdbNotes());
        if (e.pdbError().isPresent()) {
            return Rule.BINARY_PDB_MATCHES.fail(
                    "PDB unreadable: " + e.pdbError().get() + " (" + asked + ")" + notes,
                    e.pdbPath().orElse(null));
        }
        if (e.pdb().isEmpty()) {
            return Rule.BINARY_PDB_MATCHES.fail(
                    "no PDB found: " + asked + "; looked for " + e.pdbSearched() + notes, e.file());
        }
        PdbFile pdb = e.pdb().get();
        if (cv.isEmpty()) {
            return Rule.BINARY_PDB_MATCHES.fail(
                    "the image has no RSDS record to match " + pdb.path() + " against", e.file());
        }
        String pdbGuid = pdb.guid().formatted();
        String imageGuid = cv.get().guidString();
        String seen = asked + "; image RSDS GUID " + imageGuid + " age "
                + cv.get().age() + "; " + pdb.path() + " info stream GUID " + pdbGuid + " age " + pdb.age()
                + " (DBI age " + pdb.dbi().age() + ")" + notes;
        return e.pdbMatches()
                ? Rule.BINARY_PDB_MATCHES.pass(seen, pdb.path())
                : Rule.BINARY_PDB_MATCHES.fail(seen + ": the PDB belongs to another link", pdb.path());
    }

    static RuleResult notIncremental(BinaryEvidence e) {
        if (e.pdb().isEmpty()) {
            return Rule.BINARY_NOT_INCREMENTAL.fail("no PDB read, so the DBI flags could not be checked", e.file());
        }
        PdbFile pdb = e.pdb().get();
        String pdbName = pdb.path().getFileName().toString();
        Path ilk = pdb.path().resolveSibling(pdbName.substring(0, Math.max(0, pdbName.length() - 4)) + ".ilk");
        // Files.exists answers false when it cannot tell; only notExists proves the absence.
        boolean ilkAbsent = Files.notExists(ilk);
        boolean ilkPresent = Files.exists(ilk);
        String seen = "DBI header Flags (offset 56) = 0x"
                + Integer.toHexString(pdb.dbi().flags())
                + ", WasIncrementallyLinked " + (pdb.incrementallyLinked() ? "set" : "clear") + "; " + ilk.getFileName()
                + (ilkPresent
                        ? " exists"
                        : ilkAbsent ? " absent" : " cannot be checked (" + ilk + " is not accessible)");
        return !pdb.incrementallyLinked() && ilkAbsent
                ? Rule.BINARY_NOT_INCREMENTAL.pass(seen, pdb.path())
                : Rule.BINARY_NOT_INCREMENTAL.fail(seen + ": link with /INCREMENTAL:NO", pdb.path());
    }

    static RuleResult fixup(BinaryEvidence e, LinkerIdentity linker) {
        boolean peFixup = e.image().hasDebugEntry(DebugType.FIXUP);
        boolean pdbFixup = e.pdb().map(PdbFile::hasFixupStream).orElse(false);
        if (peFixup || pdbFixup) {
            return Rule.BINARY_FIXUP.pass(
                    (pdbFixup ? "PDB optional debug header names a FIXUP stream" : "")
                            + (peFixup && pdbFixup ? "; " : "")
                            + (peFixup ? "PE debug directory has a FIXUP (type 6) entry" : ""),
                    e.pdbPath().orElse(e.file()));
        }
        if (linker.kind().equals(Optional.of(LinkerKind.LLD))) {
            return Rule.BINARY_FIXUP.notApplicable(
                    "linked by " + linker.name() + ", which writes no FIXUP data for /PROFILE", e.file());
        }
        if (e.pdb().isEmpty()) {
            return Rule.BINARY_FIXUP.fail("no PE FIXUP entry and no PDB read to look for a FIXUP stream", e.file());
        }
        return Rule.BINARY_FIXUP.fail(
                "no FIXUP stream in the PDB's optional debug header and no FIXUP debug entry:"
                        + " /PROFILE (/DEBUGTYPE:cv,fixup) was not in effect",
                e.pdbPath().orElse(e.file()));
    }

    static RuleResult linkCommand(BinaryEvidence e, HotpatchProfile profile) {
        if (e.pdb().isEmpty()) {
            return Rule.BINARY_LINK_COMMAND.fail(
                    "no PDB read, so the recorded linker command line could not be checked", e.file());
        }
        PdbFile pdb = e.pdb().get();
        Optional<String> cmd = pdb.linkerCommandLine();
        if (cmd.isEmpty()) {
            return Rule.BINARY_LINK_COMMAND.fail(
                    "the PDB's * Linker * module has no S_ENVBLOCK 'cmd' entry", pdb.path());
        }
        List<String> tokens = LinkerFlags.tokens(cmd.get());
        List<String> missing = profile.flags().stream()
                .filter(f -> LinkerFlags.find(tokens, f).isEmpty())
                .toList();
        String where = "S_ENVBLOCK cmd of the * Linker * module";
        if (missing.isEmpty()) {
            return Rule.BINARY_LINK_COMMAND.pass(where + " has " + String.join(" ", profile.flags()), pdb.path());
        }
        return Rule.BINARY_LINK_COMMAND.fail(
                where + " lacks " + String.join(" ", missing) + " (profile " + profile.linker() + " " + profile.arch()
                        + ")",
                pdb.path());
    }

    static RuleResult mapFile(BinaryEvidence e, HotpatchProfile profile) {
        boolean mapInsteadOfPdbInject = profile.linker() == LinkerKind.LLD && profile.contains("/map");
        if (!mapInsteadOfPdbInject) {
            return Rule.BINARY_MAP_FILE.notApplicable(
                    profile.contains("/pdbinject:mapfile")
                            ? "link.exe injects the map into the PDB (/pdbinject:mapfile): HP-BIN-008 checks it"
                            : "the " + profile.arch() + " profile needs no map file",
                    e.file());
        }
        String image = e.file().getFileName().toString();
        String stem = image.contains(".") ? image.substring(0, image.lastIndexOf('.')) : image;
        // lld writes <image>.map beside the image; the reference layout keeps it with the PDB. Either place counts.
        List<Path> places = new ArrayList<>();
        e.pdbPath().ifPresent(pdb -> places.add(pdb.toAbsolutePath().getParent().resolve(stem + ".map")));
        Path besideImage = e.file().toAbsolutePath().getParent().resolve(stem + ".map");
        if (!places.contains(besideImage)) {
            places.add(besideImage);
        }
        for (Path map : places) {
            if (Files.isRegularFile(map)) {
                return Rule.BINARY_MAP_FILE.deviation(
                        map + " is there: lld-link cannot inject the map into the PDB"
                                + " (/pdbinject:mapfile), so this is a substitute, not the reference layout",
                        map);
            }
        }
        return Rule.BINARY_MAP_FILE.fail(
                "no " + stem + ".map in "
                        + places.stream().map(Path::getParent).distinct().toList()
                        + ": the lld profile writes it with /map",
                // the absent map has no bytes to point at: the result is located at the PDB (or image) it belongs to
                e.pdbPath().orElse(e.file()));
    }

    static String typeNames(PeImage image) {
        return image.debugEntries().stream().map(DebugEntry::typeName).toList().toString();
    }
}
