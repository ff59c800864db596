package io.github.hotpatch.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.hotpatch.testing.ReaderFuzzTest;
import java.util.Arrays;

/**
 * {@link Arm64Normaliser#normalise} on random code bytes and random relocation addresses: it never throws, returns
 * one unit per started 4-byte word, is deterministic, and does not change its input. Seeds
 * ({@code Arm64NormaliserFuzzTestInputs/normalise/}) are the .text bytes of a clang-cl/lld-link ARM64 build (the
 * diff ground-truth base).
 */
class Arm64NormaliserFuzzTest {

    @ReaderFuzzTest
    void normalise(byte[] input) {
        // The first bytes choose relocations: up to 8 (rva, width) pairs around the function, then the code.
        int relocCount = input.length > 0 ? (input[0] & 7) : 0;
        long rva = 0x1000;
        long[] relocs = new long[Math.min(relocCount, Math.max(0, (input.length - 1) / 2))];
        for (int i = 0; i < relocs.length; i++) {
            long at = rva - 8 + (input[1 + 2 * i] & 0xFF);
            int width = new int[] {2, 4, 8, 8}[input[2 + 2 * i] & 3];
            relocs[i] = at << 4 | width;
        }
        Arrays.sort(relocs);
        int start = Math.min(input.length, 1 + 2 * relocs.length);
        byte[] code = Arrays.copyOfRange(input, start, input.length);
        byte[] copy = code.clone();
        int[] first = Arm64Normaliser.normalise(code, rva, relocs);
        int[] second = Arm64Normaliser.normalise(code, rva, relocs);
        assertArrayEquals(first, second);
        assertArrayEquals(copy, code);
        assertEquals((code.length + 3) / 4, first.length);
    }
}
