package io.github.hotpatch.maven;

import io.github.hotpatch.process.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** Maven's log behind the domain's {@link BuildLog}; one line per call, so parallel output stays whole. */
final class MavenBuildLog implements BuildLog {
    private final Log log;

    MavenBuildLog(Log log) {
        this.log = log;
    }

    @Override
    public synchronized void info(String message) {
        log.info(message);
    }

    @Override
    public synchronized void warn(String message) {
        log.warn(message);
    }
}
