package liquibase.ext.fdw.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import liquibase.diff.DiffResult;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.partition.DefaultPartitionRows;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.ReadSideCommands;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read side on real nodes, per PostgreSQL major: snapshot shows the FDW objects and partitions with the bounds
 * PostgreSQL prints; generate-changelog of the sample coordinator and of a harder coordinator (list, hash,
 * sub-partitioned, multi-column MINVALUE range, quoted names, foreign partitions on two servers, options with quotes)
 * applies to an empty database and gives the same catalogs, with a diff that reports nothing; the diff names a
 * changed bound, option and missing server, and diff-changelog turns such drift back; drop-all leaves an empty
 * catalog. The two shards are shared by the tests of a major.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadSideIT {
    private static final Path SAMPLE = Path.of("..", "sample-changelogs", "src", "main", "liquibase");
    private final Map<Integer, List<TestDatabase>> shards = new HashMap<>();

    /** Every major asked for: the round trips hold on each supported PostgreSQL (18 names NOT NULL constraints). */
    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream().sorted();
    }

    /** The sample's round trip runs on every major too. */
    static Stream<Integer> sampleMajor() {
        return majors();
    }

    /** The sample's two shards of a major (2016 and 2017, with the hard fixture's remote tables), made once. */
    private synchronized List<TestDatabase> shards(int major) throws Exception {
        if (!shards.containsKey(major)) {
            List<TestDatabase> pair = List.of(TestDatabase.create(major, "shard"), TestDatabase.create(major, "shard"));
            shards.put(major, pair);
            new ChangelogRunner(SAMPLE, "shard/changelog.yaml").parameter("shard.year", 2016).parameter("shard.nextYear", 2017)
                    .update(pair.get(0));
            new ChangelogRunner(SAMPLE, "shard/changelog.yaml").parameter("shard.year", 2017).parameter("shard.nextYear", 2018)
                    .update(pair.get(1));
            pair.get(0).execute("CREATE SCHEMA remote",
                    "CREATE TABLE remote.\"readings n\" (region text, reading_date date, temp numeric)");
            pair.get(1).execute("CREATE SCHEMA remote",
                    "CREATE TABLE remote.readings_o (region text, reading_date date, temp numeric)",
                    "CREATE TABLE remote.notes (note_id int, body text)");
        }
        return shards.get(major);
    }

    @AfterAll
    void dropShards() throws Exception {
        for (List<TestDatabase> pair : shards.values()) {
            for (TestDatabase db : pair) {
                db.close();
            }
        }
    }

    private ChangelogRunner sampleCoordinator(int major) throws Exception {
        ChangelogRunner run = new ChangelogRunner(SAMPLE, "coordinator/changelog.yaml");
        List<TestDatabase> pair = shards(major);
        // The sample's demo rows go to the shared shards; its read-back expects one row per shard.
        pair.get(0).execute("DELETE FROM box2_schema.temperatures_2016");
        pair.get(1).execute("DELETE FROM box2_schema.temperatures_2017");
        for (int i = 0; i < 2; i++) {
            String name = "shard" + (i + 1);
            TestDatabase shard = pair.get(i);
            run.parameter("fdw.node." + name + ".host", "127.0.0.1").parameter("fdw.node." + name + ".port", shard.node().port())
                    .parameter("fdw.node." + name + ".dbname", shard.name())
                    .parameter("fdw.node." + name + ".username", shard.node().username())
                    .parameter("fdw.node." + name + ".password", shard.node().password());
        }
        return run;
    }

    // Dates: the generated YAML holds range bounds like from: 2016-01-01, a YAML date scalar.
    @Tag("timezone")
    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("sampleMajor")
    void sampleCoordinatorRoundTrips(int major, @TempDir Path dir) throws Exception {
        List<TestDatabase> pair = shards(major);
        try (TestDatabase coordinator = TestDatabase.create(major, "coordinator");
                TestDatabase copy = TestDatabase.create(major, "coordinator")) {
            sampleCoordinator(major).update(coordinator);
            // The sample's attaches moved rows out of the DEFAULT partition: the ledger of moved rows is next to
            // DATABASECHANGELOG (public), Liquibase's bookkeeping and not the schema's.
            assertEquals("t", coordinator.scalar("SELECT count(*) > 0 FROM public." + DefaultPartitionRows.LEDGER));
            ReadSideCommands commands = new ReadSideCommands(dir, "public,box1_schema");

            String snapshot = commands.snapshot(coordinator, "txt");
            for (String expected : List.of("partitionBy: RANGE (reading_date)", "partitionOf: box1_schema.temperatures",
                    "bound: FOR VALUES FROM ('2016-01-01') TO ('2017-01-01')", "bound: DEFAULT",
                    "serverName: shard1", "options: [async_capable=true, batch_size=1000, dbname=", "passwordSet: true", "postgres_fdw")) {
                assertTrue(snapshot.contains(expected), expected + " in\n" + snapshot);
            }
            assertFalse(snapshot.contains(pair.get(0).node().password()), snapshot);

            String changelog = commands.generateChangelog(coordinator, "generated.yaml", null);
            assertFalse(changelog.contains(pair.get(0).node().password()), changelog);
            assertFalse(changelog.contains(DefaultPartitionRows.LEDGER), changelog);
            assertTrue(changelog.contains("password: ${shard1.password}"), changelog);
            // One change per object, in an order that applies: no plain createTable for partitions.
            assertEquals(List.of("createPartitionedTable temperatures", "createExtension postgres_fdw",
                    "createForeignServer shard1", "createForeignServer shard2", "createUserMapping shard1",
                    "createUserMapping shard2", "createForeignTable temperatures_2016", "createForeignTable temperatures_2017",
                    "attachRangePartition temperatures_2016", "attachRangePartition temperatures_2017",
                    "createPartition temps_default"), changes(changelog));

            copy.execute("CREATE SCHEMA box1_schema");
            apply(dir, "generated.yaml", copy, pair);
            assertEquals(withoutLedger(Catalogs.snapshot(coordinator)), Catalogs.snapshot(copy));
            assertNoDifferences(commands.diff(coordinator, copy).result());
            assertNoDifferences(commands.diff(copy, coordinator).result());

            commands.dropAll(coordinator);
            commands.dropAll(copy);
            assertEquals(emptyCatalog(major, "box1_schema"), Catalogs.snapshot(coordinator));
            assertEquals(emptyCatalog(major, "box1_schema"), Catalogs.snapshot(copy));
        }
    }

    // Dates: the exported rows hold date values.
    @Tag("timezone")
    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("sampleMajor")
    void dataIsExportedOnceFromLocalLeafPartitions(int major, @TempDir Path dir) throws Exception {
        List<TestDatabase> pair = shards(major);
        try (TestDatabase coordinator = TestDatabase.create(major, "coordinator");
                TestDatabase copy = TestDatabase.create(major, "coordinator")) {
            sampleCoordinator(major).update(coordinator);
            ReadSideCommands commands = new ReadSideCommands(dir, "public,box1_schema");
            String changelog = commands.generateChangelog(coordinator, "data.xml",
                    "tables,columns,data,extensions,foreignservers,usermappings,foreigntables,partitions");
            Matcher inserts = Pattern.compile("<insert [^>]*tableName=\"([^\"]+)\"").matcher(changelog);
            List<String> tables = new ArrayList<>();
            while (inserts.find()) {
                tables.add(inserts.group(1));
            }
            // London and Oslo live on the shards and are not copied; Rome is read once, from the DEFAULT partition.
            assertEquals(List.of("temps_default"), tables, changelog);
            assertTrue(changelog.contains("value=\"Rome\""), changelog);

            copy.execute("CREATE SCHEMA box1_schema");
            apply(dir, "data.xml", copy, pair);
            assertEquals(coordinator.query("SELECT tableoid::regclass, * FROM box1_schema.temperatures ORDER BY 2"),
                    copy.query("SELECT tableoid::regclass, * FROM box1_schema.temperatures ORDER BY 2"));
            assertEquals("1", pair.get(0).scalar("SELECT count(*) FROM box2_schema.temperatures_2016"));
            assertEquals("1", pair.get(1).scalar("SELECT count(*) FROM box2_schema.temperatures_2017"));
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void hardCoordinatorRoundTripsAndDiffNamesDrift(int major, @TempDir Path dir) throws Exception {
        List<TestDatabase> pair = shards(major);
        try (TestDatabase coordinator = TestDatabase.create(major, "coordinator");
                TestDatabase copy = TestDatabase.create(major, "coordinator")) {
            hardFixture(coordinator, pair);
            ReadSideCommands commands = new ReadSideCommands(dir, "public,sales");

            String snapshot = commands.snapshot(coordinator, "json");
            for (String bound : coordinator.query("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relispartition")) {
                assertTrue(snapshot.contains("\"bound\": \"" + bound.replace("\"", "\\\"") + "\""), bound + " in\n" + snapshot);
            }
            for (String format : List.of("xml", "yaml", "json")) {
                String changelog = commands.generateChangelog(coordinator, "generated." + format, null);
                assertFalse(changelog.contains(pair.get(0).node().password()), changelog);
                if (format.equals("yaml")) {
                    assertReadmeExcerptIsGenerated(changelog);
                }
                                try (TestDatabase target = TestDatabase.create(major, "coordinator")) {
                    target.execute("CREATE SCHEMA sales");
                    apply(dir, "generated." + format, target, pair);
                    assertEquals(Catalogs.snapshot(coordinator), Catalogs.snapshot(target), format);
                    assertNoDifferences(commands.diff(coordinator, target).result());
                }
            }

            copy.execute("CREATE SCHEMA sales");
            apply(dir, "generated.yaml", copy, pair);
            copy.execute("ALTER TABLE sales.\"Cities\" DETACH PARTITION sales.\"cities nordic\"",
                    "ALTER TABLE sales.\"Cities\" ATTACH PARTITION sales.\"cities nordic\" FOR VALUES IN ('NO', 'DK')",
                    "ALTER SERVER shard_two OPTIONS (SET fetch_size '50')",
                    "DROP SERVER \"Shard One\" CASCADE",
                    "CREATE SERVER extra FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'nowhere')");
            String report = commands.diff(coordinator, copy).report();
            for (String expected : List.of(
                    "Missing Foreign Server(s): \n     Shard One",
                    "sales.cities nordic (partition of sales.Cities)\n"
                            + "          bound changed from 'FOR VALUES IN ('NO', 'SE', 'O''Hare, IL')' to 'FOR VALUES IN ('NO', 'DK')'",
                    "shard_two\n          options changed from")) {
                assertTrue(report.contains(expected), expected + " in\n" + report);
            }

            // diff-changelog turns the drift back: re-attach with the bound, SET the option, recreate the server with
            // its mapping and foreign partition, drop the extra server.
            String fix = commands.diffChangelog(coordinator, copy, "fix.yaml");
            for (String expected : List.of("detachPartition:", "attachListPartition:", "values: NO, SE, 'O''Hare, IL'",
                    "alterForeignServer:", "action: set", "createForeignServer:", "dropForeignServer:")) {
                assertTrue(fix.contains(expected), expected + " in\n" + fix);
            }
            apply(dir, "fix.yaml", copy, pair);
            assertEquals(Catalogs.snapshot(coordinator), Catalogs.snapshot(copy));
            assertNoDifferences(commands.diff(coordinator, copy).result());

            commands.dropAll(coordinator);
            assertEquals(emptyCatalog(major, "sales"), Catalogs.snapshot(coordinator));
        }
    }

    private static void hardFixture(TestDatabase db, List<TestDatabase> pair) throws Exception {
        TestDatabase one = pair.get(0);
        TestDatabase two = pair.get(1);
        db.execute("CREATE EXTENSION postgres_fdw",
                "CREATE SERVER \"Shard One\" FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '"
                        + one.node().port() + "', dbname '" + one.name() + "', fetch_size '500',"
                        + " application_name 'it''s \"fdw\", really')",
                "CREATE SERVER shard_two FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '"
                        + two.node().port() + "', dbname '" + two.name() + "', fetch_size '100')",
                "CREATE USER MAPPING FOR CURRENT_USER SERVER \"Shard One\" OPTIONS (user '" + one.node().username()
                        + "', password '" + one.node().password() + "')",
                "CREATE USER MAPPING FOR PUBLIC SERVER shard_two OPTIONS (user '" + two.node().username()
                        + "', password '" + two.node().password() + "')",
                "CREATE SCHEMA sales",
                "CREATE TABLE sales.\"Cities\" (name text, \"Country Code\" text) PARTITION BY LIST (\"Country Code\")",
                "CREATE TABLE sales.\"cities nordic\" PARTITION OF sales.\"Cities\""
                        + " FOR VALUES IN ('NO', 'SE', 'O''Hare, IL')",
                "CREATE TABLE sales.cities_null PARTITION OF sales.\"Cities\" FOR VALUES IN (NULL)",
                "CREATE TABLE sales.cities_other PARTITION OF sales.\"Cities\" DEFAULT",
                "CREATE TABLE sales.hashed (id int NOT NULL, v text) PARTITION BY HASH (id)",
                "CREATE TABLE sales.hashed_0 PARTITION OF sales.hashed FOR VALUES WITH (MODULUS 2, REMAINDER 0)",
                "CREATE TABLE sales.hashed_1 PARTITION OF sales.hashed FOR VALUES WITH (MODULUS 2, REMAINDER 1)",
                "CREATE TABLE sales.readings (region text NOT NULL, reading_date date NOT NULL, temp numeric)"
                        + " PARTITION BY RANGE (region, reading_date)",
                "CREATE TABLE sales.readings_low PARTITION OF sales.readings"
                        + " FOR VALUES FROM (MINVALUE, MINVALUE) TO ('m', '2000-01-01')",
                "CREATE TABLE sales.readings_mid PARTITION OF sales.readings"
                        + " FOR VALUES FROM ('m', '2000-01-01') TO ('n', MINVALUE) PARTITION BY LIST (region)",
                "CREATE TABLE sales.readings_mid_m PARTITION OF sales.readings_mid FOR VALUES IN ('m')",
                "CREATE TABLE sales.readings_mid_other PARTITION OF sales.readings_mid DEFAULT",
                "CREATE FOREIGN TABLE sales.readings_n PARTITION OF sales.readings"
                        + " FOR VALUES FROM ('n', MINVALUE) TO ('o', MINVALUE)"
                        + " SERVER \"Shard One\" OPTIONS (schema_name 'remote', table_name 'readings n')",
                "CREATE FOREIGN TABLE sales.readings_o PARTITION OF sales.readings"
                        + " FOR VALUES FROM ('o', MINVALUE) TO (MAXVALUE, MAXVALUE)"
                        + " SERVER shard_two OPTIONS (schema_name 'remote', table_name 'readings_o')",
                "CREATE FOREIGN TABLE sales.\"Remote Notes\" (id int OPTIONS (column_name 'note_id') NOT NULL, body text)"
                        + " SERVER shard_two OPTIONS (schema_name 'remote', table_name 'notes', fetch_size '100')");
    }

    /**
     * Each of the README's two generated-changelog excerpts is a run of changesets of this changelog, word for word but the
     * changeset ids (a timestamp).
     */
    private static void assertReadmeExcerptIsGenerated(String changelog) throws Exception {
        Path target = Path.of("target", "readside");
        Files.createDirectories(target);
        Files.writeString(target.resolve("hard-fixture.yaml"), changelog);
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher excerpt = Pattern.compile("<!-- generated by ReadSideIT -->\\s*```yaml\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        String ids = "id: \\d+-\\d+";
        int excerpts = 0;
        while (excerpt.find()) {
            excerpts++;
            assertTrue(changelog.replaceAll(ids, "id: N").contains(excerpt.group(1).replaceAll(ids, "id: N")),
                    "README excerpt " + excerpts + " differs from the generated changelog in target/readside/hard-fixture.yaml");
        }
        assertEquals(2, excerpts, "README's generated excerpts");
    }

    /** The catalog of a new database holding only the empty schema. */
    private static List<String> emptyCatalog(int major, String schema) throws Exception {
        try (TestDatabase empty = TestDatabase.create(major, "coordinator")) {
            empty.execute("CREATE SCHEMA " + schema);
            return Catalogs.snapshot(empty);
        }
    }

    private static void apply(Path dir, String changelog, TestDatabase target, List<TestDatabase> pair) throws Exception {
        new ChangelogRunner(dir, changelog).parameter("shard1.password", pair.get(0).node().password())
                .parameter("shard2.password", pair.get(1).node().password())
                .parameter("Shard One.password", pair.get(0).node().password())
                .parameter("shard_two.password", pair.get(1).node().password()).update(target);
    }

    /** {@code <changeType> <main name>} of each change of a generated YAML changelog. */
    private static List<String> changes(String yaml) {
        List<String> changes = new ArrayList<>();
        String type = null;
        for (String line : yaml.split("\n")) {
            Matcher change = Pattern.compile("^    - (\\w+):$").matcher(line);
            if (change.matches()) {
                type = change.group(1);
                continue;
            }
            Matcher name = Pattern.compile("^        (name|tableName|serverName|partitionName): (.+)$").matcher(line);
            if (type != null && name.matches()) {
                String key = name.group(1);
                boolean main = switch (type) {
                    case "createExtension" -> key.equals("name");
                    case "createForeignServer", "createUserMapping" -> key.equals("serverName");
                    case "attachRangePartition", "attachListPartition", "attachHashPartition", "attachDefaultPartition" ->
                            key.equals("partitionName");
                    default -> key.equals("tableName");
                };
                if (main) {
                    changes.add(type + " " + name.group(2));
                    type = null;
                }
            }
        }
        return changes;
    }

    /** The catalog but the ledger of moved rows (the copy was built without a move). */
    private static List<String> withoutLedger(List<String> catalog) {
        return catalog.stream().filter(line -> !line.contains(DefaultPartitionRows.LEDGER)).toList();
    }

    /** No difference but Liquibase's own tables (the hard fixture's source was built without Liquibase). */
    private static void assertNoDifferences(DiffResult diff) {
        List<String> found = new ArrayList<>();
        diff.getMissingObjects().forEach(o -> found.add("missing " + o.getClass().getSimpleName() + " " + o));
        diff.getUnexpectedObjects().forEach(o -> found.add("unexpected " + o.getClass().getSimpleName() + " " + o));
        diff.getChangedObjects().forEach((o, d) -> {
            if (!(o instanceof liquibase.structure.core.Catalog)) {
                found.add("changed " + o.getClass().getSimpleName() + " " + o + " " + d.getDifferences());
            }
        });
        found.removeIf(line -> line.contains("databasechangelog"));
        assertEquals(List.of(), found);
    }
}
