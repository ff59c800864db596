package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CMakeCacheCheck's source-directory comparison under Windows path rules (Jimfs): CMake writes CMAKE_HOME_DIRECTORY
 * as {@code C:/...}; the same directory typed as {@code c:\...} is the same source tree. A test of the rules, not of
 * Windows.
 */
class CMakeCacheWindowsPathRulesTest {

    @Test
    void theHomeDirectoryIsComparedByWindowsRules() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            Path variant = Files.createDirectories(fs.getPath("C:\\b\\windows\\arm64_schannel"));
            Files.createDirectories(fs.getPath("C:\\Src\\MsQuic"));
            Files.writeString(
                    variant.resolve("CMakeCache.txt"),
                    "# This is the CMakeCache file.\nCMAKE_HOME_DIRECTORY:INTERNAL=C:/Src/MsQuic\n");
            assertEquals(Optional.empty(), CMakeCacheCheck.problem(variant, fs.getPath("c:\\src\\msquic")));
            assertEquals(Optional.empty(), CMakeCacheCheck.problem(variant, fs.getPath("C:\\Src\\MsQuic\\.")));
            Optional<String> other = CMakeCacheCheck.problem(variant, fs.getPath("D:\\Src\\MsQuic"));
            assertTrue(
                    other.orElseThrow().contains("was made for source directory C:/Src/MsQuic, not D:\\Src\\MsQuic"),
                    other.get());
        }
    }
}
