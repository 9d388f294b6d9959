package liquibase.ext.fdw.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs the nodes of one dependency level at once, at most {@code parallelism} of them, on threads created inside the
 * caller's Liquibase scope (which they inherit). The pool lives only as long as the level.
 */
final class LevelExecutor {
    private final Redactor redactor;

    LevelExecutor(Redactor redactor) {
        this.redactor = redactor;
    }

    /** {@code work} for each node, in the nodes' order; a worker's unexpected exception stops the run. */
    <N, R> List<R> run(List<N> nodes, int parallelism, Function<N, R> work) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, nodes.size()), runnable -> {
            Thread thread = new Thread(runnable, "liquibase-fdw-node");
            thread.setContextClassLoader(classLoader);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (N node : nodes) {
                Callable<R> task = () -> work.apply(node);
                futures.add(pool.submit(task));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopologyException("interrupted while nodes were running", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopologyException topology) {
                throw topology;
            }
            throw new TopologyException(redactor.scrub(Failures.describe(e.getCause())), e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
