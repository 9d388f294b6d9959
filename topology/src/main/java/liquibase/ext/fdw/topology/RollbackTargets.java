package liquibase.ext.fdw.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.RanChangeSet;

/**
 * Checks a rollback's target on every node before any node changes: a tag must exist on each selected node, or
 * the nodes that have it would be rolled back while the others refuse, leaving the topology half way.
 */
final class RollbackTargets {
    private RollbackTargets() {
    }

    /** Throws {@link RollbackTargetException} listing every node that lacks the tag. */
    static void check(Iterable<NodeSession> sessions, RunSettings settings) {
        if (settings.rollbackTag() == null || !settings.goal().reversed()) {
            return;
        }
        Map<String, String> problems = new LinkedHashMap<>();
        for (NodeSession session : sessions) {
            try {
                boolean found = false;
                for (RanChangeSet ran : Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                        .getChangeLogService(session.database()).getRanChangeSets()) {
                    found |= settings.rollbackTag().equals(ran.getTag());
                }
                if (!found) {
                    problems.put(session.node().name(), "tag '" + settings.rollbackTag() + "' does not exist");
                }
            } catch (Exception e) {
                problems.put(session.node().name(), "cannot read its history: " + Failures.describe(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new RollbackTargetException(problems);
        }
    }
}
