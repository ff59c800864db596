package io.github.hotpatch.pdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The portable PDB of managed (.NET) code: ECMA-335 metadata whose root starts with the signature {@code BSJB}
 * (0x424A5342) at offset 0. It is a format of its own, not a broken MSF file, and holds no native link evidence.
 */
public final class PortablePdb {
    /** What such a file is, for messages. */
    public static final String DESCRIPTION = "a portable PDB (metadata signature \"BSJB\" at offset 0: .NET managed"
            + " code symbols), not an MSF 7.00 PDB of a native link";

    private PortablePdb() {}

    /** Whether {@code head} (the first bytes of a file) starts with {@code BSJB}. */
    public static boolean hasMagic(byte[] head) {
        return head.length >= 4 && head[0] == 'B' && head[1] == 'S' && head[2] == 'J' && head[3] == 'B';
    }

    /** Whether {@code file} starts with {@code BSJB}. */
    public static boolean is(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return hasMagic(in.readNBytes(4));
        }
    }
}
