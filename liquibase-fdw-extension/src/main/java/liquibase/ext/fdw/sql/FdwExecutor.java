package liquibase.ext.fdw.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.executor.jvm.JdbcExecutor;
import liquibase.ext.fdw.change.movepartition.MovePartitionCopy;
import liquibase.ext.fdw.secret.SecretStatement;
import liquibase.ext.fdw.secret.Secrets;
import liquibase.listener.SqlListener;
import liquibase.sql.SqlConfiguration;
import liquibase.sql.visitor.SqlVisitor;
import liquibase.statement.SqlStatement;

/**
 * Liquibase's {@code jdbc} executor for PostgreSQL with two additions for the extension's own statements. Statements
 * that carry secrets are sent to the connection with their real values while the SQL log, SQL listeners and
 * {@code [Failed SQL: ...]} in exceptions see them masked (Liquibase's executor logs every statement and copies it
 * into its exceptions, which would spread a user-mapping password into build logs). Statements that
 * {@link ExplainsErrors explain errors} turn a bare PostgreSQL error into one naming the change and the fix.
 */
public class FdwExecutor extends JdbcExecutor {

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public boolean supports(Database database) {
        return database instanceof PostgresDatabase;
    }

    @Override
    public void execute(SqlStatement sql, List<SqlVisitor> sqlVisitors) throws DatabaseException {
        if (MovePartitionCopy.handles(sql) && database.getConnection() instanceof JdbcConnection coordinator
                && MovePartitionCopy.run(sql, database, text -> send(coordinator.getUnderlyingConnection(), text, text,
                        List.of(), sql))) {
            return;
        }
        if (!(sql instanceof SecretStatement || sql instanceof ExplainsErrors)
                || !(database.getConnection() instanceof JdbcConnection jdbc)) {
            super.execute(sql, sqlVisitors);
            return;
        }
        List<String> secrets = sql instanceof SecretStatement secret ? secret.secrets() : List.of();
        Connection connection = jdbc.getUnderlyingConnection();
        for (String text : applyVisitors(sql, sqlVisitors)) {
            send(connection, text, mask(text, secrets), secrets, sql);
        }
    }

    /** Logs {@code masked}, sends {@code text}; a failure is worded (and masked) without the driver's exception. */
    private void send(Connection connection, String text, String masked, List<String> secrets, SqlStatement sql)
            throws DatabaseException {
        for (SqlListener listener : Scope.getCurrentScope().getListeners(SqlListener.class)) {
            listener.writeSqlWillRun(masked);
        }
        Scope.getCurrentScope().getLog(getClass()).log(SqlConfiguration.SHOW_AT_LOG_LEVEL.getCurrentValue(),
                System.lineSeparator() + masked, null);
        try (Statement statement = connection.createStatement()) {
            statement.execute(text);
        } catch (SQLException e) {
            String message = mask(String.valueOf(e.getMessage()), secrets);
            String explained = sql instanceof ExplainsErrors explains ? explains.explain(e.getSQLState(), message) : null;
            if (explained != null) {
                message = explained;
            }
            // The driver's exception is replaced, not wrapped: nothing below it may carry the statement.
            SQLException cause = new SQLException(message, e.getSQLState(), e.getErrorCode());
            throw new DatabaseException(message + " [Failed SQL: (" + e.getErrorCode() + ") " + masked + "]", cause);
        }
    }

    /**
     * {@code text} with every secret's literal replaced by {@link Secrets#MASK}, and the bare value too (a server
     * message may quote it); validation refuses secrets shorter than {@link Secrets#MIN_LENGTH}, which would match
     * ordinary words. The topology engine's
     * {@code liquibase.ext.fdw.topology.Redactor} masks node passwords the same way (it may not import this class):
     * a change here must be made there too.
     */
    static String mask(String text, List<String> secrets) {
        String masked = text;
        for (String value : secrets) {
            if (value == null || value.isEmpty()) {
                continue;
            }
            masked = masked.replace(SqlLiterals.quote(value), Secrets.MASK);
            if (value.length() >= Secrets.MIN_LENGTH) {
                masked = masked.replace(value, Secrets.MASK.substring(1, Secrets.MASK.length() - 1));
            }
        }
        return masked;
    }
}
