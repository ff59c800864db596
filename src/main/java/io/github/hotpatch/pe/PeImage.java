package io.github.hotpatch.pe;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link PeImageReader#read} found in one image. Immutable.
 *
 * @param eLfanew   file offset of the "PE\0\0" signature (from the DOS header)
 * @param warnings  oddities that did not stop parsing (e.g. a damaged Rich header, an NB10 CodeView record)
 * @param bytesRead how many bytes were read from the file to build this (headers, section table, debug
 *                  directory and its records, load config, DOS stub) — never the whole file
 */
public record PeImage(
        Path file,
        long fileSize,
        long eLfanew,
        CoffHeader coffHeader,
        OptionalHeader optionalHeader,
        List<DataDirectory> dataDirectories,
        List<Section> sections,
        List<DebugEntry> debugEntries,
        Optional<LoadConfig> loadConfig,
        Optional<RichHeader> richHeader,
        List<String> warnings,
        long bytesRead) {

    public PeImage {
        dataDirectories = List.copyOf(dataDirectories);
        sections = List.copyOf(sections);
        debugEntries = List.copyOf(debugEntries);
        warnings = List.copyOf(warnings);
    }

    public Machine machine() {
        return coffHeader.machine();
    }

    /** COFF header Characteristics. */
    public int characteristics() {
        return coffHeader.characteristics();
    }

    public boolean isPe32Plus() {
        return optionalHeader.isPe32Plus();
    }

    /** Optional header DllCharacteristics. */
    public int dllCharacteristics() {
        return optionalHeader.dllCharacteristics();
    }

    /** Optional header MajorLinkerVersion.MinorLinkerVersion (always present). */
    public LinkerVersion linkerVersion() {
        return optionalHeader.linkerVersion();
    }

    public DataDirectory dataDirectory(int index) {
        return dataDirectories.get(index);
    }

    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** All debug entries of one IMAGE_DEBUG_TYPE_* type, in directory order. */
    public List<DebugEntry> debugEntries(int type) {
        return debugEntries.stream().filter(e -> e.type() == type).toList();
    }

    public boolean hasDebugEntry(int type) {
        return debugEntries.stream().anyMatch(e -> e.type() == type);
    }

    /** The first DWORD of the first EX_DLLCHARACTERISTICS (type 20) entry; empty when there is no such entry. */
    public OptionalInt exDllCharacteristics() {
        return debugEntries.stream()
                .filter(e -> e.type() == DebugType.EX_DLLCHARACTERISTICS)
                .map(DebugEntry::exDllCharacteristics)
                .filter(OptionalInt::isPresent)
                .findFirst()
                .orElse(OptionalInt.empty());
    }

    /** IMAGE_DLLCHARACTERISTICS_EX_HOTPATCH_COMPATIBLE (0x80), what link /hotpatchcompatible sets. */
    public boolean hotpatchCompatible() {
        OptionalInt ex = exDllCharacteristics();
        return ex.isPresent() && (ex.getAsInt() & PeFlags.EX_HOTPATCH_COMPATIBLE) != 0;
    }

    /** The RSDS record of the first CODEVIEW entry that has one. */
    public Optional<CodeViewRecord> codeView() {
        return debugEntries.stream()
                .map(DebugEntry::codeView)
                .flatMap(Optional::stream)
                .findFirst();
    }

    public BaseRelocations relocations() {
        return new BaseRelocations(
                dataDirectory(DataDirectory.BASE_RELOCATION),
                section(".reloc").isPresent(),
                coffHeader.relocsStripped());
    }
}
