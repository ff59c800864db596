package io.github.hotpatch.testing;

import io.github.hotpatch.process.BuildLog;
import java.util.ArrayList;
import java.util.List;

/** A {@link BuildLog} that keeps every line, for assertions. */
public final class RecordingLog implements BuildLog {
    public final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public synchronized void warn(String message) {
        lines.add("WARN " + message);
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }
}
