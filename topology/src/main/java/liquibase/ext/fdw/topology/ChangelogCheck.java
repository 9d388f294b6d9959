package liquibase.ext.fdw.topology;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final LevelExecutor executor;
    private final Map<String, String> problems = new LinkedHashMap<>();
    private final Map<String, Integer> sizes = new LinkedHashMap<>();

    ChangelogCheck(NodeScopes scopes, LevelExecutor executor) {
        this.scopes = scopes;
        this.executor = executor;
    }

    /** Parses each session's changelog; throws {@link ChangelogValidationException} listing every failing node. */
    Map<String, Integer> check(Collection<NodeSession> sessions, Map<String, Map<String, String>> parameters) {
        List<NodeSession> all = List.copyOf(sessions);
        // Each changelog is parsed on its own thread: parsing reads only files.
        List<LevelExecutor.Attempt<Integer>> parsed = executor.attempt(all, all.size(), session -> scopes.inNode(
                session.node().name(), () -> parse(session, parameters.get(session.node().name())).getChangeSets().size()));
        for (int i = 0; i < all.size(); i++) {
            NodeSession session = all.get(i);
            if (parsed.get(i).failure() == null) {
                sizes.put(session.node().name(), parsed.get(i).value());
            } else {
                problems.put(session.node().name(), "changelog " + session.node().changeLogFile() + " cannot be used: "
                        + Failures.describe(parsed.get(i).failure()));
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
