package liquibase.ext.fdw.change.createsubscription;

import java.util.ArrayList;
import java.util.List;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.secret.SecretStatement;
import liquibase.statement.AbstractSqlStatement;

/** CREATE SUBSCRIPTION, as validated by {@link CreateSubscriptionChange}; the password is a secret. */
public final class CreateSubscriptionStatement extends AbstractSqlStatement implements SecretStatement {
    private final String name;
    private final List<FdwOption> connection;
    private final List<String> publications;
    private final List<FdwOption> options;

    /** {@code connection}: libpq keywords and values in order (host, port, dbname, user, password). */
    public CreateSubscriptionStatement(String name, List<FdwOption> connection, List<String> publications,
            List<FdwOption> options) {
        this.name = name;
        this.connection = List.copyOf(connection);
        this.publications = List.copyOf(publications);
        this.options = List.copyOf(options);
    }

    public String getName() {
        return name;
    }

    public List<FdwOption> getConnection() {
        return connection;
    }

    public List<String> getPublications() {
        return publications;
    }

    public List<FdwOption> getOptions() {
        return options;
    }

    /** The connection string with the password as given, or replaced by {@code mask}. */
    public String conninfo(String mask) {
        List<String> pairs = new ArrayList<>();
        for (FdwOption option : connection) {
            boolean masked = mask != null && "password".equals(option.getName());
            pairs.add(liquibase.ext.fdw.replication.ReplicationSql.conninfo(option.getName(),
                    masked ? mask : option.getValue()));
        }
        return String.join(" ", pairs);
    }

    @Override
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(conninfo(null));
        for (FdwOption option : connection) {
            if ("password".equals(option.getName())) {
                secrets.add(option.getValue());
            }
        }
        return secrets;
    }
}
