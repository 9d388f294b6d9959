package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000-day createRangePartitions (one partition per day) applies, routes rows, and rolls back to the exact
 * catalog; the times are printed for docs/benchmarks.md, not asserted.
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
}
