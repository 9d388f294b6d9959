package liquibase.ext.fdw.change.createboundscheck;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.createboundscheck.internal.PartitionConstraint;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders ALTER TABLE ... ADD CONSTRAINT ... CHECK with PostgreSQL's partition constraint for the bound. */
public class CreateBoundsCheckGenerator extends PostgresOnlyGenerator<CreateBoundsCheckStatement> {

    @Override
    public ValidationErrors validate(CreateBoundsCheckStatement statement, Database database,
            SqlGeneratorChain<CreateBoundsCheckStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName())
                .checkRequiredField("constraintName", statement.getConstraintName())
                .checkRequiredField("bounds", statement.getBounds());
    }

    @Override
    public Sql[] generateSql(CreateBoundsCheckStatement s, Database database, SqlGeneratorChain<CreateBoundsCheckStatement> chain) {
        String check = PartitionConstraint.of(s.getColumnNames().stream().map(c -> name(database, c)).toList(), s.getBounds());
        return new Sql[] {new UnparsedSql("ALTER TABLE " + qualified(database, s.getSchemaName(), s.getTableName())
                + " ADD CONSTRAINT " + name(database, s.getConstraintName()) + " CHECK (" + check + ")")};
    }
}
