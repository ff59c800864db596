package io.github.hotpatch.cmake;

import java.time.Duration;
import java.util.Objects;

/**
 * How the variants run, as opposed to what they are.
 *
 * @param parallel how many variants run at once (1 = one after the other)
 * @param force    configure even when nothing changed since the last successful configure
 * @param lockWait how long to wait for another build (another Maven run) to release a variant's build directory
 */
public record RunOptions(int parallel, boolean force, Duration lockWait) {
    public RunOptions {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
        Objects.requireNonNull(lockWait, "lockWait");
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("lock wait must not be negative");
        }
    }

    public static RunOptions serial() {
        return new RunOptions(1, false, Duration.ofMinutes(10));
    }
}
