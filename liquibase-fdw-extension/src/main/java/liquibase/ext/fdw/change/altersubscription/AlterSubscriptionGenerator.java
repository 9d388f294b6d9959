package liquibase.ext.fdw.change.altersubscription;

import java.util.ArrayList;
import java.util.List;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.replication.ReplicationSql;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders ALTER SUBSCRIPTION name {ENABLE | DISABLE | SET PUBLICATION ... | SET (...)}. */
public class AlterSubscriptionGenerator extends PostgresOnlyGenerator<AlterSubscriptionStatement> {

    @Override
    public ValidationErrors validate(AlterSubscriptionStatement statement, Database database,
            SqlGeneratorChain<AlterSubscriptionStatement> chain) {
        return new ValidationErrors().checkRequiredField("name", statement.getName());
    }

    @Override
    public Sql[] generateSql(AlterSubscriptionStatement s, Database database, SqlGeneratorChain<AlterSubscriptionStatement> chain) {
        String head = "ALTER SUBSCRIPTION " + name(database, s.getName());
        List<String> set = new ArrayList<>();
        for (FdwOption option : s.getOptions()) {
            set.add(option.getName() + " = " + SqlLiterals.quote(option.getValue()));
        }
        return new Sql[] {new UnparsedSql(switch (s.getAction()) {
            case ENABLE -> head + " ENABLE";
            case DISABLE -> head + " DISABLE";
            case SET_PUBLICATION -> head + " SET PUBLICATION " + ReplicationSql.names(database, s.getPublications());
            case SET_OPTIONS -> head + " SET (" + String.join(", ", set) + ")";
        })};
    }
}
