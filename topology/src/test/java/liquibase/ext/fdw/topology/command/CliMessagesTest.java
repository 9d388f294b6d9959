package liquibase.ext.fdw.topology.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.topology.InvalidArgumentException;
import liquibase.ext.fdw.topology.LiveLockException;
import liquibase.ext.fdw.topology.LockHeldException;
import liquibase.ext.fdw.topology.MissingSecretException;
import liquibase.ext.fdw.topology.RollbackTargetException;
import liquibase.ext.fdw.topology.verify.DriftException;
import liquibase.ext.fdw.topology.verify.Finding;
import liquibase.ext.fdw.topology.verify.VerifyOptions;
import liquibase.ext.fdw.topology.verify.VerifyReport;
import org.junit.jupiter.api.Test;

/** The engine's typed exceptions as a Liquibase CLI user reads them, word for word. */
class CliMessagesTest {

    @Test
    void wordsTheFixAsTheCommandLineTakesIt() {
        assertEquals("node 'a': the Liquibase lock is held by agent-7 since t1; wait for that update to finish, or if it"
                + " died, run liquibase fdw release-locks --topology-file=topology.yaml --nodes=a. Nothing was changed on"
                + " any node.", CliMessages.describe(new LockHeldException(List.of(
                        new LockHeldException.HeldLock("a", "agent-7", "t1"))), "topology.yaml"));
        assertEquals("node 'a': the Liquibase lock belongs to a run that is still connected (h); it releases the lock"
                + " when it ends. Nothing was released. If that run is known to be gone, run liquibase fdw release-locks"
                + " --topology-file=topology.yaml --force=true --nodes=a.",
                CliMessages.describe(new LiveLockException(Map.of("a", "h")), "topology.yaml"));
        assertEquals("node 'b': tag 'v1' does not exist. Nothing was rolled back on any node. Tag those nodes first"
                + " (liquibase fdw tag --topology-file=topology.yaml --tag=<tag> --nodes=b) or choose a target every"
                + " node has.", CliMessages.describe(new RollbackTargetException(Map.of("b", "tag 'v1' does not exist")),
                        "topology.yaml"));
        assertEquals("node 'box1': serverId 'box1' names a Maven settings.xml server, which only the Maven plugin reads;"
                + " give the node passwordEnv: <VARIABLE> for the Liquibase CLI.",
                CliMessages.describe(new MissingSecretException("box1", MissingSecretException.Source.SERVER_ID, "box1",
                        "engine words"), "topology.yaml"));
        assertEquals("rollback needs exactly one of --count, --tag and --date; 0 given.",
                CliMessages.describe(new InvalidArgumentException("rollbackTarget",
                        "rollback needs exactly one of rollbackCount, rollbackTag and rollbackDate; 0 given."), "t.yaml"));
        assertEquals("rollback-sql needs exactly one of --count, --tag and --date; 2 given.",
                CliMessages.describe(new InvalidArgumentException("rollbackTarget",
                        "rollbackSQL needs exactly one of rollbackCount, rollbackTag and rollbackDate; 2 given."), "t.yaml"));
        assertEquals("release-locks", CliMessages.kebab("releaseLocks"));
    }

    /** Every request argument the engine refuses is named as the flag a CLI user types, through the engine's own text. */
    @Test
    void namesTheFlagOfEveryRefusedArgument() {
        Map<String, String> engine = new java.util.LinkedHashMap<>();
        engine.put("rollbackCount", "--count is 0; it must be 1 or more (the number of changesets to roll back on each node).");
        engine.put("parallelism", "--parallelism is 0; it must be 1 or more.");
        engine.put("onFailure", "--on-failure is 'later'; write stop, continue or rollback.");
        engine.put("tag", "tag needs a tag name; pass --tag=<name>.");
        engine.put("timeouts", "timeouts are 0 s (connect), 30 s (login) and 1800 s (socket); the connect and login timeouts"
                + " must be 1 second or more, the socket timeout 0 (no limit) or more. Set them with --connect-timeout,"
                + " --login-timeout and --socket-timeout.");
        engine.put("postgresVersion", "topology.yaml: embedded PostgreSQL 12 is not available; choose one of [14, 15, 16,"
                + " 17, 18] (embedded: { postgresVersion: N } in the topology file, or --postgres-version=N).");
        for (Map.Entry<String, String> expected : engine.entrySet()) {
            assertEquals(expected.getValue(), CliMessages.describe(engineException(expected.getKey()), "topology.yaml"));
        }
    }

    /** The engine's own exception for each argument, with the engine's text. */
    private static InvalidArgumentException engineException(String argument) {
        return switch (argument) {
            case "rollbackCount" -> new InvalidArgumentException(argument, "rollbackCount is 0; it must be 1 or more (the"
                    + " number of changesets to roll back on each node).");
            case "parallelism" -> new InvalidArgumentException(argument, "parallelism is 0; it must be 1 or more.");
            case "onFailure" -> org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentException.class,
                    () -> liquibase.ext.fdw.topology.OnFailure.parse("later"));
            case "tag" -> new InvalidArgumentException(argument, "tag needs a tag name.");
            case "timeouts" -> org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentException.class,
                    () -> new liquibase.ext.fdw.topology.TopologyRequest.Timeouts(0, 30, 1800));
            case "postgresVersion" -> new InvalidArgumentException(argument, "topology.yaml: embedded PostgreSQL 12 is not"
                    + " available; choose one of [14, 15, 16, 17, 18].");
            default -> throw new IllegalArgumentException(argument);
        };
    }

    @Test
    void driftAndVerifyArguments() {
        VerifyReport report = new VerifyReport(Instant.EPOCH, List.of("c"), Map.of("c", List.of(
                new Finding("c", "s", "server-address", "server s connects to host h", "point it at its node"))));

        assertEquals("verify found 1 difference(s) between the topology and its nodes:\n[c] s: server-address: server s"
                + " connects to host h; fix: point it at its node\nFix them and run liquibase fdw verify"
                + " --topology-file=t.yaml again (--fail-on-drift=false reports drift without failing).",
                CliMessages.describe(new DriftException(report), "t.yaml"));
        assertEquals("--sample-rows is 0; it must be 1 or more (or check every row with --row-check=full).",
                CliMessages.describe(org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentException.class,
                        () -> new VerifyOptions(true, VerifyOptions.RowCheck.SAMPLE, 0)), "t.yaml"));
    }
}
