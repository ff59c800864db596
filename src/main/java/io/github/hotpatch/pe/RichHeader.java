package io.github.hotpatch.pe;

import java.util.List;
import java.util.Optional;

/**
 * MSVC's undocumented "Rich" header in the DOS stub: XOR-masked comp.id entries naming the tools that built
 * each object. lld-link writes none.
 *
 * @param offset        file offset of the masked "DanS" marker
 * @param xorKey        the mask stored after "Rich" (it is also a checksum of the DOS header and the entries)
 * @param checksumValid whether recomputing that checksum gives {@code xorKey}; false means the stub was edited
 */
public record RichHeader(long offset, int xorKey, List<RichEntry> entries, boolean checksumValid) {

    public RichHeader {
        entries = List.copyOf(entries);
    }

    /** The link.exe 14.x entry (product 0x0102), whose build number identifies the linker's toolset. */
    public Optional<RichEntry> linker() {
        return entries.stream()
                .filter(e -> e.productId() == RichEntry.LINKER_14)
                .reduce((a, b) -> b);
    }
}
