package io.github.hotpatch.pe;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Maps relative virtual addresses to file offsets through the section table (or the headers, below the first section). */
final class RvaMapper {

    private final Path file;
    private final List<Section> sections;
    private final long sizeOfHeaders;

    RvaMapper(Path file, List<Section> sections, long sizeOfHeaders) {
        this.file = file;
        this.sections = sections;
        this.sizeOfHeaders = sizeOfHeaders;
    }

    /**
     * The file offset of {@code [rva, rva + length)}, which must lie in one section's raw data (or in the
     * headers); otherwise a {@link PeFormatException} naming {@code field}, found at {@code fieldOffset}.
     */
    long toFileOffset(long rva, long length, String field, long fieldOffset) throws PeFormatException {
        for (Section s : sections) {
            if (s.containsRva(rva)) {
                long delta = rva - s.virtualAddress();
                if (length > s.sizeOfRawData() || delta > s.sizeOfRawData() - length) {
                    throw new PeFormatException(
                            file,
                            field,
                            fieldOffset,
                            "gives RVA " + Hex.of(rva) + " and size "
                                    + Hex.of(length) + ", which run past the 0x"
                                    + Long.toHexString(s.sizeOfRawData()).toUpperCase()
                                    + " bytes of raw data of section " + s.name());
                }
                return s.pointerToRawData() + delta;
            }
        }
        if (rva < sizeOfHeaders && length <= sizeOfHeaders - rva && !overlapsSection(rva, length)) {
            return rva; // headers are mapped 1:1
        }
        throw new PeFormatException(
                file,
                field,
                fieldOffset,
                "gives RVA " + Hex.of(rva)
                        + ", which lies in no section (expected an address inside one of the " + sections.size()
                        + " sections)");
    }

    /** The file offset of {@code rva}, or empty when no section (or header) maps it. */
    OptionalLong tryFileOffset(long rva) {
        for (Section s : sections) {
            if (s.containsRva(rva)) {
                long delta = rva - s.virtualAddress();
                return delta < s.sizeOfRawData() ? OptionalLong.of(s.pointerToRawData() + delta) : OptionalLong.empty();
            }
        }
        return rva < sizeOfHeaders && !overlapsSection(rva, 1) ? OptionalLong.of(rva) : OptionalLong.empty();
    }

    private boolean overlapsSection(long rva, long length) {
        for (Section s : sections) {
            if (rva < s.virtualAddress() + s.virtualSpan() && s.virtualAddress() < rva + length) {
                return true;
            }
        }
        return false;
    }
}
