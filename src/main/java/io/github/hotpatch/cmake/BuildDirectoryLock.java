package io.github.hotpatch.cmake;

import io.github.hotpatch.process.BuildLog;
import io.github.hotpatch.process.IoMessages;
import io.github.hotpatch.process.ToolException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps two builds out of one variant build directory: never two cmakes in one tree. Another Maven process is kept
 * out by an OS file lock on {@code <variantDir>/.hotpatch.lock}; another thread of this JVM ({@code mvn -T2} with
 * two modules sharing a build directory) by an in-process lock, because file locks are per process.
 *
 * <p>Who holds the directory is written to a file beside the lock, {@code .hotpatch.lock.holder}, never into the
 * locked file: Windows file locks are mandatory, so a waiting build could not read a locked file.
 */
public final class BuildDirectoryLock implements AutoCloseable {
    public static final String FILE_NAME = ".hotpatch.lock";
    /** Names the build holding the lock ("pid N since T"); unlocked, so anyone can read it. */
    public static final String HOLDER_FILE_NAME = ".hotpatch.lock.holder";

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 200;

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private BuildDirectoryLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Work that runs while a variant's build directory is held. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws ToolException;
    }

    /** Acquires the directory as {@link #acquire} does, runs {@code work} while holding it, then releases it. */
    @SuppressWarnings("try") // the lock is held for the try block and never referenced in it
    public static <T> T whileHolding(Path variantDir, String variant, Duration wait, BuildLog log, Work<T> work)
            throws ToolException {
        try (BuildDirectoryLock held = acquire(variantDir, variant, wait, log)) {
            return work.run();
        }
    }

    /** Waits up to {@code wait} for the directory, then fails naming who holds it. */
    public static BuildDirectoryLock acquire(Path variantDir, String variant, Duration wait, BuildLog log)
            throws ToolException {
        Path file = variantDir.resolve(FILE_NAME);
        Path holderFile = variantDir.resolve(HOLDER_FILE_NAME);
        Instant deadline = Instant.now().plus(wait);
        ReentrantLock threadLock =
                IN_PROCESS.computeIfAbsent(variantDir.toAbsolutePath().normalize(), p -> new ReentrantLock());
        try {
            if (!threadLock.tryLock()) {
                log.info("[" + variant + "] waiting for another build in this Maven run to release " + variantDir);
                if (!threadLock.tryLock(
                        Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS)) {
                    throw busy(variant, variantDir, wait, "another build in this Maven run (mvn -T)");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("[" + variant + "] interrupted while waiting for " + variantDir);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(variantDir);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            boolean announced = false;
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    String owner = "pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n";
                    Files.writeString(holderFile, owner, StandardCharsets.UTF_8);
                    return new BuildDirectoryLock(threadLock, channel, lock);
                }
                if (!announced) {
                    log.info("[" + variant + "] waiting for another build (" + holder(holderFile) + ") to release "
                            + variantDir);
                    announced = true;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw busy(variant, variantDir, wait, holder(holderFile));
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            close(channel, threadLock);
            throw new ToolException(
                    "[" + variant + "] cannot prepare build directory " + variantDir + ": " + IoMessages.describe(e));
        } catch (InterruptedException e) {
            close(channel, threadLock);
            Thread.currentThread().interrupt();
            throw new ToolException("[" + variant + "] interrupted while waiting for " + variantDir);
        } catch (ToolException e) {
            close(channel, threadLock);
            throw e;
        }
    }

    private static ToolException busy(String variant, Path dir, Duration wait, String holder) {
        return new ToolException("[" + variant + "] " + dir + " is in use by " + holder + "; waited " + wait.toSeconds()
                + " s (-Dhotpatch.lockWait). Two builds must not share a build directory: wait for the other build or"
                + " give this one another buildDirectory");
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    private static void close(FileChannel channel, ReentrantLock threadLock) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing releases the lock; nothing else to do
        }
        if (threadLock.isHeldByCurrentThread()) {
            threadLock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        close(channel, threadLock);
    }
}
