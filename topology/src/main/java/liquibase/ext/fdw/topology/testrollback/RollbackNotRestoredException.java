package liquibase.ext.fdw.topology.testrollback;

import java.util.List;
import liquibase.ext.fdw.topology.TopologyException;

/**
 * updateTestingRollback found a node whose catalogs or rows after the rollback differ from before the update; each
 * difference names the node, the object and what differs.
 */
public class RollbackNotRestoredException extends TopologyException {
    private static final long serialVersionUID = 1L;
    private final List<String> differences;

    /** {@code differences}: one line per difference, {@code [node] object: what differs}. */
    public RollbackNotRestoredException(List<String> differences) {
        super("updateTestingRollback: rolling back this run's changesets did not restore what was there before the"
                + " update (" + differences.size() + " difference(s)); fix the rollback of the changesets that create"
                + " or change these objects; the nodes are left as the rollback left them:\n  "
                + String.join("\n  ", differences));
        this.differences = List.copyOf(differences);
    }

    /** The differences, one line each. */
    public List<String> differences() {
        return differences;
    }
}
