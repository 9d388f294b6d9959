package liquibase.ext.fdw.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.topology.InvalidArgumentException;
import liquibase.ext.fdw.topology.LiveLockException;
import liquibase.ext.fdw.topology.LockHeldException;
import liquibase.ext.fdw.topology.MissingFileException;
import liquibase.ext.fdw.topology.MissingSecretException;
import liquibase.ext.fdw.topology.RollbackTargetException;
import liquibase.ext.fdw.topology.TopologyException;
import liquibase.ext.fdw.topology.verify.DriftException;
import liquibase.ext.fdw.topology.verify.Finding;
import liquibase.ext.fdw.topology.verify.VerifyOptions;
import liquibase.ext.fdw.topology.verify.VerifyReport;
import org.junit.jupiter.api.Test;

/** The engine's typed exceptions as a Maven user reads them: the engine's facts, the fix in Maven's terms. */
class MavenMessagesTest {

    @Test
    void locks() {
        assertEquals("node 'a': the Liquibase lock is held by agent-7 (10.0.0.7) since 2026-11-24 08:15:00; node 'c': the"
                + " Liquibase lock is held by agent-8 (10.0.0.8) since 2026-11-24 09:00:00; wait for that update to finish,"
                + " or if it died, run mvn fdw:releaseLocks -Dfdw.nodes=a,c. Nothing was changed on any node.",
                MavenMessages.describe(new LockHeldException(List.of(
                        new LockHeldException.HeldLock("a", "agent-7 (10.0.0.7)", "2026-11-24 08:15:00"),
                        new LockHeldException.HeldLock("c", "agent-8 (10.0.0.8)", "2026-11-24 09:00:00")))));
        assertEquals("node 'a': the Liquibase lock belongs to a run that is still connected (agent pid 1 run r since t);"
                + " it releases the lock when it ends. Nothing was released. If that run is known to be gone, run mvn"
                + " fdw:releaseLocks -Dfdw.force=true -Dfdw.nodes=a.",
                MavenMessages.describe(new LiveLockException(Map.of("a", "agent pid 1 run r since t"))));
    }

    @Test
    void rollbackTargets() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("b", "tag 'v1' does not exist");
        problems.put("c", "tag 'v1' does not exist");
        assertEquals("node 'b': tag 'v1' does not exist; node 'c': tag 'v1' does not exist. Nothing was rolled back on"
                + " any node. Tag those nodes first (mvn fdw:tag -Dfdw.tag=<tag> -Dfdw.nodes=b,c) or choose a target every"
                + " node has.", MavenMessages.describe(new RollbackTargetException(problems)));
        assertEquals("rollback needs exactly one of rollbackCount, rollbackTag and rollbackDate (-Dfdw.rollbackCount=1,"
                + " -Dfdw.rollbackTag=<tag> or -Dfdw.rollbackDate=<yyyy-MM-dd'T'HH:mm:ss>); 2 given.",
                MavenMessages.describe(new InvalidArgumentException("rollbackTarget",
                        "rollback needs exactly one of rollbackCount, rollbackTag and rollbackDate; 2 given.")));
        assertEquals("tag needs a tag name; pass -Dfdw.tag=<name>.",
                MavenMessages.describe(new InvalidArgumentException("tag", "tag needs a tag name.")));
    }

    @Test
    void secretsAndFiles() {
        assertEquals("node 'box2': serverId 'box2' is not a <server> in settings.xml; add it there with username and"
                + " password.", MavenMessages.describe(new MissingSecretException("box2",
                        MissingSecretException.Source.SERVER_ID, "box2", "engine words")));
        assertEquals("node 'box2': environment variable 'BOX2_PW' (passwordEnv) is not set; export it before running"
                + " Maven.", MavenMessages.describe(new MissingSecretException("box2",
                        MissingSecretException.Source.PASSWORD_ENV, "BOX2_PW", "engine words")));
        assertEquals("Topology file t.yaml does not exist; create it or point -Dfdw.topologyFile at one.",
                MavenMessages.describe(new MissingFileException("topologyFile", Path.of("t.yaml"),
                        "Topology file t.yaml does not exist.", null)));
        assertEquals("pom.xml <nodes>: changelog directory /x does not exist; set <changeLogDirectory>"
                + " (-Dfdw.changeLogDirectory) to the directory of the changelogs.",
                MavenMessages.describe(new MissingFileException("changeLogDirectory", Path.of("/x"),
                        "pom.xml <nodes>: changelog directory /x does not exist.", null)));
        assertEquals("anything else", MavenMessages.describe(new TopologyException("anything else")));
    }

    @Test
    void driftListsTheFindingsAndHowToReportWithoutFailing() {
        VerifyReport report = new VerifyReport(Instant.EPOCH, List.of("shard"), Map.of("shard", List.of(
                new Finding("shard", "s.t", "column-type", "column x is integer on shard but numeric", "alter it back"))));

        assertEquals("verify found 1 difference(s) between the topology and its nodes:\n[shard] s.t: column-type: column x"
                + " is integer on shard but numeric; fix: alter it back\nFix them and run mvn fdw:verify again"
                + " (-Dfdw.failOnDrift=false reports drift without failing).", MavenMessages.describe(new DriftException(report)));
        InvalidArgumentException rowCheck = org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentException.class,
                () -> VerifyOptions.RowCheck.parse("some"));
        assertEquals("-Dfdw.rowCheck is 'some'; write full, sample or off.", MavenMessages.describe(rowCheck));
    }
}
