package io.github.hotpatch.fileapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The File API reply read under Windows path rules (Jimfs, {@code Configuration.windows()}): a copy of the real reply
 * CMake wrote here, moved into a {@code C:\...} build directory with its absolute paths in the {@code C:/...} form
 * CMake writes on Windows. A test of the path rules, not of Windows.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the reply it copies is configured with Debian's clang-cl-22 toolchain")
class FileApiReplyWindowsPathRulesTest {

    @Test
    void forwardSlashDrivePathsAndRelativeArtifactsResolveInTheBuildDirectorysFileSystem() throws Exception {
        Path real = FileApiTestProject.configured();
        String realBuild = real.toString();
        String realRoot = real.getParent().toString();
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            Path build = fs.getPath("C:\\work\\Build\\arm64_schannel");
            Path reply = Files.createDirectories(FileApiReply.replyDir(build));
            try (Stream<Path> files = Files.list(FileApiReply.replyDir(real))) {
                for (Path f : files.toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8)
                            .replace(realBuild, "C:/work/Build/arm64_schannel")
                            .replace(realRoot, "C:/work");
                    Files.writeString(reply.resolve(f.getFileName().toString()), text, StandardCharsets.UTF_8);
                }
            }
            FileApiReply parsed = FileApiReplyReader.read(build);
            assertEquals(fs.getPath("C:\\work\\src"), parsed.sourceDir());
            assertEquals(fs.getPath("c:\\WORK\\SRC"), parsed.sourceDir(), "drive and names compare without case");
            FileApiTarget msquic = parsed.target("Release", "msquic").orElseThrow();
            Path dll = msquic.primaryArtifact().orElseThrow();
            assertTrue(dll.isAbsolute() && dll.startsWith(build), dll.toString());
            assertEquals("msquic.dll", dll.getFileName().toString());
            assertTrue(dll.toString().contains("\\"), "backslashes: " + dll);
            Path outside = parsed.target("Release", "outside")
                    .orElseThrow()
                    .primaryArtifact()
                    .orElseThrow();
            assertEquals(
                    fs.getPath("C:\\work\\artifacts\\Release"), outside.getParent(), "absolute C:/ path, normalized");
        }
    }
}
