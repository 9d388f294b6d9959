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
 * detachPartition concurrently="true" in a changeset with runInTransaction="false" detaches without blocking the
 * parent, and its rollback attaches the partition again from the bounds given in the changelog (keeping the CHECK
 * constraint PostgreSQL adds to a concurrently detached table).
 */
class DetachConcurrentlyIT {

    @Test
    void detachesConcurrentlyAndRollsBackByAttaching(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create("detach")) {
            db.execute("CREATE TABLE ids (id int NOT NULL) PARTITION BY RANGE (id)",
                    "CREATE TABLE ids_low PARTITION OF ids FOR VALUES FROM (MINVALUE) TO (100)",
                    "CREATE TABLE ids_high PARTITION OF ids FOR VALUES FROM (100) TO (MAXVALUE)");
            List<String> before = Catalogs.snapshot(db);
            Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                    "databaseChangeLog:",
                    "  - changeSet:",
                    "      id: detach",
                    "      author: a",
                    "      runInTransaction: false",
                    "      changes:",
                    "        - detachPartition: { tableName: ids, partitionName: ids_high, concurrently: true, from: '100', to: MAXVALUE }",
                    ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "c.yaml");
            runner.update(db);
            assertEquals(List.of("ids_low"), db.query("SELECT inhrelid::regclass::text FROM pg_inherits"));
            runner.rollbackCount(db, 1);
            // PostgreSQL leaves the partition constraint behind as a CHECK constraint on a table it detached
            // concurrently; the re-attach keeps it (it spares the scan). Everything else is as before.
            List<String> expected = new java.util.ArrayList<>(before);
            expected.add("constraint public.ids_high ids_high_id_check: CHECK (((id IS NOT NULL) AND (id >= 100)))");
            expected.sort(null);
            assertEquals(expected, Catalogs.snapshot(db));
        }
    }
}
