package liquibase.ext.fdw.topology.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.topology.InvalidArgumentException;
import liquibase.ext.fdw.topology.LiveLockException;
import liquibase.ext.fdw.topology.LockHeldException;
import liquibase.ext.fdw.topology.MissingSecretException;
import liquibase.ext.fdw.topology.RollbackTargetException;
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
        assertEquals("release-locks", CliMessages.kebab("releaseLocks"));
    }
}
