package liquibase.ext.fdw.change.dropsubscription;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders DROP SUBSCRIPTION [IF EXISTS] name (which also drops its slot on the publisher). */
public class DropSubscriptionGenerator extends PostgresOnlyGenerator<DropSubscriptionStatement> {

    @Override
    public ValidationErrors validate(DropSubscriptionStatement statement, Database database,
            SqlGeneratorChain<DropSubscriptionStatement> chain) {
        return new ValidationErrors().checkRequiredField("name", statement.getName());
    }

    @Override
    public Sql[] generateSql(DropSubscriptionStatement s, Database database, SqlGeneratorChain<DropSubscriptionStatement> chain) {
        return new Sql[] {new UnparsedSql("DROP SUBSCRIPTION " + (s.isIfExists() ? "IF EXISTS " : "") + name(database, s.getName()))};
    }
}
