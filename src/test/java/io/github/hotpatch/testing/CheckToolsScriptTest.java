package io.github.hotpatch.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/check-tools.sh, the fresh-machine self-check, against this machine's real dpkg database. Linux only: it is
 * a bash script over Debian's dpkg (the Linux CI runs it; a Windows agent has neither).
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "a bash script over Debian's dpkg database")
class CheckToolsScriptTest {

    @TempDir
    Path dir;

    private static final Path SETUP = Path.of("scripts", "setup-debian.sh");

    @Test
    void passesWithThePackageListSetupInstalls() throws Exception {
        Result r = run(SETUP);
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("check-tools: all"), r.output);
    }

    @Test
    void failsNamingThePackageWhenSetupNoLongerInstallsIt() throws Exception {
        // The break this check exists for: clang-cl-19 ships in clang-tools-19, which clang-19 only recommends.
        Result r = run(withoutPackage("clang-tools-19"));
        assertEquals(1, r.exit, r.output);
        assertTrue(
                r.output.contains("'clang-cl-19' (/usr/bin/clang-cl-19) comes from Debian package 'clang-tools-19'"),
                r.output);
    }

    @Test
    void failsNamingThePackageOfTheRealBinaryToo() throws Exception {
        // /usr/bin/clang-cl-19 (clang-tools-19) links to a binary that clang-19 ships: both must be installed.
        Result r = run(withoutPackage("clang-19"));
        assertEquals(1, r.exit, r.output);
        assertTrue(r.output.contains("comes from Debian package 'clang-19'"), r.output);
    }

    @Test
    void refusesAPackageListItCannotRead() throws Exception {
        Path empty = Files.writeString(dir.resolve("setup.sh"), "#!/bin/sh\n");
        Result r = run(empty);
        assertEquals(2, r.exit, r.output);
        assertTrue(r.output.contains("cannot read the package list"), r.output);
    }

    private Path withoutPackage(String pkg) throws IOException {
        String text = Files.readString(SETUP);
        String changed = text.replace(" " + pkg + " ", " ");
        assertTrue(!changed.equals(text), "setup-debian.sh names " + pkg);
        return Files.writeString(dir.resolve("setup-debian.sh"), changed);
    }

    private record Result(int exit, String output) {}

    private static Result run(Path setup) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "scripts/check-tools.sh").redirectErrorStream(true);
        pb.environment().put("SETUP_SCRIPT", setup.toAbsolutePath().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "check-tools.sh finished");
        return new Result(p.exitValue(), out);
    }
}
