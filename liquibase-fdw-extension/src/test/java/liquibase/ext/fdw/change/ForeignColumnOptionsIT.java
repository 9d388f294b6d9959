package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A foreign table whose columns carry remoteColumnName reads and writes the remote columns of other names
 * (postgres_fdw loopback to another database of the same node), and its rollback restores the catalogs.
 */
class ForeignColumnOptionsIT {

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void remoteColumnNameReadsTheRemoteColumn(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase shard = TestDatabase.create(major, "coordinator");
                TestDatabase coordinator = TestDatabase.create(major, "coordinator")) {
            shard.execute("CREATE TABLE remote_temps (id int, \"City Name\" text, \"it's\" numeric)",
                    "INSERT INTO remote_temps VALUES (1, 'Oslo', -3.5)");
            coordinator.execute("CREATE EXTENSION postgres_fdw",
                    "CREATE SERVER box2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '"
                            + shard.node().port() + "', dbname '" + shard.name() + "')",
                    "CREATE USER MAPPING FOR CURRENT_USER SERVER box2 OPTIONS (user '" + shard.node().username()
                            + "', password '" + shard.node().password() + "')");
            List<String> before = Catalogs.snapshot(coordinator);
            Files.writeString(dir.resolve("changelog.yaml"), String.join("\n",
                    "databaseChangeLog:",
                    "  - changeSet:",
                    "      id: temps",
                    "      author: alice",
                    "      changes:",
                    "        - createForeignTable:",
                    "            tableName: temps",
                    "            serverName: box2",
                    "            remoteTableName: remote_temps",
                    "            columns:",
                    "              - column: { name: id, type: int }",
                    "              - column: { name: town, type: text, remoteColumnName: City Name }",
                    "              - column: { name: temp, type: numeric, remoteColumnName: \"it's\" }",
                    ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "changelog.yaml");
            runner.update(coordinator);

            assertEquals(List.of("id|null", "town|{\"column_name=City Name\"}", "temp|{column_name=it's}"),
                    coordinator.query("SELECT attname, attfdwoptions FROM pg_attribute WHERE attrelid = 'temps'::regclass"
                            + " AND attnum > 0 ORDER BY attnum"));
            assertEquals("1|Oslo|-3.5", coordinator.scalar("SELECT id, town, temp FROM temps"));
            coordinator.execute("INSERT INTO temps VALUES (2, 'Bergen', 4.25)");
            assertEquals(List.of("1|Oslo|-3.5", "2|Bergen|4.25"),
                    shard.query("SELECT id, \"City Name\", \"it's\" FROM remote_temps ORDER BY id"));

            runner.rollbackCount(coordinator, 1);
            assertEquals(before, Catalogs.snapshot(coordinator));
        }
    }
}
