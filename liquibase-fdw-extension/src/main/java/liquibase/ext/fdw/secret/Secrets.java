package liquibase.ext.fdw.secret;

import java.util.Locale;
import java.util.Set;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.executor.ExecutorService;
import liquibase.executor.LoggingExecutor;
import liquibase.ext.fdw.sql.SqlLiterals;

/**
 * Keeps secret option values (passwords) out of generated SQL files. Liquibase's SQL-output commands (updateSQL,
 * rollbackSQL, ...) swap the database's {@code jdbc} executor for a {@link LoggingExecutor}; when that is the case
 * a secret renders as {@value #MASK}, and only statements sent to a live connection carry the real value.
 * {@link FdwConfiguration#REVEAL_SECRETS} ({@code liquibase.fdw.revealSecrets=true} as a system property, in
 * {@code liquibase.properties}, or env {@code LIQUIBASE_FDW_REVEAL_SECRETS=true}) opts in to the real value in SQL
 * output.
 */
public final class Secrets {
    /** What a secret looks like in SQL output. */
    public static final String MASK = "'********'";
    /** The configuration key that reveals secrets in SQL output ({@link FdwConfiguration#REVEAL_SECRETS}). */
    public static final String REVEAL_PROPERTY = "liquibase.fdw.revealSecrets";

    /**
     * The shortest secret value accepted: a shorter one cannot be masked in free text (a server message quoting it)
     * without masking ordinary words, so validation refuses it. The topology engine's {@code Redactor} uses the same
     * bound for node passwords.
     */
    public static final int MIN_LENGTH = 4;

    private static final Set<String> SECRET_OPTIONS = Set.of("password", "sslpassword");

    private Secrets() {
    }

    /**
     * Whether an option's value is secret, in any case and spacing: PostgreSQL folds an unquoted {@code PASSWORD} to
     * {@code password}, and even a name it refuses must not leak the value that came with it.
     */
    public static boolean isSecretOption(String optionName) {
        return optionName != null && SECRET_OPTIONS.contains(optionName.trim().toLowerCase(Locale.ROOT));
    }

    /** The literal for a secret value: real when executed, masked when written out as SQL. */
    public static String literal(Database database, String value) {
        if (writesSqlOutput(database) && !Boolean.TRUE.equals(FdwConfiguration.REVEAL_SECRETS.getCurrentValue())) {
            return MASK;
        }
        return SqlLiterals.quote(value);
    }

    private static boolean writesSqlOutput(Database database) {
        if (database == null) {
            return false;
        }
        return Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", database)
                instanceof LoggingExecutor;
    }
}
