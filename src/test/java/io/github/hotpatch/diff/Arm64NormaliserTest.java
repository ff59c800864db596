package io.github.hotpatch.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The ARM64 normaliser on instructions encoded by LLVM 22's assembler ({@code llvm-mc -triple=aarch64 -show-encoding}, run once by hand; each word below
 * carries the assembly it came from): position-dependent fields are masked, nothing else is.
 */
class Arm64NormaliserTest {

    private static byte[] code(int... words) {
        byte[] b = new byte[4 * words.length];
        for (int i = 0; i < words.length; i++) {
            for (int j = 0; j < 4; j++) {
                b[4 * i + j] = (byte) (words[i] >>> (8 * j));
            }
        }
        return b;
    }

    private static int[] norm(int... words) {
        return Arm64Normaliser.normalise(code(words), 0x1000, new long[0]);
    }

    @Test
    void branchesAdrpPageOffsetsAndLiteralLoadsToOtherTargetsCompareEqual() {
        int[] first = norm(
                0x94000010, // bl #64
                0x54ffffc1, // b.ne #-8
                0xb4000081, // cbz x1, #16
                0x371fff02, // tbnz w2, #3, #-32
                0xf0000008, // adrp x8, #12288
                0x91006100, // add x0, x8, #24
                0xb9401109, // ldr w9, [x8, #16]
                0xf9001103, // str x3, [x8, #32]
                0x58000804, // ldr x4, #256
                0x10000205); // adr x5, #64
        int[] second = norm(
                0x94000020, // bl #128
                0x54ffffa1, // b.ne #-12
                0xb40000c1, // cbz x1, #24
                0x371ffe02, // tbnz w2, #3, #-64
                0xb0000028, // adrp x8, #0x5000
                0x9100c100, // add x0, x8, #0x30
                0xb9401509, // ldr w9, [x8, #0x14]
                0xf9001503, // str x3, [x8, #0x28]
                0x58001004, // ldr x4, #0x200
                0x10000405); // adr x5, #0x80
        assertArrayEquals(first, second);
        // and exactly the fields were masked: the opcodes and registers are still there
        assertEquals(0x94000000, first[0]);
        assertEquals(0x54000001, first[1]);
        assertEquals(0xb4000001, first[2]);
        assertEquals(0x37180002, first[3]); // b40 (bits 19..23) = 3 stays
        assertEquals(0x90000008, first[4]);
        assertEquals(0x91000100, first[5]);
        assertEquals(0xb9400109, first[6]);
        assertEquals(0x58000004, first[8]);
    }

    @Test
    void ordinaryImmediatesStayVisible() {
        // add x0, x1, #24 against add x0, x1, #28: x1 holds no ADRP page
        assertFalse(Arrays.equals(norm(0x91006020), norm(0x91007020)));
    }

    @Test
    void aRegisterOverwrittenAfterAdrpNoLongerHoldsAPage() {
        int adrp = 0xf0000008; // adrp x8, #12288
        int mov = 0xaa0103e8; // mov x8, x1
        // ldr w9, [x8, #16] against ldr w9, [x8, #20]: after the mov, x8 is an ordinary pointer
        assertFalse(Arrays.equals(norm(adrp, mov, 0xb9401109), norm(adrp, mov, 0xb9401509)));
        // without the mov, the same two loads are page offsets and compare equal
        assertArrayEquals(norm(adrp, 0xb9401109), norm(adrp, 0xb9401509));
    }

    @Test
    void relocatedBytesAreMasked() {
        byte[] a = code(0x11111111, 0x22222222, 0x33333333);
        byte[] b = code(0x11111111, 0x99999999, 0x33333333);
        long[] relocs = {(0x1004L << 4) | 4}; // a HIGHLOW at the second word
        assertArrayEquals(Arm64Normaliser.normalise(a, 0x1000, relocs), Arm64Normaliser.normalise(b, 0x1000, relocs));
        assertFalse(Arrays.equals(
                Arm64Normaliser.normalise(a, 0x1000, new long[0]), Arm64Normaliser.normalise(b, 0x1000, new long[0])));
        // a DIR64 starting 4 bytes before the function reaches its first word
        long[] before = {(0x0FFCL << 4) | 8};
        assertEquals(0, Arm64Normaliser.normalise(a, 0x1000, before)[0]);
    }

    @Test
    void aTailShorterThanAnInstructionIsKeptAndDistinct() {
        assertEquals(2, Arm64Normaliser.normalise(new byte[] {1, 0, 0, 0, 0}, 0, new long[0]).length);
        assertFalse(Arrays.equals(
                Arm64Normaliser.normalise(new byte[] {0}, 0, new long[0]),
                Arm64Normaliser.normalise(new byte[] {0, 0}, 0, new long[0])));
    }
}
