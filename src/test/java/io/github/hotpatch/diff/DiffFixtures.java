package io.github.hotpatch.diff;

import io.github.hotpatch.testing.NativeFixtures;
import io.github.hotpatch.testing.NativeFixtures.Built;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Base and patched builds for the diff's ground-truth tests: one multi-function C source, linked with the hotpatch
 * profile's lld flags, and variants of it that differ by one known edit. Every variant is named {@code gt.dll}, as a
 * patch of the base must be.
 */
final class DiffFixtures {

    static final String NAME = "gt";

    /** The base. Markers in comments are where the variants edit it. */
    static final String BASE = """
            static int counter;
            long widen = 3;
            int table[4] = { 1, 2, 3, 4 };
            static const char name[] = "fixture";
            const char *volatile names[] = { name, name + 1 };
            static inline int helper(int x) { return x * 3 + counter; }
            __declspec(dllexport) int First(int a, int b) { counter += a; return a + b + helper(b); }
            __declspec(dllexport) int Second(int a) { return helper(a) ^ table[a & 3]; }
            __declspec(dllexport) int Edited(int n) {
                int s = 0;
                for (int i = 0; i < n; i++) s += i * 7;
                return s;
            }
            __declspec(dllexport) const char *Later(int i) { return names[i & 1]; }
            __declspec(dllexport) int Last(int n) { return First(n, n) + Second(n) + (int)widen + table[n & 3]; }
            """;

    /** The same code, built again in another directory (a comment at the end keeps every line where it was). */
    static final String REBUILT = BASE + "/* rebuilt */\n";

    /** Edited's body grows, so Later and Last move to higher RVAs. */
    static final String BODY_EDITED = BASE.replace(
            "    return s;\n", "    if (n > 100) s -= n / 3;\n    if (s & 1) s = s * 11 + counter;\n    return s;\n");

    /** The helper inlined into First and Second changes. */
    static final String INLINE_EDITED = BASE.replace("return x * 3 + counter;", "return x * 5 + counter + 1;");

    /** A global's type is widened from long (4 bytes on Windows) to long long. */
    static final String GLOBAL_WIDENED = BASE.replace("long widen = 3;", "long long widen = 3;");

    /** One export more. */
    static final String EXPORT_ADDED = BASE + "__declspec(dllexport) int Added(int a) { return a * 42 + 1; }\n";

    private DiffFixtures() {}

    /** Functions whose S_GPROC32 scope holds an S_INLINESITE of {@code inlinee}, as llvm-pdbutil-22 prints them. */
    static List<String> functionsInlining(Built built, String inlinee) throws IOException {
        String dump = NativeFixtures.run(
                built.dir(),
                "llvm-pdbutil-22",
                "dump",
                "--symbols",
                "--modi=0",
                built.pdb().toString());
        Set<String> found = new TreeSet<>();
        String current = null;
        Matcher m = Pattern.compile("S_[GL]PROC32 \\[size = \\d+\\] `([^`]+)`|inlinee = 0x[0-9A-F]+ \\(([^)]+)\\)")
                .matcher(dump);
        while (m.find()) {
            if (m.group(1) != null) {
                current = m.group(1);
            } else if (inlinee.equals(m.group(2)) && current != null) {
                found.add(current);
            }
        }
        return List.copyOf(found);
    }

    static Built arm64(String source) throws IOException {
        return NativeFixtures.buildSource(
                NAME,
                22,
                NativeFixtures.Arch.ARM64.triple,
                NativeFixtures.Arch.ARM64.machine,
                source,
                "/hotpatchcompatible",
                "/profile",
                "/incremental:no",
                "/functionpadmin:8",
                "/map");
    }

    static Built x64(String source) throws IOException {
        return NativeFixtures.buildSource(
                NAME,
                22,
                NativeFixtures.Arch.X64.triple,
                NativeFixtures.Arch.X64.machine,
                source,
                "/hotpatchcompatible",
                "/profile",
                "/incremental:no",
                "/functionpadmin:6");
    }
}
