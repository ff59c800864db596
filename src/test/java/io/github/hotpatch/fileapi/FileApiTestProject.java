package io.github.hotpatch.fileapi;

import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A small C project with a SHARED library {@code msquic}, configured for real with CMake, Ninja
 * Multi-Config and a clang-cl-22 toolchain cross-compiling to aarch64-pc-windows-msvc, so the File API
 * reply under test is one CMake actually wrote. Configured once per JVM, under {@code target/}.
 */
final class FileApiTestProject {

    static final Path ROOT = Paths.get("target", "fileapi-project").toAbsolutePath();
    static final String RELEASE_FLAGS = "/INCREMENTAL:NO /profile";

    private static Path buildDir;

    private FileApiTestProject() {}

    /** The configured build directory (fresh once per JVM so no stale CMakeCache.txt leaks in). */
    static synchronized Path configured() throws IOException, InterruptedException {
        if (buildDir != null) {
            return buildDir;
        }
        NativeFixtures.deleteRecursively(ROOT);
        Path src = Files.createDirectories(ROOT.resolve("src"));
        Files.writeString(src.resolve("CMakeLists.txt"), """
                cmake_minimum_required(VERSION 3.20)
                project(fileapi_fixture C)
                add_library(helper STATIC helper.c)
                add_library(msquic SHARED msquic.c)
                target_link_libraries(msquic PRIVATE helper)
                # an output directory outside the build tree: the reply lists it with an absolute path
                add_library(outside SHARED outside.c)
                set_target_properties(outside PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/../artifacts/$<CONFIG>")
                """);
        Files.writeString(src.resolve("helper.c"), "int Helper(int v) { return v * 2; }\n");
        Files.writeString(src.resolve("msquic.c"), """
                int Helper(int v);
                __declspec(dllexport) int MsQuicOpenVersion(int version) { return Helper(version) + 1; }
                """);
        Files.writeString(src.resolve("outside.c"), "__declspec(dllexport) int Outside(void) { return 7; }\n");

        Path toolchain = NativeFixtures.writeSdkLessArm64Toolchain(ROOT.resolve("clang-cl-22-arm64.cmake"));

        Path build = ROOT.resolve("build");
        FileApiQuery.write(build);
        NativeFixtures.run(
                ROOT,
                NativeFixtures.onPath("cmake").toString(),
                "-S",
                src.toString(),
                "-B",
                build.toString(),
                "-G",
                "Ninja Multi-Config",
                "-DCMAKE_TOOLCHAIN_FILE=" + toolchain,
                "-DCMAKE_MAKE_PROGRAM=" + NativeFixtures.onPath("ninja"),
                "-DCMAKE_SHARED_LINKER_FLAGS_RELEASE=" + RELEASE_FLAGS);
        buildDir = build;
        return buildDir;
    }
}
