package io.github.hotpatch.diff;

import java.util.Arrays;

/**
 * Masks, in one function's ARM64 code, every field that changes when other code or data moves, so that two builds
 * of an unchanged function compare equal. Each field is found by decoding the instruction class (Arm Architecture
 * Reference Manual A64, section C4.1 "A64 instruction set encoding"), not by looking for byte patterns:
 *
 * <ul>
 *   <li>{@code B}/{@code BL} (C6.2.26/C6.2.35, {@code x00101 imm26}): imm26, bits 0..25;
 *   <li>{@code B.cond}/{@code BC.cond} ({@code 01010100 imm19 o0 cond}): imm19, bits 5..23;
 *   <li>{@code CBZ}/{@code CBNZ} ({@code sf 011010 op imm19 Rt}): imm19, bits 5..23;
 *   <li>{@code TBZ}/{@code TBNZ} ({@code b5 011011 op b40 imm14 Rt}): imm14, bits 5..18;
 *   <li>{@code ADR}/{@code ADRP} ({@code op immlo 10000 immhi Rd}): immlo bits 29..30 and immhi bits 5..23;
 *   <li>the page offset of an {@code ADRP}: imm12 (bits 10..21) of a later {@code ADD (immediate)}
 *       ({@code sf 0 0 100010 sh imm12 Rn Rd}) or load/store (unsigned offset) ({@code size 111 V 01 opc imm12 Rn Rt})
 *       whose base register Rn holds an ADRP result; a register stops holding one when an instruction that writes
 *       its bits 0..4 register (data processing, loads) overwrites it;
 *   <li>{@code LDR (literal)}, {@code LDRSW (literal)}, {@code PRFM (literal)} and the SIMD&FP literal loads
 *       ({@code opc 011 V 00 imm19 Rt}): imm19, bits 5..23;
 *   <li>every byte the image's base-relocation table rewrites (an absolute address) is zeroed before decoding.
 * </ul>
 *
 * <p>Nothing is masked outside those fields, so an edit to an operation, a register or an ordinary immediate still
 * shows. Padding between functions ({@code /functionpadmin}) is never passed in: a function's bytes are exactly the
 * code size its PDB record gives. A trailing part shorter than one instruction (not produced by compilers) is kept as
 * one unit of its raw bytes. Pure function of its inputs: deterministic, and it never throws for any bytes.
 */
public final class Arm64Normaliser {

    private Arm64Normaliser() {}

    /**
     * @param code        the function's bytes
     * @param rva         the RVA of {@code code[0]}
     * @param relocations the image's relocated addresses, {@code rva << 4 | width}, sorted (from
     *                    {@code BaseRelocationTable.packedAddresses()})
     * @return one value per instruction, with the moving fields zeroed
     */
    public static int[] normalise(byte[] code, long rva, long[] relocations) {
        byte[] bytes = Arrays.copyOf(code, code.length);
        RelocationMask.apply(bytes, rva, relocations);
        int count = (bytes.length + 3) / 4;
        int[] out = new int[count];
        // Bit r set: register Xr holds the page address an ADRP computed.
        int adrpRegisters = 0;
        for (int i = 0; i < count; i++) {
            int at = 4 * i;
            if (at + 4 > bytes.length) {
                int tail = 0;
                for (int j = at; j < bytes.length; j++) {
                    tail |= (bytes[j] & 0xFF) << (8 * (j - at));
                }
                out[i] = tail | 0x80000000 >>> (8 * (bytes.length - at)); // length marker keeps tails distinct
                continue;
            }
            int insn = (bytes[at] & 0xFF)
                    | (bytes[at + 1] & 0xFF) << 8
                    | (bytes[at + 2] & 0xFF) << 16
                    | (bytes[at + 3] & 0xFF) << 24;
            int rd = insn & 0x1F;
            int rn = (insn >>> 5) & 0x1F;
            int masked = insn;
            boolean writesRd = writesRegister(insn);
            if ((insn & 0x7C000000) == 0x14000000) {
                masked = insn & ~0x03FFFFFF; // B, BL: imm26
            } else if ((insn & 0xFF000000) == 0x54000000) {
                masked = insn & ~(0x7FFFF << 5); // B.cond, BC.cond: imm19
            } else if ((insn & 0x7E000000) == 0x34000000) {
                masked = insn & ~(0x7FFFF << 5); // CBZ, CBNZ: imm19
            } else if ((insn & 0x7E000000) == 0x36000000) {
                masked = insn & ~(0x3FFF << 5); // TBZ, TBNZ: imm14
            } else if ((insn & 0x1F000000) == 0x10000000) {
                masked = insn & ~(0x3 << 29 | 0x7FFFF << 5); // ADR, ADRP: immlo, immhi
                if ((insn & 0x80000000) != 0) {
                    adrpRegisters |= 1 << rd;
                    writesRd = false; // Rd now holds a page address
                }
            } else if ((insn & 0x3B000000) == 0x18000000) {
                masked = insn & ~(0x7FFFF << 5); // LDR/LDRSW/PRFM (literal): imm19
            } else if ((insn & 0x7F800000) == 0x11000000 && (adrpRegisters & (1 << rn)) != 0) {
                masked = insn & ~(0xFFF << 10); // ADD (immediate) of an ADRP page: the :lo12: offset
            } else if ((insn & 0x3B000000) == 0x39000000 && (adrpRegisters & (1 << rn)) != 0) {
                masked = insn & ~(0xFFF << 10); // LDR/STR (unsigned offset) from an ADRP page: the :lo12: offset
            }
            if (writesRd) {
                adrpRegisters &= ~(1 << rd);
            }
            out[i] = masked;
        }
        return out;
    }

    /**
     * Whether an instruction writes the general-purpose register in bits 0..4: data processing (immediate) and
     * (register), and loads of the load/store class that target a general-purpose register (V clear, L/opc set).
     * Branches, stores, system instructions and SIMD&FP data processing do not.
     */
    static boolean writesRegister(int insn) {
        int op0 = (insn >>> 25) & 0xF;
        if ((op0 & 0xE) == 0x8) {
            return true; // 100x: data processing, immediate
        }
        if ((op0 & 0x7) == 0x5) {
            return true; // x101: data processing, register
        }
        if ((op0 & 0x5) == 0x4) {
            // x1x0: loads and stores. Unsigned-offset, register-offset and unscaled forms: bit 22 (opc<0>) is the
            // load bit for general-purpose registers; pairs (LDP) have L at bit 22 too.
            boolean simd = (insn & (1 << 26)) != 0;
            return !simd && (insn & (1 << 22)) != 0;
        }
        return false;
    }
}
