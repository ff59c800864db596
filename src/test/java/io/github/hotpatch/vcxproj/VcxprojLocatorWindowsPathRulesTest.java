package io.github.hotpatch.vcxproj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Finding a target's vcxproj under Windows path rules (Jimfs: backslashes, names without case) and under Unix rules.
 * A test of the rules, not of Windows.
 */
class VcxprojLocatorWindowsPathRulesTest {

    private static Path tree(FileSystem fs, String build, String sep) throws Exception {
        Path dir = Files.createDirectories(fs.getPath(build));
        Files.createDirectories(dir.resolve("src" + sep + "bin"));
        Files.createDirectories(dir.resolve("cmakefiles" + sep + "x"));
        Files.writeString(dir.resolve("src" + sep + "bin" + sep + "MsQuic.vcxproj"), "<Project/>");
        Files.writeString(dir.resolve("cmakefiles" + sep + "msquic.vcxproj"), "<Project/>");
        return dir;
    }

    @Test
    void windowsRulesFindTheTargetsProjectWithoutCaseAndSkipCMakeFilesWithoutCase() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            Path build = tree(fs, "C:\\work\\build\\windows\\arm64_schannel", "\\");
            assertEquals(
                    build.resolve("src\\bin\\MsQuic.vcxproj"),
                    VcxprojLocator.find(build, "msquic").orElseThrow());
        }
    }

    @Test
    void unixRulesMatchTheExactName() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path build = tree(fs, "/work/build/arm64_schannel", "/");
            assertTrue(
                    VcxprojLocator.find(build, "msquic").isPresent(), "the one in cmakefiles: another directory here");
            assertEquals(
                    build.resolve("src/bin/MsQuic.vcxproj"),
                    VcxprojLocator.find(build, "MsQuic").orElseThrow());
        }
    }
}
