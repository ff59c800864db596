package io.github.hotpatch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.StandIn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
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
        ExecutableFinder finder = new ExecutableFinder(List.of(a, b), false);
        assertEquals(List.of(23, 22, 19), finder.versionsOf("clang-cl"));
        assertEquals(22, finder.newestCommonVersion("clang-cl", "lld-link").getAsInt());
        assertTrue(finder.find("lld-link-19").isPresent());
        assertTrue(finder.find("lld-link-23").isEmpty());
    }
}
