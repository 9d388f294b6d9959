package liquibase.ext.fdw.topology;

/** What the runner does when a node fails. */
public enum OnFailure {
    /** Finish the nodes already running, start no others. */
    STOP,
    /** Keep going with every node that does not depend on a failed one. */
    CONTINUE,
    /** Stop, then roll back every changeset this run applied, on every node, in reverse order. */
    ROLLBACK;

    /** Parses a user-supplied value, case-insensitively. */
    public static OnFailure parse(String value) {
        for (OnFailure candidate : values()) {
            if (candidate.name().equalsIgnoreCase(value.trim())) {
                return candidate;
            }
        }
        throw new InvalidArgumentException("onFailure", "onFailure is '" + value + "'; write stop, continue or rollback.");
    }
}
