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
 * Runs work for several nodes at once (a dependency level, or connecting and parsing before a run), at most
 * {@code parallelism} of them, on threads created inside the caller's Liquibase scope (which they inherit). The pool
 * lives only as long as one call.
 */
final class LevelExecutor {
    private final Redactor redactor;

    LevelExecutor(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Work on one node that may fail. */
    @FunctionalInterface
    interface Attempted<N, R> {
        R apply(N node) throws Exception;
    }

    /** What one node's work gave: its value, or the exception it failed with. */
    record Attempt<R>(R value, Exception failure) {
    }

    /**
     * {@code work} for each node, in the nodes' order, each node's failure kept beside the others' values instead of
     * stopping the run (for work whose failures the caller reports together).
     */
    <N, R> List<Attempt<R>> attempt(List<N> nodes, int parallelism, Attempted<N, R> work) {
        return run(nodes, parallelism, node -> {
            try {
                return new Attempt<>(work.apply(node), null);
            } catch (Exception e) {
                return new Attempt<>(null, e);
            }
        });
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
