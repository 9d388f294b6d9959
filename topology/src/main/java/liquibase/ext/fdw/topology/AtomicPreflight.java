package liquibase.ext.fdw.topology;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.RuntimeEnvironment;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.ChangeMetaData;
import liquibase.change.ChangeParameterMetaData;
import liquibase.changelog.ChangeLogIterator;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ChangeSetFilterResult;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.changelog.filter.ShouldRunChangeSetFilter;
import liquibase.changelog.visitor.ChangeSetVisitor;
import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;

/**
 * Refuses atomic mode before anything changes when a node cannot take part in a two-phase commit: the server does
 * not allow prepared transactions ({@code max_prepared_transactions = 0}), or a pending changeset cannot run inside
 * the node's single transaction: {@code runInTransaction="false"}, the extension's {@code detachPartition} with
 * {@code concurrently}, the extension's {@code movePartition} (its copy commits on other nodes), or generated SQL
 * that PostgreSQL refuses in a transaction block (see {@link #RULES}).
 *
 * <p>The SQL check reads the SQL Liquibase generates for each pending change, the same text an update would send.
 * It is a pattern match, not a parser: it cannot see SQL run by a function, a procedure ({@code CALL}) or a
 * {@code DO} block, nor SQL from {@code sqlFile} changes whose file is read only when they run. Such statements are
 * still safe: PostgreSQL refuses them inside the transaction, the node fails and every node is rolled back.
 */
final class AtomicPreflight {
    /** Statement patterns PostgreSQL does not run inside a transaction block, with the reason shown. */
    static final Map<Pattern, String> RULES = rules();

    private final NodeScopes scopes;

    AtomicPreflight(NodeScopes scopes) {
        this.scopes = scopes;
    }

    private static Map<Pattern, String> rules() {
        Map<Pattern, String> rules = new LinkedHashMap<>();
        int flags = Pattern.CASE_INSENSITIVE;
        rules.put(Pattern.compile("\\bCONCURRENTLY\\b", flags), "CONCURRENTLY");
        rules.put(Pattern.compile("\\b(CREATE|ALTER|DROP)\\s+SUBSCRIPTION\\b", flags), "SUBSCRIPTION");
        rules.put(Pattern.compile("(^|;)\\s*VACUUM\\b", flags), "VACUUM");
        rules.put(Pattern.compile("\\b(CREATE|DROP)\\s+(DATABASE|TABLESPACE)\\b", flags), "DATABASE/TABLESPACE");
        rules.put(Pattern.compile("\\bALTER\\s+SYSTEM\\b", flags), "ALTER SYSTEM");
        rules.put(Pattern.compile("\\bREINDEX\\s+(SYSTEM|DATABASE)\\b", flags), "REINDEX SYSTEM/DATABASE");
        rules.put(Pattern.compile("(^|;)\\s*(COMMIT|END|ROLLBACK|ABORT|BEGIN|START\\s+TRANSACTION|PREPARE\\s+TRANSACTION)\\b",
                flags), "transaction control");
        return rules;
    }

    /** Throws {@link AtomicModeException} naming every node and changeset in the way, with the fix. */
    void check(Iterable<NodeSession> sessions, Map<String, Map<String, String>> parameters, RunSettings settings) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (NodeSession session : sessions) {
            String node = session.node().name();
            List<String> found = new ArrayList<>();
            try {
                int max = maxPreparedTransactions(session);
                if (max == 0) {
                    found.add("max_prepared_transactions is 0 on its server, so it cannot prepare a transaction; set"
                            + " max_prepared_transactions to at least the number of nodes on that server"
                            + " (postgresql.conf or ALTER SYSTEM, then restart it)");
                }
                scopes.inNode(node, () -> {
                    pending(session, parameters.get(node), settings, found);
                    return null;
                });
            } catch (Exception e) {
                found.add("cannot be checked: " + Failures.describe(e));
            }
            if (!found.isEmpty()) {
                problems.put(node, found);
            }
        }
        if (!problems.isEmpty()) {
            throw new AtomicModeException(problems);
        }
    }

    private static int maxPreparedTransactions(NodeSession session) throws SQLException {
        Connection connection = session.commits().target();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('max_prepared_transactions')::int")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void pending(NodeSession session, Map<String, String> parameters, RunSettings settings,
            List<String> found) throws Exception {
        Database database = session.database();
        DatabaseChangeLog changeLog = ChangelogCheck.parse(session, parameters);
        Contexts contexts = new Contexts(Filters.contexts(session.node().contexts(), settings.contexts()));
        LabelExpression labels = new LabelExpression(Filters.labels(session.node().labels(), settings.labels()));
        ChangeLogIterator iterator = new ChangeLogIterator(changeLog, new ShouldRunChangeSetFilter(database),
                new ContextChangeSetFilter(contexts), new LabelChangeSetFilter(labels), new DbmsChangeSetFilter(database));
        iterator.run(new ChangeSetVisitor() {
            @Override
            public Direction getDirection() {
                return Direction.FORWARD;
            }

            @Override
            public void visit(ChangeSet changeSet, DatabaseChangeLog log, Database db, Set<ChangeSetFilterResult> results) {
                check(changeSet, db, found);
            }
        }, new RuntimeEnvironment(database, contexts, labels));
    }

    private static void check(ChangeSet changeSet, Database database, List<String> found) {
        String name = "changeset " + changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
        if (!changeSet.isRunInTransaction()) {
            found.add(name + " has runInTransaction=\"false\"; apply it in a normal (not atomic) run first, or"
                    + " remove runInTransaction=\"false\" if it can run in a transaction");
            return;
        }
        ChangeFactory changes = Scope.getCurrentScope().getSingleton(ChangeFactory.class);
        for (Change change : changeSet.getChanges()) {
            ChangeMetaData meta = changes.getChangeMetaData(change);
            if ("detachPartition".equals(meta.getName())) {
                ChangeParameterMetaData concurrently = meta.getParameters().get("concurrently");
                if (concurrently != null && Boolean.TRUE.equals(concurrently.getCurrentValue(change))) {
                    found.add(name + ": detachPartition with concurrently=\"true\" cannot run in a transaction block;"
                            + " apply it in a normal (not atomic) run, or detach without concurrently");
                    continue;
                }
            }
            if ("movePartition".equals(meta.getName())) {
                found.add(name + ": movePartition copies the rows on other nodes, which commit before this node's"
                        + " prepared transaction; apply it in a normal (not atomic) run");
                continue;
            }
            String reason = sqlProblem(change, database);
            if (reason != null) {
                found.add(name + " (" + meta.getName() + "): " + reason + " cannot run in a transaction block;"
                        + " apply this changeset in a normal (not atomic) run");
            }
        }
    }

    /** The rule the change's generated SQL breaks, or null. */
    static String sqlProblem(Change change, Database database) {
        Sql[] sql;
        try {
            sql = SqlGeneratorFactory.getInstance().generateSql(change, database);
        } catch (RuntimeException e) {
            // Validation reports changes that cannot generate SQL; PostgreSQL refuses the rest in the transaction.
            return null;
        }
        for (Sql statement : sql) {
            String reason = sqlProblem(statement.toSql());
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** The rule {@code text} breaks (quoted text, dollar-quoted bodies and comments ignored), or null. */
    static String sqlProblem(String text) {
        // Dollar-quoted bodies (functions, DO blocks) are their own code: BEGIN and END there are not transaction control.
        String code = text.replaceAll("(?s)\\$([A-Za-z_]*)\\$.*?\\$\\1\\$", "''").replaceAll("'(?:[^']|'')*'", "''").replaceAll("--[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
        for (Map.Entry<Pattern, String> rule : RULES.entrySet()) {
            Matcher matcher = rule.getKey().matcher(code);
            if (matcher.find()) {
                return matcher.group().replaceAll("^[;\\s]+", "").replaceAll("\\s+", " ").toUpperCase();
            }
        }
        return null;
    }
}
