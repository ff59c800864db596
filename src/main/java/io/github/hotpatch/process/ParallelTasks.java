package io.github.hotpatch.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task per item on up to {@code parallel} threads. The first failure cancels the rest (their tools are
 * killed through thread interruption, see {@link ToolRunner}) and is rethrown, naming what was stopped.
 */
public final class ParallelTasks {

    /** One unit of work, e.g. configuring one variant. */
    @FunctionalInterface
    public interface Task<T, R> {
        R run(T item) throws ToolException;
    }

    private ParallelTasks() {}

    /** Results in item order. With {@code parallel <= 1} the items run one after the other on this thread. */
    public static <T, R> List<R> run(
            List<T> items, int parallel, java.util.function.Function<T, String> label, Task<T, R> task)
            throws ToolException {
        if (parallel <= 1 || items.size() <= 1) {
            List<R> results = new ArrayList<>();
            for (T item : items) {
                results.add(task.run(item));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, items.size()), r -> {
            Thread t = new Thread(r, "hotpatch-variant");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<R> completion = new ExecutorCompletionService<>(pool);
        Map<Future<R>, T> futures = new LinkedHashMap<>();
        try {
            for (T item : items) {
                futures.put(completion.submit(() -> task.run(item)), item);
            }
            for (int done = 0; done < items.size(); done++) {
                Future<R> finished = completion.take();
                try {
                    finished.get();
                } catch (ExecutionException e) {
                    List<String> stopped = new ArrayList<>();
                    futures.forEach((f, item) -> {
                        if (!f.isDone() && f.cancel(true)) {
                            stopped.add(label.apply(item));
                        }
                    });
                    pool.shutdownNow();
                    Throwable cause = e.getCause();
                    String suffix = stopped.isEmpty()
                            ? ""
                            : "\n  stopped the other variants after " + label.apply(futures.get(finished)) + " failed: "
                                    + String.join(", ", stopped);
                    if (cause instanceof ToolException te) {
                        throw new ToolException(te.getMessage() + suffix, te.exitCode());
                    }
                    throw new ToolException("[" + label.apply(futures.get(finished)) + "] failed: " + cause + suffix);
                } catch (CancellationException ignored) {
                    // cancelled by an earlier failure; that failure is what is reported
                }
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures.keySet()) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            futures.keySet().forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while building variants; their tools were killed");
        } catch (ExecutionException e) {
            throw new ToolException("unexpected failure: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The default degree: one thread per core, never more than there are items. */
    public static int defaultParallelism(int items) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), items));
    }
}
