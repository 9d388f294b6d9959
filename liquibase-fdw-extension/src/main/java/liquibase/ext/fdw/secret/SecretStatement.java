package liquibase.ext.fdw.secret;

import java.util.List;

/** A statement whose SQL carries secret values (passwords), which {@link liquibase.ext.fdw.sql.FdwExecutor} keeps out of logs and errors. */
public interface SecretStatement {
    /** The secret values rendered into the statement's SQL. */
    List<String> secrets();
}
