package io.github.hotpatch.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.ReaderFuzzTest;
import java.util.Arrays;

/**
 * {@link X64Normaliser#normalise} on random code bytes and random relocation addresses: it never throws, returns
 * one unit per decoded instruction, is deterministic, and does not change its input. Seeds
 * ({@code X64NormaliserFuzzTestInputs/normalise/}) are the .text bytes of a clang-cl/lld-link x64 build (the
 * diff ground-truth base).
 */
class X64NormaliserFuzzTest {

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
        int[] first = X64Normaliser.normalise(code, rva, relocs);
        int[] second = X64Normaliser.normalise(code, rva, relocs);
        assertArrayEquals(first, second);
        assertArrayEquals(copy, code);
        assertTrue(first.length <= code.length);
        // the decoder's lengths cover the bytes exactly, whatever they are (decoded after relocation masking, as the
        // normaliser does: a zeroed address can change what the bytes after it decode to)
        byte[] masked = code.clone();
        RelocationMask.apply(masked, rva, relocs);
        int at = 0;
        int units = 0;
        while (at < code.length) {
            int length = X64Normaliser.decode(masked, at).length();
            assertTrue(length >= 1 && length <= 2 * X64Normaliser.MAX_LENGTH, "length " + length);
            at += Math.min(length, code.length - at);
            units++;
        }
        assertEquals(units, first.length);
    }
}
