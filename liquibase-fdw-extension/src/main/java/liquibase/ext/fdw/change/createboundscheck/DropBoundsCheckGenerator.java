package liquibase.ext.fdw.change.createboundscheck;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders ALTER TABLE ... DROP CONSTRAINT for the rollback of createBoundsCheck. */
public class DropBoundsCheckGenerator extends PostgresOnlyGenerator<DropBoundsCheckStatement> {

    @Override
    public ValidationErrors validate(DropBoundsCheckStatement statement, Database database,
            SqlGeneratorChain<DropBoundsCheckStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName())
                .checkRequiredField("constraintName", statement.getConstraintName());
    }

    @Override
    public Sql[] generateSql(DropBoundsCheckStatement s, Database database, SqlGeneratorChain<DropBoundsCheckStatement> chain) {
        return new Sql[] {new UnparsedSql("ALTER TABLE " + qualified(database, s.getSchemaName(), s.getTableName())
                + " DROP CONSTRAINT " + name(database, s.getConstraintName()))};
    }
}
