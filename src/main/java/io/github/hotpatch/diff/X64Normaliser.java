package io.github.hotpatch.diff;

import java.util.Arrays;

/**
 * Masks, in one function's x64 code, the fields that change when other code or data moves: the rel32 of
 * {@code CALL} (E8), {@code JMP} (E9) and {@code Jcc} (0F 80..8F), and the disp32 of every RIP-relative operand
 * (ModRM mod=00 rm=101), plus every byte the base-relocation table rewrites. Fields are found by decoding each
 * instruction's length (Intel SDM vol. 2, chapter 2 "Instruction format" and appendix A "Opcode map"): legacy
 * prefixes, REX, VEX (C4/C5) and EVEX (62) prefixes, the one-byte, 0F, 0F38 and 0F3A opcode maps, ModRM, SIB,
 * displacement and immediate sizes (operand-size prefix 66, REX.W for MOV r64, imm64, address-size 67 for moffs).
 *
 * <p>An opcode byte that is invalid in 64-bit mode is taken as a one-byte instruction, so decoding continues (and
 * stays in step between two builds of the same code). An instruction cut off by the end of the function is one unit of
 * its raw bytes. Each unit is a 32-bit FNV-1a hash of the instruction's masked bytes and its length: two different
 * instructions compare equal only on a hash collision (2^-32). Short jumps (rel8) are not masked: they stay inside a
 * function. Deterministic; never throws for any bytes.
 */
public final class X64Normaliser {

    /** The longest x64 instruction. */
    static final int MAX_LENGTH = 15;

    private X64Normaliser() {}

    /** One decoded instruction: its length and where its position-dependent field is (-1 when none). */
    record Decoded(int length, int fieldOffset, int fieldSize) {}

    public static int[] normalise(byte[] code, long rva, long[] relocations) {
        byte[] bytes = Arrays.copyOf(code, code.length);
        RelocationMask.apply(bytes, rva, relocations);
        int[] out = new int[bytes.length];
        int n = 0;
        int at = 0;
        while (at < bytes.length) {
            Decoded d = decode(bytes, at);
            int length = Math.min(d.length(), bytes.length - at);
            if (d.fieldOffset() >= 0 && d.fieldOffset() + d.fieldSize() <= length) {
                Arrays.fill(bytes, at + d.fieldOffset(), at + d.fieldOffset() + d.fieldSize(), (byte) 0);
            }
            int hash = 0x811C9DC5;
            for (int i = at; i < at + length; i++) {
                hash = (hash ^ (bytes[i] & 0xFF)) * 0x01000193;
            }
            out[n++] = (hash ^ length) * 0x01000193;
            at += length;
        }
        return Arrays.copyOf(out, n);
    }

    /** Decodes the instruction at {@code at}; its length may run past the end of {@code b} (a cut-off instruction). */
    static Decoded decode(byte[] b, int at) {
        int i = at;
        boolean opsize16 = false;
        boolean addr32 = false;
        boolean rexW = false;
        // legacy prefixes (group 1-4), at most 14 before the opcode
        while (i < b.length && i - at < MAX_LENGTH - 1) {
            int p = b[i] & 0xFF;
            if (p == 0x66) {
                opsize16 = true;
            } else if (p == 0x67) {
                addr32 = true;
            } else if (!(p == 0xF0 || p == 0xF2 || p == 0xF3 || p == 0x2E || p == 0x36 || p == 0x3E || p == 0x26
                    || p == 0x64 || p == 0x65)) {
                break;
            }
            i++;
        }
        if (i < b.length && (b[i] & 0xF0) == 0x40) {
            rexW = (b[i] & 0x08) != 0;
            i++;
        }
        if (i >= b.length) {
            return new Decoded(i - at + 1, -1, 0);
        }
        int op = b[i++] & 0xFF;
        int z = opsize16 ? 2 : 4;
        switch (op) {
            case 0xC4, 0xC5, 0x62: {
                // VEX3 / VEX2 / EVEX (always so in 64-bit mode): payload, opcode, ModRM, maybe imm8
                int payload = op == 0xC5 ? 1 : op == 0xC4 ? 2 : 3;
                if (i + payload >= b.length) {
                    return new Decoded(i - at + payload + 1, -1, 0);
                }
                int map = op == 0xC5 ? 1 : op == 0xC4 ? (b[i] & 0x1F) : (b[i] & 0x07);
                i += payload;
                int opcode = b[i++] & 0xFF;
                if (map == 1 && opcode == 0x77) {
                    return new Decoded(i - at, -1, 0); // VZEROUPPER / VZEROALL: no ModRM
                }
                boolean imm8 = map == 3 || map == 1 && hasImm8In0F(opcode);
                return modrm(b, at, i, imm8 ? 1 : 0, -1, 0);
            }
            case 0x0F:
                return twoByte(b, at, i, z);
            default:
                break;
        }
        // one-byte opcode map
        if (op < 0x40) {
            int low = op & 7;
            if (low < 4) {
                return modrm(b, at, i, 0, -1, 0);
            }
            if (low == 4) {
                return new Decoded(i - at + 1, -1, 0);
            }
            if (low == 5) {
                return new Decoded(i - at + z, -1, 0);
            }
            return new Decoded(i - at, -1, 0); // 06/07/0E/16/.../27/2F/37/3F: segment pushes, BCD (invalid) — 1 byte
        }
        if (op < 0x60) {
            return new Decoded(i - at, -1, 0); // 50-5F push/pop (40-4F were REX)
        }
        switch (op) {
            case 0x63:
                return modrm(b, at, i, 0, -1, 0);
            case 0x68:
                return new Decoded(i - at + z, -1, 0);
            case 0x69:
                return modrm(b, at, i, z, -1, 0);
            case 0x6A:
                return new Decoded(i - at + 1, -1, 0);
            case 0x6B:
                return modrm(b, at, i, 1, -1, 0);
            case 0x80, 0x82, 0x83, 0xC0, 0xC1, 0xC6:
                return modrm(b, at, i, 1, -1, 0);
            case 0x81, 0xC7:
                return modrm(b, at, i, z, -1, 0);
            case 0xA0, 0xA1, 0xA2, 0xA3:
                return new Decoded(i - at + (addr32 ? 4 : 8), -1, 0); // moffs
            case 0xA8:
                return new Decoded(i - at + 1, -1, 0);
            case 0xA9:
                return new Decoded(i - at + z, -1, 0);
            case 0xC2, 0xCA:
                return new Decoded(i - at + 2, -1, 0);
            case 0xC8:
                return new Decoded(i - at + 3, -1, 0);
            case 0xCD, 0xE4, 0xE5, 0xE6, 0xE7, 0xEB, 0xE0, 0xE1, 0xE2, 0xE3, 0xD4, 0xD5:
                return new Decoded(i - at + 1, -1, 0);
            case 0xE8, 0xE9:
                return new Decoded(i - at + 4, i - at, 4); // CALL/JMP rel32 (66 is ignored for near branches)
            case 0xF6:
                return modrm(b, at, i, regField(b, i) < 2 ? 1 : 0, -1, 0);
            case 0xF7:
                return modrm(b, at, i, regField(b, i) < 2 ? z : 0, -1, 0);
            case 0xD0,
                    0xD1,
                    0xD2,
                    0xD3,
                    0xD8,
                    0xD9,
                    0xDA,
                    0xDB,
                    0xDC,
                    0xDD,
                    0xDE,
                    0xDF,
                    0xFE,
                    0xFF,
                    0x84,
                    0x85,
                    0x86,
                    0x87,
                    0x88,
                    0x89,
                    0x8A,
                    0x8B,
                    0x8C,
                    0x8D,
                    0x8E,
                    0x8F:
                return modrm(b, at, i, 0, -1, 0);
            default:
                break;
        }
        if (op >= 0x70 && op <= 0x7F) {
            return new Decoded(i - at + 1, -1, 0); // Jcc rel8
        }
        if (op >= 0xB0 && op <= 0xB7) {
            return new Decoded(i - at + 1, -1, 0);
        }
        if (op >= 0xB8 && op <= 0xBF) {
            return new Decoded(i - at + (rexW ? 8 : z), -1, 0);
        }
        // 6C-6F, 90-9F, A4-A7, AA-AF, C3, C9, CB, CC, CE, CF, D6, D7, EC-EF, F0-F5, F8-FD and the invalid ones
        return new Decoded(i - at, -1, 0);
    }

    private static Decoded twoByte(byte[] b, int at, int i, int z) {
        if (i >= b.length) {
            return new Decoded(i - at + 1, -1, 0);
        }
        int op = b[i++] & 0xFF;
        if (op == 0x38) {
            if (i >= b.length) {
                return new Decoded(i - at + 2, -1, 0);
            }
            return modrm(b, at, i + 1, 0, -1, 0);
        }
        if (op == 0x3A) {
            if (i >= b.length) {
                return new Decoded(i - at + 3, -1, 0);
            }
            return modrm(b, at, i + 1, 1, -1, 0);
        }
        if (op >= 0x80 && op <= 0x8F) {
            return new Decoded(i - at + 4, i - at, 4); // Jcc rel32
        }
        if (op == 0x0F) {
            return modrm(b, at, i, 1, -1, 0); // 3DNow!: ModRM, then the opcode as an imm8 suffix
        }
        if (op == 0x05
                || op == 0x06
                || op == 0x07
                || op == 0x08
                || op == 0x09
                || op == 0x0B
                || op == 0x0E
                || (op >= 0x30 && op <= 0x37)
                || op == 0x77
                || op == 0xA0
                || op == 0xA1
                || op == 0xA2
                || op == 0xA8
                || op == 0xA9
                || op == 0xAA
                || (op >= 0xC8 && op <= 0xCF)) {
            return new Decoded(i - at, -1, 0);
        }
        return modrm(b, at, i, hasImm8In0F(op) ? 1 : 0, -1, 0);
    }

    /** 0F-map opcodes (legacy, VEX and EVEX map 1) that take an imm8 after ModRM. */
    private static boolean hasImm8In0F(int op) {
        return (op >= 0x70 && op <= 0x73)
                || op == 0xA4
                || op == 0xAC
                || op == 0xBA
                || op == 0xC2
                || op == 0xC4
                || op == 0xC5
                || op == 0xC6;
    }

    private static int regField(byte[] b, int modrmAt) {
        return modrmAt < b.length ? (b[modrmAt] >> 3) & 7 : 0;
    }

    /**
     * ModRM at {@code i} (and SIB, displacement), then {@code imm} immediate bytes. A RIP-relative operand's disp32 is
     * the field to mask (32-bit addressing under 67 is EIP-relative, encoded the same way).
     */
    private static Decoded modrm(byte[] b, int at, int i, int imm, int fieldOffset, int fieldSize) {
        if (i >= b.length) {
            return new Decoded(i - at + 1 + imm, -1, 0);
        }
        int modrm = b[i++] & 0xFF;
        int mod = modrm >> 6;
        int rm = modrm & 7;
        int disp = 0;
        if (mod != 3) {
            if (rm == 4) {
                if (i >= b.length) {
                    return new Decoded(i - at + 1 + imm, -1, 0);
                }
                int base = b[i++] & 7;
                if (mod == 0 && base == 5) {
                    disp = 4;
                }
            } else if (mod == 0 && rm == 5) {
                fieldOffset = i - at;
                fieldSize = 4;
                disp = 4;
            }
            if (mod == 1) {
                disp = 1;
            } else if (mod == 2) {
                disp = 4;
            }
        }
        return new Decoded(i - at + disp + imm, fieldOffset, fieldSize);
    }
}
