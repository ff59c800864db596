package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.testing.HoldLock;
import io.github.hotpatch.testing.RecordingLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildDirectoryLockTest {
    @TempDir
    Path dir;

    @Test
    void anotherProcessHoldingTheDirectoryMakesTheSecondBuildWaitThenFailClearly() throws Exception {
        Path variant = dir.resolve("arm64_schannel");
        java.nio.file.Files.createDirectories(variant);
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldLock.class.getName(),
                        variant.toString(),
                        "30000")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertTrue("locked".equals(out.readLine()), "holder process took the lock");
            RecordingLog log = new RecordingLog();
            long start = System.nanoTime();
            ToolException e = assertThrows(
                    ToolException.class,
                    () -> BuildDirectoryLock.acquire(variant, "arm64_schannel", Duration.ofMillis(800), log));
            long waited = System.nanoTime() - start;
            assertTrue(waited >= Duration.ofMillis(700).toNanos(), "waited before failing: " + waited);
            assertTrue(e.getMessage().contains("is in use by pid 4242 (test holder)"), e.getMessage());
            assertTrue(e.getMessage().contains("must not share a build directory"), e.getMessage());
            assertTrue(log.text().contains("waiting for another build"), log.text());
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        // Released with the holder: the next build gets it at once.
        try (BuildDirectoryLock lock =
                BuildDirectoryLock.acquire(variant, "arm64_schannel", Duration.ZERO, new RecordingLog())) {
            assertTrue(lock != null);
        }
    }

    /**
     * Windows locks are mandatory (a locked range cannot be read by another process), so the holder must never be
     * read from the locked file: it lives beside it. Checked here by what is written where.
     */
    @Test
    void theHolderIsWrittenBesideTheLockedFileNotIntoIt() throws Exception {
        Path variant = dir.resolve("x64_schannel");
        try (BuildDirectoryLock lock =
                BuildDirectoryLock.acquire(variant, "x64_schannel", Duration.ZERO, new RecordingLog())) {
            assertTrue(lock != null);
            assertEquals(0, Files.size(variant.resolve(BuildDirectoryLock.FILE_NAME)), "the locked file stays empty");
            assertEquals(
                    "pid " + ProcessHandle.current().pid() + " since ",
                    Files.readString(variant.resolve(BuildDirectoryLock.HOLDER_FILE_NAME))
                            .substring(0, ("pid " + ProcessHandle.current().pid() + " since ").length()));
        }
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the try block and never referenced in it
    void twoThreadsOfOneMavenRunTakeTurns() throws Exception {
        Path variant = dir.resolve("v");
        BuildDirectoryLock first = BuildDirectoryLock.acquire(variant, "v", Duration.ZERO, new RecordingLog());
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> assertDoesNotThrow(() -> {
            try (BuildDirectoryLock lock =
                    BuildDirectoryLock.acquire(variant, "v", Duration.ofSeconds(20), new RecordingLog())) {
                assertTrue(lock != null);
            }
        }));
        Thread.sleep(300);
        assertTrue(!second.isDone(), "the second thread waits while the first holds the directory");
        first.close();
        second.get(20, TimeUnit.SECONDS);
        ToolException busy;
        try (BuildDirectoryLock again = BuildDirectoryLock.acquire(variant, "v", Duration.ZERO, new RecordingLog())) {
            busy = CompletableFuture.supplyAsync(() -> {
                        try {
                            BuildDirectoryLock.acquire(variant, "v", Duration.ofMillis(100), new RecordingLog())
                                    .close();
                            return null;
                        } catch (ToolException ex) {
                            return ex;
                        }
                    })
                    .get(20, TimeUnit.SECONDS);
        }
        assertTrue(busy != null && busy.getMessage().contains("another build in this Maven run"), String.valueOf(busy));
    }
}
