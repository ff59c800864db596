package io.github.hotpatch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.JavaMain;
import io.github.hotpatch.testing.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelTasksTest {
    @TempDir
    Path dir;

    @Test
    void runsConcurrentlyAndReturnsResultsInItemOrder() throws Exception {
        // Each task waits until both have started: a serial run would time out here.
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<String> results = ParallelTasks.run(List.of("a", "b"), 2, Function.identity(), item -> {
            bothStarted.countDown();
            try {
                if (!bothStarted.await(20, TimeUnit.SECONDS)) {
                    throw new ToolException("not concurrent");
                }
            } catch (InterruptedException e) {
                throw new ToolException("interrupted");
            }
            return item.toUpperCase();
        });
        assertEquals(List.of("A", "B"), results);
    }

    @Test
    void serialWhenParallelIsOne() throws Exception {
        StringBuilder order = new StringBuilder();
        ParallelTasks.run(List.of("1", "2", "3"), 1, Function.identity(), item -> {
            order.append(Thread.currentThread().getName().equals("hotpatch-variant") ? "x" : item);
            return item;
        });
        assertEquals("123", order.toString());
    }

    @Test
    void firstFailureKillsTheOthersToolsAndNamesThem() {
        ToolRunner runner = new ToolRunner();
        long start = System.nanoTime();
        ToolException e = assertThrows(
                ToolException.class,
                () -> ParallelTasks.run(List.of("slow", "failing"), 2, Function.identity(), item -> {
                    List<String> cmd = item.equals("slow")
                            ? JavaMain.command(Tool.class, "sleep:60000")
                            : JavaMain.command(Tool.class, "sleep:500", "out:boom", "exit:4");
                    runner.runChecked(ToolRun.of(item, dir, cmd), line -> {});
                    return item;
                }));
        assertTrue(
                e.getMessage().startsWith("[failing] " + JavaMain.java() + " failed with exit code 4"), e.getMessage());
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
        assertTrue(
                e.getMessage().contains("\n  stopped the other variants after failing failed: slow"), e.getMessage());
        assertEquals(4, e.exitCode());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "the sleeping tool was killed");
    }

    @Test
    void defaultIsOnePerCoreCappedByItems() {
        assertEquals(1, ParallelTasks.defaultParallelism(1));
        assertTrue(ParallelTasks.defaultParallelism(64) <= Runtime.getRuntime().availableProcessors());
        assertEquals(1, ParallelTasks.defaultParallelism(0));
    }
}
