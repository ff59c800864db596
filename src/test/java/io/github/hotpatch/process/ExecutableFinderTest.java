package io.github.hotpatch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.StandIn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ExecutableFinderTest {
    @TempDir
    Path dir;

    @Test
    void findsVersionedToolsNewestFirstAndTheNewestCompleteSet() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        StandIn.create(a, "clang-cl-19", "", 0);
        StandIn.create(a, "lld-link-19", "", 0);
        StandIn.create(b, "clang-cl-22", "", 0);
        StandIn.create(b, "clang-cl-23", "", 0); // no lld-link-23: not a usable set
        StandIn.create(b, "lld-link-22", "", 0);
        ExecutableFinder finder = new ExecutableFinder(List.of(a, b), StandIn.onWindows());
        assertEquals(List.of(23, 22, 19), finder.versionsOf("clang-cl"));
        assertEquals(22, finder.newestCommonVersion("clang-cl", "lld-link").getAsInt());
        assertTrue(finder.find("lld-link-19").isPresent());
        assertTrue(finder.find("lld-link-23").isEmpty());
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "uses the POSIX executable bit, which Windows files do not have")
    void versionsSkipNonExecutablesOddNamesAndPathEntriesThatAreNoDirectories() throws Exception {
        Path a = dir.resolve("a");
        StandIn.create(a, "clang-cl-22", "", 0);
        StandIn.create(a, "clang-cl-21.1", "", 0);
        StandIn.create(a, "clang-cl-new", "", 0);
        StandIn.create(a, "clang-cl-12345", "", 0);
        java.nio.file.Files.writeString(a.resolve("clang-cl-30"), "not executable");
        Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        ExecutableFinder finder = new ExecutableFinder(List.of(dir.resolve("missing"), file, a), StandIn.onWindows());
        assertEquals(List.of(22), finder.versionsOf("clang-cl"));
    }
}
