package io.github.hotpatch.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.hotpatch.pe.ImageCodeReader;
import io.github.hotpatch.pe.PeImage;
import io.github.hotpatch.pe.PeImageReader;
import io.github.hotpatch.pe.Section;
import io.github.hotpatch.testing.NativeFixtures;
import io.github.hotpatch.testing.NativeFixtures.Built;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The x64 length decoder against {@code llvm-objdump-22 -d} on real clang-cl code: walking the whole .text it finds
 * exactly objdump's instruction boundaries, and the instructions it masks are exactly those with a RIP-relative
 * operand or a rel32 call/jump/jcc.
 */
class X64DecoderObjdumpDifferentialTest {

    /** Code that reaches many opcode forms: SSE/AVX2 (VEX), 64-bit immediates, a jump table, popcnt/tzcnt, 16-bit operands. */
    static final String VARIED = """
            int _fltused;
            double scale = 1.5;
            long long big = 0x123456789abcdef0LL;
            int counters[64];
            __declspec(dllexport) double Dot(const double *a, const double *b, int n) {
                double s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i] * scale; return s;
            }
            __declspec(dllexport) float Mix(float x, float y) { return x * 0.25f + y / 3.0f; }
            __declspec(dllexport) long long Wide(long long v) { return v * 0x1000000001LL + big; }
            __declspec(dllexport) int Pick(int k) {
                switch (k) { case 0: return 11; case 1: return 23; case 2: return 37; case 3: return 41;
                             case 4: return 53; case 5: return 67; case 6: return 71; default: return -1; }
            }
            __declspec(dllexport) void Count(const unsigned char *p, int n) {
                for (int i = 0; i < n; i++) counters[p[i] & 63] += (p[i] >> 2) | 1;
            }
            __attribute__((target("avx2"))) __declspec(dllexport) void AddAll(int *restrict d, const int *restrict s, int n) {
                for (int i = 0; i < n; i++) d[i] += s[i] * 3;
            }
            __declspec(dllexport) unsigned Bits(unsigned long long v) {
                return (unsigned)__builtin_popcountll(v) + (unsigned)__builtin_ctzll(v | 1) + (unsigned)(v >> 61);
            }
            __declspec(dllexport) short Narrow(short a, short b) { return (short)(a * b + 7); }
            __declspec(dllexport) int Call(int (*f)(int), int x) { return f(x) + Pick(x) + Narrow((short)x, 3); }
            """;

    private static final Pattern LINE = Pattern.compile("(?m)^\\s*([0-9a-f]+):\\s+(\\S[^\\n]*)$");

    static Stream<Arguments> images() throws IOException {
        return Stream.of(
                Arguments.of("diff ground-truth base", DiffFixtures.x64(DiffFixtures.BASE)),
                Arguments.of("NativeFixtures x64 hotpatch", NativeFixtures.x64Hotpatch()),
                Arguments.of(
                        "varied",
                        NativeFixtures.buildSource(
                                "varied",
                                22,
                                NativeFixtures.Arch.X64.triple,
                                NativeFixtures.Arch.X64.machine,
                                VARIED,
                                "/hotpatchcompatible",
                                "/profile",
                                "/incremental:no",
                                "/functionpadmin:6")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void boundariesAndMaskedInstructionsMatchObjdump(String label, Built built) throws IOException {
        PeImage image = PeImageReader.read(built.dll());
        Section text = image.section(".text").orElseThrow();
        long imageBase = image.optionalHeader().imageBase();
        String dump = NativeFixtures.run(
                built.dir(),
                "llvm-objdump-22",
                "-d",
                "--no-show-raw-insn",
                "--section=.text",
                built.dll().toString());
        List<Long> starts = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Matcher m = LINE.matcher(dump);
        while (m.find()) {
            starts.add(Long.parseLong(m.group(1), 16) - imageBase);
            texts.add(m.group(2));
        }
        assertFalse(starts.isEmpty(), label);
        long end = text.virtualAddress() + text.virtualSize();
        TreeSet<Long> expectedMasked = new TreeSet<>();
        for (int i = 0; i < starts.size(); i++) {
            long length = (i + 1 < starts.size() ? starts.get(i + 1) : end) - starts.get(i);
            String t = texts.get(i);
            boolean rel32 = t.matches("(callq?|jmpq?|j[a-z]+)\\s+0x[0-9a-f]+.*") && length >= 5;
            if (t.contains("(%rip)") || rel32) {
                expectedMasked.add(starts.get(i));
            }
        }

        byte[] code;
        try (ImageCodeReader reader = ImageCodeReader.open(built.dll())) {
            code = reader.read(text.virtualAddress(), text.virtualSize(), ".text");
        }
        List<Long> decoded = new ArrayList<>();
        TreeSet<Long> masked = new TreeSet<>();
        int at = 0;
        while (at < code.length) {
            X64Normaliser.Decoded d = X64Normaliser.decode(code, at);
            decoded.add(text.virtualAddress() + at);
            if (d.fieldOffset() >= 0) {
                masked.add(text.virtualAddress() + at);
            }
            at += d.length();
        }
        for (int i = 0; i < Math.min(starts.size(), decoded.size()); i++) {
            if (!starts.get(i).equals(decoded.get(i))) {
                assertEquals(
                        starts.get(i),
                        decoded.get(i),
                        label + ": first different boundary after 0x" + Long.toHexString(starts.get(Math.max(0, i - 1)))
                                + " " + texts.get(Math.max(0, i - 1)));
            }
        }
        assertEquals(starts.size(), decoded.size(), label + ": instruction count");
        assertEquals(expectedMasked, masked, label + ": instructions with a rel32 or RIP-relative field");
    }
}
