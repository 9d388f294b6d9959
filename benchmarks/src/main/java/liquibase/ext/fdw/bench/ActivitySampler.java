package liquibase.ext.fdw.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import liquibase.ext.fdw.nodes.PostgresNode;

/**
 * A sampling profile of the servers during a measurement: every 50 ms, what each active client session of each node
 * is doing (its wait event, or "on CPU", and the start of its statement). The share of samples per activity tells
 * where the time of a move goes without instrumenting the code under test.
 */
final class ActivitySampler implements AutoCloseable {
    private static final String SQL = "SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU'),"
            + " left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_activity"
            + " WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'";
    // Bounded even if nobody stops it: 2 hours of samples.
    private static final int MAX_SAMPLES = 144_000;

    private final Map<String, Integer> counts = new HashMap<>();
    private final String ignored;
    private int idle;
    private final AtomicBoolean done = new AtomicBoolean();
    private final CompletableFuture<Void> loop;
    private int samples;

    /** Samples {@code nodes}; a statement starting with {@code ignored} (a probe's) does not count as work. */
    ActivitySampler(Map<String, PostgresNode> nodes, String ignored) {
        this.ignored = ignored;
        loop = CompletableFuture.runAsync(() -> sample(nodes));
    }

    private void sample(Map<String, PostgresNode> nodes) {
        Map<String, Connection> connections = new HashMap<>();
        try {
            for (Map.Entry<String, PostgresNode> node : nodes.entrySet()) {
                connections.put(node.getKey(), node.getValue().connect());
            }
            while (!done.get() && samples < MAX_SAMPLES) {
                boolean working = false;
                for (Map.Entry<String, Connection> c : connections.entrySet()) {
                    try (Statement s = c.getValue().createStatement(); ResultSet r = s.executeQuery(SQL)) {
                        while (r.next()) {
                            String key = c.getKey() + "\u0000" + r.getString(1) + "\u0000" + r.getString(2);
                            working |= ignored == null || !r.getString(2).startsWith(ignored);
                            synchronized (counts) {
                                counts.merge(key, 1, Integer::sum);
                            }
                        }
                    }
                }
                samples++;
                if (!working) {
                    synchronized (counts) {
                        idle++;
                    }
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.values().forEach(c -> {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a monitoring session
                }
            });
        }
    }

    /** Stops sampling and returns the {@code top} activities as markdown table rows (node, activity, statement, share). */
    List<String> top(int top) {
        close();
        List<Map.Entry<String, Integer>> entries;
        synchronized (counts) {
            entries = new ArrayList<>(counts.entrySet());
        }
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> rows = new ArrayList<>();
        rows.add("| (none) | no statement of the measured work active on any node: time in the client (JVM, topology engine,"
                + " Liquibase, connecting) | | " + String.format(Locale.ROOT, "%.0f%%", 100.0 * idle / Math.max(1, samples)) + " |");
        for (Map.Entry<String, Integer> e : entries.subList(0, Math.min(top, entries.size()))) {
            String[] parts = e.getKey().split("\u0000", 3);
            rows.add("| " + parts[0] + " | " + Bench.cell(parts[1]) + " | `" + Bench.cell(parts[2]).replace("`", "'") + "` | "
                    + String.format(Locale.ROOT, "%.0f%%", 100.0 * e.getValue() / Math.max(1, samples)) + " |");
        }
        return rows;
    }

    @Override
    public void close() {
        done.set(true);
        loop.join();
    }
}
