package io.github.hotpatch.pe;

import java.util.Optional;

/**
 * One export of an image.
 *
 * @param ordinal   the export's ordinal (Base + its index in the export address table)
 * @param name      its name, when the name table gives it one
 * @param rva       the address the export table holds: code or data, or the forwarder string
 * @param forwarder {@code DLL.Function} when the RVA lies inside the export directory (a forwarded export)
 */
public record Export(long ordinal, Optional<String> name, long rva, Optional<String> forwarder) {

    /** The name, or {@code #ordinal} for an export by ordinal only. */
    public String label() {
        return name.orElse("#" + ordinal);
    }
}
