package liquibase.ext.fdw.topology;

import java.nio.file.Path;
import java.util.Date;
import java.util.Map;

/**
 * What to run and how: the goal and its arguments, the Liquibase filters shared by all nodes, failure handling,
 * parallelism and where SQL files and the report go.
 *
 * @param goal the goal
 * @param contexts contexts for every node (added to a node's own), or null
 * @param labels label expression for every node (combined with a node's own), or null
 * @param parallelism most nodes of one level run at once (at least 1)
 * @param onFailure what a node failure does to the rest of the run
 * @param rollbackCount changesets to roll back per node, or null
 * @param rollbackTag tag to roll back to (rollback) or to set (tag), or null
 * @param rollbackDate date to roll back to, or null
 * @param outputDirectory where {@code <node>.sql} files and {@code report.json} are written
 * @param properties changelog parameters for every node
 * @param force releaseLocks frees even the lock of a run that is still connected
 * @param atomic update runs each node in one transaction ended by PREPARE TRANSACTION, committed on every node only
 *     once all prepared (two-phase commit, {@link AtomicRun})
 */
public record RunSettings(Goal goal, String contexts, String labels, int parallelism, OnFailure onFailure,
        Integer rollbackCount, String rollbackTag, Date rollbackDate, Path outputDirectory,
        Map<String, String> properties, boolean force, boolean atomic) {

    /** Settings without {@code atomic}. */
    public RunSettings(Goal goal, String contexts, String labels, int parallelism, OnFailure onFailure,
            Integer rollbackCount, String rollbackTag, Date rollbackDate, Path outputDirectory,
            Map<String, String> properties, boolean force) {
        this(goal, contexts, labels, parallelism, onFailure, rollbackCount, rollbackTag, rollbackDate, outputDirectory,
                properties, force, false);
    }

    /** Settings without {@code force}. */
    public RunSettings(Goal goal, String contexts, String labels, int parallelism, OnFailure onFailure,
            Integer rollbackCount, String rollbackTag, Date rollbackDate, Path outputDirectory,
            Map<String, String> properties) {
        this(goal, contexts, labels, parallelism, onFailure, rollbackCount, rollbackTag, rollbackDate, outputDirectory,
                properties, false, false);
    }

    public RunSettings {
        properties = Map.copyOf(properties);
        if (parallelism < 1) {
            throw new InvalidArgumentException("parallelism", "parallelism is " + parallelism + "; it must be 1 or more.");
        }
        if (goal == Goal.ROLLBACK || goal == Goal.ROLLBACK_SQL) {
            int given = (rollbackCount != null ? 1 : 0) + (rollbackTag != null ? 1 : 0) + (rollbackDate != null ? 1 : 0);
            if (given != 1) {
                throw new InvalidArgumentException("rollbackTarget", goal.goalName()
                        + " needs exactly one of rollbackCount, rollbackTag and rollbackDate; " + given + " given.");
            }
            if (rollbackCount != null && rollbackCount < 1) {
                throw new InvalidArgumentException("rollbackCount", "rollbackCount is " + rollbackCount
                        + "; it must be 1 or more (the number of changesets to roll back on each node).");
            }
        }
        if (atomic && onFailure == OnFailure.CONTINUE) {
            throw new InvalidArgumentException("onFailure", "atomic mode commits every node or none, so onFailure=continue"
                    + " does not apply; leave onFailure at stop (or rollback, which atomic mode makes unnecessary).");
        }
        if (goal == Goal.TAG && rollbackTag == null) {
            throw new InvalidArgumentException("tag", "tag needs a tag name.");
        }
    }

    /** The same settings with another failure handling (atomic runs stop at the first failure). */
    public RunSettings withGoalOnFailure(OnFailure other) {
        return new RunSettings(goal, contexts, labels, parallelism, other, rollbackCount, rollbackTag, rollbackDate,
                outputDirectory, properties, force, atomic);
    }

    /** The same settings for another goal, e.g. validating every node before an update. */
    public RunSettings withGoal(Goal other) {
        return new RunSettings(other, contexts, labels, parallelism, onFailure, rollbackCount, rollbackTag, rollbackDate,
                outputDirectory, properties, force, atomic);
    }
}
