package io.github.hotpatch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PATH handling under Windows path rules (Jimfs, {@code Configuration.windows()}: drive letters, backslashes,
 * case-insensitive names) and under Unix rules, on this machine. A test of the rules, not of Windows.
 */
class ExecutableFinderWindowsPathRulesTest {

    @Test
    void quotedAndTrailingSpaceEntriesAreSkippedWithOneWarningNamingThem() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            List<String> warnings = new ArrayList<>();
            List<Path> dirs = ExecutableFinder.searchPath(
                    "C:\\Tools;\"C:\\Program Files\\CMake\\bin\";C:\\Trailing ;;  ;D:\\bin", ";", fs, warnings::add);
            assertEquals(List.of(fs.getPath("C:\\Tools"), fs.getPath("D:\\bin")), dirs);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("'\"C:\\Program Files\\CMake\\bin\"'"), warnings.get(0));
            assertTrue(warnings.get(0).contains("'C:\\Trailing '"), warnings.get(0));
        }
    }

    @Test
    void underUnixRulesTheSameCharactersAreOrdinary() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            List<String> warnings = new ArrayList<>();
            List<Path> dirs = ExecutableFinder.searchPath("/usr/bin:\"/opt/q\":/x ", ":", fs, warnings::add);
            assertEquals(3, dirs.size(), dirs.toString());
            assertTrue(warnings.isEmpty(), warnings.toString());
        }
    }

    @Test
    void programsAreFoundWithWindowsExtensionsAndWithoutRegardToCase() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            Path tools = Files.createDirectories(fs.getPath("C:\\Tools\\Bin"));
            Path cmake = Files.writeString(tools.resolve("cmake.exe"), "MZ");
            Files.writeString(tools.resolve("ninja.CMD"), "@echo");
            Files.writeString(tools.resolve("clang-cl-22.exe"), "MZ");
            Files.writeString(tools.resolve("lld-link-22.exe"), "MZ");
            ExecutableFinder finder = new ExecutableFinder(
                    ExecutableFinder.searchPath("c:\\tools\\bin;C:/Other", ";", fs, w -> {}), true);
            assertEquals(cmake, finder.find("cmake").orElseThrow());
            assertEquals(cmake, finder.find("CMake").orElseThrow(), "names compare without case");
            Path ninja = finder.find("ninja").orElseThrow();
            assertTrue(
                    Files.isSameFile(tools.resolve("ninja.CMD"), ninja), ninja + " is ninja.CMD, found without case");
            assertEquals(22, finder.newestCommonVersion("clang-cl", "lld-link").getAsInt());
            assertTrue(finder.find("cmake").get().isAbsolute());
            assertEquals(fs.getPath("C:\\Other"), finder.searchPath().get(1), "C:/ is read with a backslash");
        }
    }
}
