package liquibase.ext.fdw.change.createsubscription;

import java.util.ArrayList;
import java.util.List;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.replication.ReplicationSql;
import liquibase.ext.fdw.secret.Secrets;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/**
 * Renders CREATE SUBSCRIPTION name CONNECTION '...' PUBLICATION ... [WITH (...)]; in SQL output (updateSQL) the
 * password inside the connection string is masked.
 */
public class CreateSubscriptionGenerator extends PostgresOnlyGenerator<CreateSubscriptionStatement> {

    @Override
    public ValidationErrors validate(CreateSubscriptionStatement statement, Database database,
            SqlGeneratorChain<CreateSubscriptionStatement> chain) {
        return new ValidationErrors().checkRequiredField("name", statement.getName())
                .checkRequiredField("publications", statement.getPublications().isEmpty() ? null : statement.getPublications());
    }

    @Override
    public Sql[] generateSql(CreateSubscriptionStatement s, Database database, SqlGeneratorChain<CreateSubscriptionStatement> chain) {
        String real = s.conninfo(null);
        // Secrets decides whether this SQL is executed or written out; written out, only the password is hidden.
        boolean masked = Secrets.MASK.equals(Secrets.literal(database, real));
        String connection = SqlLiterals.quote(masked ? s.conninfo(Secrets.MASK.substring(1, Secrets.MASK.length() - 1)) : real);
        StringBuilder sql = new StringBuilder("CREATE SUBSCRIPTION ").append(name(database, s.getName()))
                .append(" CONNECTION ").append(connection)
                .append(" PUBLICATION ").append(ReplicationSql.names(database, s.getPublications()));
        List<String> with = new ArrayList<>();
        for (FdwOption option : s.getOptions()) {
            with.add(option.getName() + " = " + SqlLiterals.quote(option.getValue()));
        }
        if (!with.isEmpty()) {
            sql.append(" WITH (").append(String.join(", ", with)).append(')');
        }
        return new Sql[] {new UnparsedSql(sql.toString())};
    }
}
