package liquibase.ext.fdw.topology;

/** Combines a node's own contexts and labels with the run's. */
final class Filters {
    private Filters() {
    }

    /** Both context lists: a changeset runs when it matches either. */
    static String contexts(String node, String run) {
        if (node == null) {
            return run == null ? "" : run;
        }
        return run == null ? node : node + "," + run;
    }

    /** Both label expressions: a changeset runs when it matches both. */
    static String labels(String node, String run) {
        if (node == null) {
            return run == null ? "" : run;
        }
        return run == null ? node : "(" + node + ") and (" + run + ")";
    }
}
