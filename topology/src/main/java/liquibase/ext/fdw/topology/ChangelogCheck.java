package liquibase.ext.fdw.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;

/**
 * The first pass of a run: every selected node's changelog is read and parsed before anything is created on any
 * node (not even Liquibase's own tables), so a missing or broken changelog on one node leaves every node as it was.
 * Returns the number of changesets of each changelog, for the summary.
 */
final class ChangelogCheck {
    private final NodeScopes scopes;
    private final Map<String, String> problems = new LinkedHashMap<>();
    private final Map<String, Integer> sizes = new LinkedHashMap<>();

    ChangelogCheck(NodeScopes scopes) {
        this.scopes = scopes;
    }

    /** Parses each session's changelog; throws {@link ChangelogValidationException} listing every failing node. */
    Map<String, Integer> check(Iterable<NodeSession> sessions, Map<String, Map<String, String>> parameters) {
        for (NodeSession session : sessions) {
            String node = session.node().name();
            try {
                int size = scopes.inNode(node, () -> parse(session, parameters.get(node)).getChangeSets().size());
                sizes.put(node, size);
            } catch (Exception e) {
                problems.put(node, "changelog " + session.node().changeLogFile() + " cannot be used: "
                        + Failures.describe(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new ChangelogValidationException(problems);
        }
        return sizes;
    }

    static DatabaseChangeLog parse(NodeSession session, Map<String, String> parameters) throws Exception {
        String file = session.node().changeLogFile();
        ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
        if (accessor.get(file) == null || !accessor.get(file).exists()) {
            throw new TopologyException("the file does not exist in the changelog directory");
        }
        ChangeLogParameters changeLogParameters = new ChangeLogParameters(session.database());
        parameters.forEach(changeLogParameters::set);
        ChangeLogParser parser = ChangeLogParserFactory.getInstance().getParser(file, accessor);
        return parser.parse(file, changeLogParameters, accessor);
    }
}
