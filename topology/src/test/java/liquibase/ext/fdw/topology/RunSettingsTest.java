package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run settings refuse contradictory goal arguments before anything connects; messages word for word. */
class RunSettingsTest {

    private static String error(Goal goal, int parallelism, Integer count, String tag, Date date) {
        return assertThrows(TopologyException.class, () -> new RunSettings(goal, null, null, parallelism, OnFailure.STOP,
                count, tag, date, Path.of("target"), Map.of())).getMessage();
    }

    @Test
    void refusesContradictions() {
        assertEquals("rollback needs exactly one of rollbackCount, rollbackTag and rollbackDate; 2 given.",
                error(Goal.ROLLBACK, 1, 3, "v1", null));
        assertEquals("rollbackSQL needs exactly one of rollbackCount, rollbackTag and rollbackDate; 0 given.",
                error(Goal.ROLLBACK_SQL, 1, null, null, null));
        assertEquals("rollbackCount is 0; it must be 1 or more (the number of changesets to roll back on each node).",
                error(Goal.ROLLBACK, 1, 0, null, null));
        assertEquals("tag needs a tag name.", error(Goal.TAG, 1, null, null, null));
        assertEquals("parallelism is 0; it must be 1 or more.", error(Goal.UPDATE, 0, null, null, null));
        assertEquals("onFailure is 'retry'; write stop, continue or rollback.",
                assertThrows(TopologyException.class, () -> OnFailure.parse("retry")).getMessage());
        assertEquals(OnFailure.ROLLBACK, OnFailure.parse(" Rollback "));
        assertEquals("atomic mode commits every node or none, so onFailure=continue does not apply; leave onFailure at"
                + " stop (or rollback, which atomic mode makes unnecessary).", assertThrows(TopologyException.class,
                        () -> new RunSettings(Goal.UPDATE, null, null, 1, OnFailure.CONTINUE, null, null, null,
                                Path.of("target"), Map.of(), false, true)).getMessage());
    }

    @Test
    void goalFlags() {
        assertEquals(true, Goal.ROLLBACK.reversed() && Goal.ROLLBACK_SQL.reversed() && !Goal.UPDATE.reversed());
        assertEquals(true, Goal.UPDATE_SQL.writesSql() && !Goal.UPDATE.writesSql());
        assertEquals(true, Goal.STATUS.takesLocks() && !Goal.HISTORY.takesLocks() && !Goal.RELEASE_LOCKS.takesLocks());
        // recover works over its own connections, without Liquibase locks or changelogs.
        assertEquals(true, !Goal.RECOVER.takesLocks() && !Goal.RECOVER.readsChangelog() && !Goal.RECOVER.reversed());
        RunSettings update = new RunSettings(Goal.UPDATE, "demo", null, 2, OnFailure.ROLLBACK, null, null, null,
                Path.of("target"), Map.of("a", "b"));
        RunSettings validate = update.withGoal(Goal.VALIDATE);
        assertEquals(Goal.VALIDATE, validate.goal());
        assertEquals("demo", validate.contexts());
        assertEquals(Map.of("a", "b"), validate.properties());
    }
}
