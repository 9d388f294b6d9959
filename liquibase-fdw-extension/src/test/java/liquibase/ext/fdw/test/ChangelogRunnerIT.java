package liquibase.ext.fdw.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test harness itself: a core changelog applies, shows in the catalog snapshot and rolls back to nothing. */
class ChangelogRunnerIT {

    @Test
    void appliesAndRollsBackACoreChangelog(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("changelog.yaml"), String.join("\n",
                "databaseChangeLog:",
                "  - changeSet:",
                "      id: 1",
                "      author: test",
                "      changes:",
                "        - createTable:",
                "            tableName: ${table}",
                "            columns:",
                "              - column: { name: id, type: int }",
                ""));
        ChangelogRunner runner = new ChangelogRunner(dir, "changelog.yaml").parameter("table", "harness_check");
        try (TestDatabase db = TestDatabase.create("coordinator")) {
            List<String> before = Catalogs.snapshot(db);
            String sql = runner.updateSql(db);
            assertTrue(sql.contains("CREATE TABLE public.harness_check"), sql);
            runner.update(db);
            assertTrue(Catalogs.snapshot(db).contains("relation public.harness_check: table, owner postgres"), String.valueOf(Catalogs.snapshot(db)));
            runner.rollbackCount(db, 1);
            assertEquals(before, Catalogs.snapshot(db));
        }
    }
}
