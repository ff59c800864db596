package io.github.hotpatch.testing;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A second process for lock tests: locks a variant directory as another Maven run would (the lock file, and the holder
 * text in the file beside it), prints "locked", holds it, exits.
 */
public final class HoldLock {
    private HoldLock() {}

    @SuppressWarnings("try") // the lock is held for the try block and never referenced in it
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long millis = Long.parseLong(args[1]);
        try (FileChannel channel = FileChannel.open(
                        dir.resolve(".hotpatch.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            Files.writeString(dir.resolve(".hotpatch.lock.holder"), "pid 4242 (test holder)\n", StandardCharsets.UTF_8);
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(millis);
        }
    }
}
