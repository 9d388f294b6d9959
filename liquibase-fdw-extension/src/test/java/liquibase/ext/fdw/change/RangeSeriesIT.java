package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000-day createRangePartitions (one partition per day) applies, routes rows, and rolls back to the exact
 * catalog; the times are printed for docs/benchmarks.md, not asserted. A series too large for the server's lock
 * table is refused by validation, with the server's own numbers, before any SQL runs.
 */
class RangeSeriesIT {

    @Test
    void thousandDailyPartitionsApplyAndRollBack(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create("series")) {
            db.execute("CREATE TABLE events (at date NOT NULL, payload text) PARTITION BY RANGE (at)");
            List<String> before = Catalogs.snapshot(db);
            Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                    "databaseChangeLog:",
                    "  - changeSet:",
                    "      id: days",
                    "      author: a",
                    "      changes:",
                    "        - createRangePartitions:",
                    "            tableName: events",
                    "            from: '2020-01-01'",
                    "            to: '2022-09-27'",
                    "            interval: 1 day",
                    "            namePattern: events_{yyyy}{MM}{dd}",
                    ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "c.yaml");
            long start = System.nanoTime();
            runner.update(db);
            long applied = (System.nanoTime() - start) / 1_000_000;
            assertEquals("1000", db.scalar("SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass"));
            assertEquals("FOR VALUES FROM ('2022-09-26') TO ('2022-09-27')",
                    db.scalar("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'events_20220926'"));
            db.execute("INSERT INTO events VALUES ('2021-02-28', 'x')");
            assertEquals("events_20210228", db.scalar("SELECT tableoid::regclass FROM events"));
            db.execute("DELETE FROM events");

            start = System.nanoTime();
            runner.rollbackCount(db, 1);
            long rolledBack = (System.nanoTime() - start) / 1_000_000;
            assertEquals(before, Catalogs.snapshot(db));
            System.out.println("createRangePartitions, 1000 daily partitions on PostgreSQL " + db.major() + ": update "
                    + applied + " ms, rollback " + rolledBack + " ms");
        }
    }

    @Test
    void seriesBeyondTheLockTableIsRefusedBeforeAnySql(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create("series")) {
            db.execute("CREATE TABLE nums (id int NOT NULL) PARTITION BY RANGE (id)",
                    "CREATE TABLE texts (id int NOT NULL, body text) PARTITION BY RANGE (id)");
            long locks = Long.parseLong(db.scalar("SHOW max_locks_per_transaction"));
            long connections = Long.parseLong(db.scalar("SHOW max_connections"));
            long prepared = Long.parseLong(db.scalar("SHOW max_prepared_transactions"));
            long size = locks * (connections + prepared);
            // An int key takes 2 lock entries per partition (table, row type); a text column adds TOAST table, index, type.
            long fits = size / 2;
            long tooMany = size / 5 + 1;
            assertTrue(fits <= 10_000 && tooMany <= 10_000, "lock table of " + size + " needs other series sizes");
            Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                    "databaseChangeLog:",
                    "  - changeSet:",
                    "      id: nums",
                    "      author: a",
                    "      changes:",
                    "        - createRangePartitions: { tableName: nums, from: '0', to: '" + fits + "', interval: '1' }",
                    "  - changeSet:",
                    "      id: texts",
                    "      author: a",
                    "      changes:",
                    "        - createRangePartitions: { tableName: texts, from: '0', to: '" + tooMany + "', interval: '1' }",
                    ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "c.yaml");
            Exception refused = assertThrows(Exception.class, () -> runner.run(db, "validate", Map.of()));
            long needed = tooMany * 5;
            long backends = connections + prepared;
            String expected = "createRangePartitions in c.yaml::texts::a: the series creates " + tooMany + " partitions in one"
                    + " transaction, which takes about " + needed + " locks (5 per partition), but the server's lock table holds"
                    + " max_locks_per_transaction (" + locks + ") x (max_connections (" + connections
                    + ") + max_prepared_transactions (" + prepared + ")) = " + size + "; split the range over changesets of at"
                    + " most " + size / 5 + " slices, or raise max_locks_per_transaction to at least "
                    + (needed + backends - 1) / backends + " (takes a server restart).";
            StringBuilder messages = new StringBuilder();
            for (Throwable t = refused; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains(expected), messages.toString());
            // Only the series that cannot fit is refused; nothing ran.
            assertTrue(!messages.toString().contains("c.yaml::nums::a"), messages.toString());
            assertEquals("0", db.scalar("SELECT count(*) FROM pg_inherits"));
        }
    }
}
