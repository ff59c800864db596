package io.github.hotpatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real Windows DLLs + PDBs for the readers' tests, cross-built here with Debian's clang-cl / lld-link
 * (installed by .ci/run). Each fixture is built once per {@code target/} directory and reused; the
 * directory name encodes the inputs, so a changed flag set gets its own build.
 */
public final class NativeFixtures {

    /** Where fixtures live: under the Maven build directory, never outside it. */
    public static final Path ROOT = Paths.get("target", "native-fixtures").toAbsolutePath();

    public enum Arch {
        ARM64("aarch64-pc-windows-msvc", "ARM64"),
        X64("x86_64-pc-windows-msvc", "X64");

        public final String triple;
        public final String machine;

        Arch(String triple, String machine) {
            this.triple = triple;
            this.machine = machine;
        }
    }

    /** A linked image and the files the linker wrote beside it. */
    public record Built(Path dir, Path dll, Path pdb, Path map) {}

    /** Exported functions and data with absolute pointers, so the image has code, exports and relocations. */
    private static final String SOURCE = """
            static int counter;
            static const char name[] = "fixture";
            int *volatile pointers[] = { &counter, &counter, 0 };
            const char *volatile names[] = { name, name + 1 };
            __declspec(dllexport) int FixtureAdd(int a, int b) { counter += a; return a + b + *pointers[a & 1]; }
            __declspec(dllexport) const char *FixtureName(int i) { return names[i & 1]; }
            __declspec(dllexport) int FixtureLoop(int n) { int s = 0; for (int i = 0; i < n; i++) s += FixtureAdd(i, s); return s; }
            """;

    private NativeFixtures() {}

    /**
     * Compiles {@link #SOURCE} for {@code arch} with clang-cl-{@code llvm} and links it into
     * {@code <name>.dll} with lld-link-{@code llvm}, /DEBUG, and {@code linkFlags}.
     */
    public static Built build(String name, int llvm, Arch arch, String... linkFlags) throws IOException {
        return buildSource(name, llvm, arch.triple, arch.machine, SOURCE, linkFlags);
    }

    /** The hotpatch flags lld-link 22 accepts for ARM64 (FACTS §5). */
    public static Built arm64Hotpatch() throws IOException {
        return build(
                "hotpatch",
                22,
                Arch.ARM64,
                "/hotpatchcompatible",
                "/profile",
                "/incremental:no",
                "/functionpadmin:8",
                "/map");
    }

    /** The same image without any hotpatch flag. */
    public static Built arm64Plain() throws IOException {
        return build("plain", 22, Arch.ARM64);
    }

    /** x64, lld-link 22, with the x64 profile as lld spells it. */
    public static Built x64Hotpatch() throws IOException {
        return build(
                "hotpatch", 22, Arch.X64, "/hotpatchcompatible", "/profile", "/incremental:no", "/functionpadmin:6");
    }

    /** ARM64 linked by lld-link 19, which knows no /hotpatchcompatible. */
    public static Built arm64Lld19Profile() throws IOException {
        return build("profile19", 19, Arch.ARM64, "/profile", "/incremental:no");
    }

    /**
     * A real MSVC-linked ARM64 binary (link 14.x), fetched with {@code npm pack} from the npm registry and
     * unpacked with tar under target/. Not hotpatch-ready: a negative for the verifier.
     */
    public static synchronized Path msvcArm64Node() throws IOException {
        Path dir = ROOT.resolve("npm-rollup-win32-arm64-msvc");
        Path node = dir.resolve("package/rollup.win32-arm64-msvc.node");
        if (Files.isRegularFile(node)) {
            return node;
        }
        Files.createDirectories(dir);
        String tgz = run(dir, "npm", "pack", "--silent", "@rollup/rollup-win32-arm64-msvc@" + ROLLUP_VERSION)
                .trim();
        String[] lines = tgz.split("\\R");
        run(dir, "tar", "-xzf", lines[lines.length - 1].trim());
        if (!Files.isRegularFile(node)) {
            throw new IOException("npm package did not contain " + node);
        }
        return node;
    }

    /**
     * An npm package ({@code name@version}, pinned), fetched with {@code npm pack} from the npm registry and unpacked
     * with tar under target/native-fixtures once; returns its {@code package/} directory.
     */
    public static synchronized Path npmPackage(String name, String version) throws IOException {
        Path dir = ROOT.resolve("npm-" + name.replace("@", "").replace('/', '-') + "-" + version);
        Path pkg = dir.resolve("package");
        if (Files.isRegularFile(dir.resolve("done"))) {
            return pkg;
        }
        deleteRecursively(dir);
        Files.createDirectories(dir);
        String[] lines =
                run(dir, "npm", "pack", "--silent", name + "@" + version).trim().split("\\R");
        run(dir, "tar", "-xzf", lines[lines.length - 1].trim());
        if (!Files.isRegularFile(pkg.resolve("package.json"))) {
            throw new IOException("npm pack " + name + "@" + version + " gave no package/package.json in " + dir);
        }
        Files.writeString(dir.resolve("done"), name + "@" + version);
        return pkg;
    }

    /** Pinned so the negative fixture never changes under the tests. */
    public static final String ROLLUP_VERSION = "4.53.3";

    /** Runs a tool (argument array, no shell) in {@code dir}; fails with its output when it exits non-zero. */
    public static String run(Path dir, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + ": " + String.join(" ", command) + "\n" + out);
        }
        return out;
    }

    /** Deletes {@code dir} and everything below it (test scratch directories under target/); nothing if it is absent. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---- Load-config fixtures (added for the pe package). lld-link writes a load config only when the
    // image defines _load_config_used, so these define one with known values to test the reader against. ----

    /** GuardFlags written into the load-config fixtures. */
    public static final int LOAD_CONFIG_GUARD_FLAGS = 0x10500;
    /** HotPatchTableOffset written into the 64-bit load-config fixture. */
    public static final int LOAD_CONFIG_HOTPATCH_TABLE_64 = 0x1234;
    /** HotPatchTableOffset written into the 32-bit (PE32) load-config fixture. */
    public static final int LOAD_CONFIG_HOTPATCH_TABLE_32 = 0x4321;

    /** ARM64 DLL with a 0x100-byte IMAGE_LOAD_CONFIG_DIRECTORY64 (GuardFlags at 0x90, HotPatchTableOffset at 0xF0). */
    public static Built arm64LoadConfig() throws IOException {
        return buildSource(
                "loadconfig",
                22,
                "aarch64-pc-windows-msvc",
                "ARM64",
                loadConfigSource(0x100, 0x90, 0xF0, LOAD_CONFIG_HOTPATCH_TABLE_64),
                "/hotpatchcompatible",
                "/profile",
                "/incremental:no",
                "/functionpadmin:8");
    }

    /** i686 PE32 DLL with a 0xA0-byte IMAGE_LOAD_CONFIG_DIRECTORY32 (GuardFlags at 0x58, HotPatchTableOffset at 0x94). */
    public static Built x86LoadConfig() throws IOException {
        return buildSource(
                "loadconfig",
                22,
                "i686-pc-windows-msvc",
                "X86",
                loadConfigSource(0xA0, 0x58, 0x94, LOAD_CONFIG_HOTPATCH_TABLE_32),
                "/safeseh:no",
                "/profile",
                "/incremental:no");
    }

    private static String loadConfigSource(int size, int guardFlagsAt, int hotPatchAt, int hotPatchValue) {
        return "__declspec(align(8)) const struct { unsigned int w[" + size / 4 + "]; } _load_config_used = { { [0] = "
                + size + ", [" + guardFlagsAt / 4 + "] = " + LOAD_CONFIG_GUARD_FLAGS + ", [" + hotPatchAt / 4 + "] = "
                + hotPatchValue + " } };\n" + SOURCE;
    }

    /**
     * Like {@link #build} but with any C source and target triple: compiles {@code source} with
     * clang-cl-{@code llvm} and links {@code <name>.dll} with lld-link-{@code llvm}, /DEBUG and {@code linkFlags}.
     */
    public static synchronized Built buildSource(
            String name, int llvm, String triple, String machine, String source, String... linkFlags)
            throws IOException {
        String key = name + "-" + llvm + "-" + triple + "-"
                + Integer.toHexString((source + "\0" + String.join(" ", linkFlags)).hashCode());
        Path dir = ROOT.resolve(key);
        Built built =
                new Built(dir, dir.resolve(name + ".dll"), dir.resolve(name + ".pdb"), dir.resolve(name + ".map"));
        if (Files.isRegularFile(dir.resolve("done"))) {
            return built;
        }
        Files.createDirectories(dir);
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, source);
        Path obj = dir.resolve(name + ".obj");
        // "--": clang-cl would parse an absolute source path such as /work/... as the /w option.
        run(
                dir,
                "clang-cl-" + llvm,
                "--target=" + triple,
                "/nologo",
                "/c",
                "/O2",
                "/Z7",
                "/GS-",
                "/Fo" + obj,
                "--",
                c.toString());
        List<String> link = new ArrayList<>(List.of(
                "lld-link-" + llvm,
                "/nologo",
                "/dll",
                "/noentry",
                "/nodefaultlib",
                "/debug",
                "/machine:" + machine,
                "/out:" + built.dll(),
                "/pdb:" + built.pdb(),
                "/implib:" + dir.resolve(name + ".lib"),
                obj.toString()));
        link.addAll(List.of(linkFlags));
        run(dir, link.toArray(String[]::new));
        Files.writeString(dir.resolve("done"), String.join(" ", linkFlags));
        return built;
    }

    /** A tool on PATH, as an absolute path; a clear error naming the Debian packages when it is missing. */
    public static Path onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Paths.get(dir, tool);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException(tool + " is not on PATH; these tests configure a real CMake project and need"
                + " cmake, ninja and the LLVM 22 tools (Debian: cmake ninja-build clang-22 lld-22 llvm-22)");
    }

    /**
     * A CMake toolchain file for clang-cl-22 / lld-link-22 ARM64 that links test DLLs without a Windows SDK: no C
     * runtime libraries, no entry point, no manifest.
     */
    public static Path writeSdkLessArm64Toolchain(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "set(CMAKE_SYSTEM_NAME Windows)",
                        "set(CMAKE_SYSTEM_PROCESSOR ARM64)",
                        "set(CMAKE_C_COMPILER \"" + onPath("clang-cl-22") + "\")",
                        "set(CMAKE_C_COMPILER_TARGET aarch64-pc-windows-msvc)",
                        "set(CMAKE_LINKER \"" + onPath("lld-link-22") + "\")",
                        "set(CMAKE_AR \"" + onPath("llvm-lib-22") + "\")",
                        "set(CMAKE_RC_COMPILER \"" + onPath("llvm-rc-22") + "\")",
                        "set(CMAKE_MT \"" + onPath("llvm-mt-22") + "\")",
                        "set(CMAKE_C_STANDARD_LIBRARIES \"\" CACHE STRING \"\" FORCE)",
                        "set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)",
                        "set(CMAKE_SHARED_LINKER_FLAGS_INIT \"/NODEFAULTLIB /NOENTRY /MANIFEST:NO\")",
                        ""));
        return file;
    }
}
