package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.hotpatch.process.ToolException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CMAKE_GENERATOR_INSTANCE read back from a CMakeCache.txt (CMake writes {@code C:/…} with forward slashes) in the
 * build directory's own file system, under Windows path rules (Jimfs). A test of the rules, not of Windows.
 */
class GeneratorInstanceWindowsPathRulesTest {
    private static final BuildVariant VARIANT = BuildVariant.msquicDefaults().get(0);

    @Test
    void forwardSlashInstancePathsAreWindowsPathsOfTheBuildDirectorysFileSystem() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            Path dir = Files.createDirectories(fs.getPath("C:\\src\\msquic\\build\\windows\\arm64_schannel"));
            Files.writeString(
                    dir.resolve("CMakeCache.txt"),
                    "# This is the CMakeCache file.\n"
                            + "CMAKE_GENERATOR:INTERNAL=Visual Studio 17 2022\n"
                            + "CMAKE_GENERATOR_INSTANCE:INTERNAL=C:/Program Files/Microsoft Visual Studio/2022/Enterprise\n");
            Map<String, String> cache = CMakeCacheEntries.read(dir.resolve("CMakeCache.txt"));
            Path instance = VariantBuilder.instanceDirectory(dir, cache.get("CMAKE_GENERATOR_INSTANCE"), VARIANT);
            assertEquals(fs.getPath("C:\\Program Files\\Microsoft Visual Studio\\2022\\Enterprise"), instance);
            assertEquals(fs.getPath("c:\\program files\\microsoft visual studio\\2022\\ENTERPRISE"), instance);
            assertTrue(instance.isAbsolute());
            assertEquals(
                    fs.getPath("\\\\build-share\\vs\\2022"),
                    VariantBuilder.instanceDirectory(dir, "//build-share/vs/2022,version=17.14.36310.24", VARIANT),
                    "a UNC instance, with CMake's version suffix dropped");
            ToolException e =
                    assertThrows(ToolException.class, () -> VariantBuilder.instanceDirectory(dir, "C:/a|b", VARIANT));
            assertTrue(
                    e.getMessage().contains("CMAKE_GENERATOR_INSTANCE in " + dir + " is not a path"), e.getMessage());
        }
    }
}
