package liquibase.ext.fdw.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.ReadSideCommands;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Explore. */
class SampleRoundTripIT {
    private static final Path SAMPLE = Path.of("..", "sample-changelogs", "src", "main", "liquibase");

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void roundTrip(int major, @TempDir Path dir) throws Exception {
        try (TestDatabase shard1 = TestDatabase.create(major, "shard");
                TestDatabase shard2 = TestDatabase.create(major, "shard");
                TestDatabase coordinator = TestDatabase.create(major, "coordinator");
                TestDatabase copy = TestDatabase.create(major, "coordinator")) {
            new ChangelogRunner(SAMPLE, "shard/changelog.yaml").parameter("shard.year", 2016).update(shard1);
            new ChangelogRunner(SAMPLE, "shard/changelog.yaml").parameter("shard.year", 2017).update(shard2);
            ChangelogRunner coordinatorRun = new ChangelogRunner(SAMPLE, "coordinator/changelog.yaml");
            for (var shard : List.of(shard1, shard2)) {
                String name = shard == shard1 ? "shard1" : "shard2";
                coordinatorRun.parameter("fdw.node." + name + ".host", "127.0.0.1")
                        .parameter("fdw.node." + name + ".port", shard.node().port())
                        .parameter("fdw.node." + name + ".dbname", shard.name())
                        .parameter("fdw.node." + name + ".username", shard.node().username())
                        .parameter("fdw.node." + name + ".password", shard.node().password());
            }
            coordinatorRun.update(coordinator);
            ReadSideCommands commands = new ReadSideCommands(dir, "public,box1_schema");
            System.out.println(commands.snapshot(coordinator, "txt"));
            String changelog = commands.generateChangelog(coordinator, "generated.yaml", null);
            System.out.println(changelog);
            ChangelogRunner apply = new ChangelogRunner(dir, "generated.yaml")
                    .parameter("shard1.password", shard1.node().password())
                    .parameter("shard2.password", shard2.node().password());
            copy.execute("CREATE SCHEMA box1_schema");
            apply.update(copy);
            ReadSideCommands.Diff diff = commands.diff(coordinator, copy);
            System.out.println(diff.report());
            assertEquals(Catalogs.snapshot(coordinator), Catalogs.snapshot(copy));
            commands.dropAll(coordinator);
            System.out.println(Catalogs.snapshot(coordinator));
        }
    }
}
