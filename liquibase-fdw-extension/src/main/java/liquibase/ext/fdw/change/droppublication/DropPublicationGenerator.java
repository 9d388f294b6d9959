package liquibase.ext.fdw.change.droppublication;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders DROP PUBLICATION [IF EXISTS] name. */
public class DropPublicationGenerator extends PostgresOnlyGenerator<DropPublicationStatement> {

    @Override
    public ValidationErrors validate(DropPublicationStatement statement, Database database,
            SqlGeneratorChain<DropPublicationStatement> chain) {
        return new ValidationErrors().checkRequiredField("name", statement.getName());
    }

    @Override
    public Sql[] generateSql(DropPublicationStatement s, Database database, SqlGeneratorChain<DropPublicationStatement> chain) {
        return new Sql[] {new UnparsedSql("DROP PUBLICATION " + (s.isIfExists() ? "IF EXISTS " : "") + name(database, s.getName()))};
    }
}
