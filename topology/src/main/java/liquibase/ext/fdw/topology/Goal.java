package liquibase.ext.fdw.topology;

/** What the runner does on each node. */
public enum Goal {
    UPDATE("update", true, false),
    UPDATE_SQL("updateSQL", false, true),
    ROLLBACK("rollback", true, false),
    ROLLBACK_SQL("rollbackSQL", false, true),
    STATUS("status", false, false),
    VALIDATE("validate", false, false),
    TAG("tag", true, false),
    HISTORY("history", false, false),
    RELEASE_LOCKS("releaseLocks", false, false),
    RECOVER("recover", true, false),
    /** Update, roll back what the update applied, compare catalogs and rows with before, update again. */
    UPDATE_TESTING_ROLLBACK("updateTestingRollback", true, false),
    /** Drift between the topology and its nodes; read-only, run by {@link TopologyEngine#verify}, never per node. */
    VERIFY("verify", false, false);

    private final String goalName;
    private final boolean changesNodes;
    private final boolean writesSql;

    Goal(String goalName, boolean changesNodes, boolean writesSql) {
        this.goalName = goalName;
        this.changesNodes = changesNodes;
        this.writesSql = writesSql;
    }

    /** The goal's name as front ends spell it (Maven goal, report). */
    public String goalName() {
        return goalName;
    }

    /** Whether the goal writes to the nodes, so every node's lock is taken before it starts. */
    public boolean changesNodes() {
        return changesNodes;
    }

    /**
     * Whether every node's Liquibase lock is taken before the goal starts: all goals that run a Liquibase command,
     * because Liquibase takes the lock for those too and the runner must own it while nodes run in parallel.
     */
    public boolean takesLocks() {
        return this != HISTORY && this != RELEASE_LOCKS && this != RECOVER && this != VERIFY;
    }

    /** Whether the goal reads the nodes' changelogs, so they are all parsed before any node is touched. */
    public boolean readsChangelog() {
        return this != HISTORY && this != RELEASE_LOCKS && this != TAG && this != RECOVER;
    }

    /** Whether the goal writes SQL files instead of touching the nodes. */
    public boolean writesSql() {
        return writesSql;
    }

    /** Whether nodes are visited in reverse dependency order. */
    public boolean reversed() {
        return this == ROLLBACK || this == ROLLBACK_SQL;
    }
}
