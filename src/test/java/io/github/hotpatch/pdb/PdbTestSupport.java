package io.github.hotpatch.pdb;

import io.github.hotpatch.testing.NativeFixtures;
import io.github.hotpatch.testing.NativeFixtures.Arch;
import io.github.hotpatch.testing.NativeFixtures.Built;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fixtures, reference-tool runners and byte patching shared by the PDB reader's tests. */
final class PdbTestSupport {

    private PdbTestSupport() {}

    /** The four real fixtures the brief names, by a short label. */
    static Map<String, Built> realFixtures() throws IOException {
        Map<String, Built> all = new LinkedHashMap<>();
        all.put("arm64Hotpatch", NativeFixtures.arm64Hotpatch());
        all.put("arm64Plain", NativeFixtures.arm64Plain());
        all.put("x64Hotpatch", NativeFixtures.x64Hotpatch());
        all.put("arm64Lld19Profile", NativeFixtures.arm64Lld19Profile());
        return all;
    }

    /** ARM64 with the FIXUP debug type asked for explicitly, to see whether lld writes a FIXUP stream. */
    static Built arm64DebugTypeFixup() throws IOException {
        return NativeFixtures.build("fixup", 22, Arch.ARM64, "/debugtype:cv,fixup", "/incremental:no");
    }

    /**
     * A PDB of ~2.4 MB: 40 objects of 60 functions, each with its own 20-field struct type, so the type, symbol and module
     * streams dwarf the few streams the reader touches. Built once under target/native-fixtures.
     */
    static synchronized Path largeArm64Pdb() throws IOException {
        Path dir = NativeFixtures.ROOT.resolve("pdb-large-arm64-22-v2");
        Path pdb = dir.resolve("large.pdb");
        if (Files.isRegularFile(dir.resolve("done"))) {
            return pdb;
        }
        Files.createDirectories(dir);
        List<String> compile = new ArrayList<>(List.of(
                "clang-cl-22", "--target=aarch64-pc-windows-msvc", "/nologo", "/c", "/O2", "/Z7", "/GS-", "--"));
        List<String> link = new ArrayList<>(List.of(
                "lld-link-22",
                "/nologo",
                "/dll",
                "/noentry",
                "/nodefaultlib",
                "/debug",
                "/machine:ARM64",
                "/out:" + dir.resolve("large.dll"),
                "/pdb:" + pdb,
                "/profile",
                "/incremental:no"));
        for (int m = 0; m < 40; m++) {
            StringBuilder source = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                String n = m + "_" + i;
                source.append("struct S")
                        .append(n)
                        .append(" { int a")
                        .append(n)
                        .append("; long long b; const char *c; struct S")
                        .append(n)
                        .append(" *next;");
                for (int f = 0; f < 16; f++) {
                    source.append(" int f").append(f).append('_').append(n).append(';');
                }
                source.append(" };\n");
                source.append("__declspec(dllexport) int F")
                        .append(n)
                        .append("(struct S")
                        .append(n)
                        .append(" *s, int k) { int t = 0; for (; s; s = s->next) t += s->a")
                        .append(n)
                        .append(" * k + (int)s->b; return t + ")
                        .append(i)
                        .append("; }\n");
            }
            Path c = dir.resolve("m" + m + ".c");
            Files.writeString(c, source);
            compile.add(c.toString());
            link.add(dir.resolve("m" + m + ".obj").toString());
        }
        NativeFixtures.run(dir, compile.toArray(String[]::new));
        NativeFixtures.run(dir, link.toArray(String[]::new));
        Files.writeString(dir.resolve("done"), "40x60");
        return pdb;
    }

    static String tool(Path dir, String... command) throws IOException {
        return NativeFixtures.run(dir, command);
    }

    /** {@code llvm-pdbutil-22 dump --summary}: "Key: value" lines. */
    static Map<String, String> pdbutilSummary(Path pdb) throws IOException {
        String out = tool(pdb.getParent(), "llvm-pdbutil-22", "dump", "--summary", pdb.toString());
        Map<String, String> summary = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                summary.put(
                        line.substring(0, colon).trim(),
                        line.substring(colon + 1).trim());
            }
        }
        return summary;
    }

    /** PDBGUID and PDBAge of the image's CodeView record, as llvm-readobj-22 prints them. */
    static Map<String, String> readobjCodeView(Path dll) throws IOException {
        String out = tool(dll.getParent(), "llvm-readobj-22", "--coff-debug-directory", dll.toString());
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(PDBGUID|PDBAge|PDBFileName): (.*)").matcher(out);
        while (m.find()) {
            values.put(m.group(1), m.group(2).trim());
        }
        return values;
    }

    static Path copy(Path pdb, Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        Files.copy(pdb, target);
        return target;
    }

    static void putU32(Path file, long offset, long value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt((int) offset, (int) value);
        Files.write(file, bytes);
    }

    static void putU16(Path file, long offset, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort((int) offset, (short) value);
        Files.write(file, bytes);
    }

    static void fill(Path file, long from, long to, byte value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (long i = from; i < to; i++) {
            bytes[(int) i] = value;
        }
        Files.write(file, bytes);
    }

    static long u32(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Integer.toUnsignedLong(
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt((int) offset));
    }

    static void truncate(Path file, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] shorter = new byte[(int) size];
        System.arraycopy(bytes, 0, shorter, 0, (int) size);
        Files.write(file, shorter);
    }
}
