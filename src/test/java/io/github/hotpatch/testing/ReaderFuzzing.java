package io.github.hotpatch.testing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The contract every reader fuzz test checks, and the files those tests share. Given bytes the fuzzer chose,
 * a reader returns or throws its own format exception; anything else (another IOException, a
 * RuntimeException, StackOverflowError, OutOfMemoryError) escapes the fuzz test, and Jazzer reports it as a
 * finding and keeps the input in the test's {@code <Class>Inputs/<method>/} directory.
 *
 * <p>A new reader gets a fuzz test by copying one of the existing {@code *FuzzTest} classes into the reader's
 * package (FUZZING.md, "Adding a reader").
 */
public final class ReaderFuzzing {

    /** Work files of the fuzz tests, under the Maven build directory: one subdirectory per fuzz test class. */
    public static final Path SCRATCH_ROOT = Paths.get("target", "fuzz-scratch").toAbsolutePath();

    /**
     * Longest one read may take. The readers need milliseconds for the few kilobytes a fuzz input has, so a
     * read this slow is a hang (or a loop over a huge declared count), not a slow machine.
     */
    public static final Duration TIME_BOUND = Duration.ofSeconds(5);

    /** Runs the reads, so a hung one can be abandoned (and its stack shown); replaced after each hang. */
    private static ReaderThread readerThread;

    private ReaderFuzzing() {}

    /** One read of untrusted input, including whatever the caller does with the result. */
    @FunctionalInterface
    public interface Read {
        void run() throws IOException;
    }

    /**
     * Runs {@code read} within {@link #TIME_BOUND}; returns normally if it returned or threw
     * {@code formatException}. Every other Throwable is rethrown unchanged, so that Jazzer's deduplication sees
     * where it came from; a read that overruns the bound fails with an AssertionError carrying the stack the
     * reader is stuck in.
     *
     * <p>The bound is enforced here rather than only by Jazzer's {@code -timeout} because that one applies while
     * fuzzing only (not to the seeds and kept inputs Jazzer replays through JUnit first) and ends the JVM
     * without saying where the reader was.
     */
    public static void readOrReject(Class<? extends IOException> formatException, Read read) throws IOException {
        ReaderThread thread = readerThread();
        Future<?> result = thread.executor.submit(() -> {
            read.run();
            return null;
        });
        try {
            result.get(TIME_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable thrown = e.getCause();
            if (formatException.isInstance(thrown)) {
                return;
            }
            if (thrown instanceof IOException io) {
                throw io;
            }
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            throw new AssertionError(thrown);
        } catch (TimeoutException e) {
            AssertionError hang = new AssertionError("the read did not finish within " + TIME_BOUND.toSeconds()
                    + " s; the stack below is where the reader thread was then");
            hang.setStackTrace(thread.thread.getStackTrace());
            abandon(thread);
            throw hang;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the read");
        }
    }

    /** A single-thread executor and its thread (created by the first submit), so a hang can show the thread's stack. */
    private static final class ReaderThread {
        private volatile Thread thread;
        private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "fuzzed-read");
            t.setDaemon(true); // a hung read must not keep the JVM alive
            thread = t;
            return t;
        });
    }

    private static synchronized ReaderThread readerThread() {
        if (readerThread == null) {
            readerThread = new ReaderThread();
        }
        return readerThread;
    }

    /** Interrupts the hung read (readers do not check, but I/O may) and starts a fresh thread next time. */
    private static synchronized void abandon(ReaderThread thread) {
        thread.executor.shutdownNow();
        if (readerThread == thread) {
            readerThread = null;
        }
    }

    /**
     * An empty directory for {@code fuzzTest}'s work files. Fuzz tests overwrite the same files for every input
     * instead of creating one per input, so a run of millions of inputs leaves nothing behind but this.
     */
    public static Path scratchDir(Class<?> fuzzTest) throws IOException {
        Path dir = SCRATCH_ROOT.resolve(fuzzTest.getSimpleName());
        deleteContents(dir);
        return Files.createDirectories(dir);
    }

    /** Deletes everything under {@code dir}, keeping {@code dir}; nothing happens if it does not exist. */
    private static void deleteContents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * The seed directory of a fuzz test in the source tree, {@code src/test/resources/<package>/<Class>Inputs/<method>},
     * where Jazzer reads seeds and kept crash inputs from and writes new crash inputs to.
     */
    public static Path inputsDir(Class<?> fuzzTest, String method) {
        return Paths.get("src", "test", "resources")
                .toAbsolutePath()
                .resolve(fuzzTest.getPackageName().replace('.', '/'))
                .resolve(fuzzTest.getSimpleName() + "Inputs")
                .resolve(method);
    }

    /** Writes {@code bytes} into {@link #inputsDir} as the seed file {@code seedName}, replacing an older one. */
    public static void writeSeed(Class<?> fuzzTest, String method, String seedName, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(inputsDir(fuzzTest, method));
        Files.write(dir.resolve(seedName), bytes);
    }
}
