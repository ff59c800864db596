package io.github.hotpatch.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where in its file a rule's evidence lies, as the bytes that were read: the COFF {@code Machine} field, a debug
 * directory entry, the EX_DLLCHARACTERISTICS DWORD, a data directory entry, or a whole file (a PDB, whose streams
 * are scattered over blocks; a File API reply; a map file). The SARIF report writes it as the result's
 * {@code region}, and the rule's message names the same offset.
 *
 * @param byteOffset where the structure starts
 * @param byteLength how many bytes it has
 */
public record EvidenceRegion(long byteOffset, long byteLength) {
    public EvidenceRegion {
        if (byteOffset < 0 || byteLength < 0) {
            throw new IllegalArgumentException("region " + byteOffset + "+" + byteLength);
        }
    }

    /** The whole of {@code file}: its size, read now; empty when it cannot be had (the file is gone or no file). */
    public static Optional<EvidenceRegion> wholeFile(Object file) {
        if (!(file instanceof Path path) || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EvidenceRegion(0, Files.size(path)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
