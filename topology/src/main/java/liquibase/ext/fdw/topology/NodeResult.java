package liquibase.ext.fdw.topology;

import java.util.List;

/**
 * What happened on one node.
 *
 * @param node node name
 * @param level dependency level the node ran in
 * @param status outcome
 * @param applied changesets applied (update) or rolled back (rollback) by this run
 * @param skipped changesets not run because they ran before
 * @param pending changesets not yet applied (status, updateSQL)
 * @param millis time spent on the node
 * @param message error or note, passwords removed
 * @param lines per-changeset lines (status, history), passwords removed
 */
public record NodeResult(String node, int level, Status status, int applied, int skipped, int pending, long millis,
        String message, List<String> lines) {

    public NodeResult {
        lines = List.copyOf(lines);
    }

    /** Outcome of a node. */
    public enum Status {
        /** The goal finished on the node. */
        OK,
        /** The goal failed on the node. */
        FAILED,
        /** Not run: an earlier failure stopped the run, or a node it depends on failed. */
        NOT_RUN,
        /** Changed by this run, then returned to its state before the run after another node failed. */
        ROLLED_BACK
    }
}
