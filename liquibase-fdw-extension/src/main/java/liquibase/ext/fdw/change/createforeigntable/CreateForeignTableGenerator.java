package liquibase.ext.fdw.change.createforeigntable;

import liquibase.database.Database;
import liquibase.datatype.DataTypeFactory;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.option.FdwOptions;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.statement.DatabaseFunction;

/** Renders CREATE FOREIGN TABLE ... (columns) SERVER ... OPTIONS (...), with column types as core createTable does. */
public class CreateForeignTableGenerator extends PostgresOnlyGenerator<CreateForeignTableStatement> {

    @Override
    public ValidationErrors validate(CreateForeignTableStatement statement, Database database,
            SqlGeneratorChain<CreateForeignTableStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName())
                .checkRequiredField("serverName", statement.getServerName());
    }

    @Override
    public Sql[] generateSql(CreateForeignTableStatement s, Database database,
            SqlGeneratorChain<CreateForeignTableStatement> chain) {
        StringBuilder sql = new StringBuilder("CREATE FOREIGN TABLE ");
        if (s.isIfNotExists()) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(qualified(database, s.getSchemaName(), s.getTableName())).append(" (");
        for (int i = 0; i < s.getColumns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(column(database, s.getColumns().get(i)));
        }
        sql.append(") SERVER ").append(name(database, s.getServerName()));
        sql.append(FdwOptions.clause(s.getOptions(), database));
        return new Sql[] {new UnparsedSql(sql.toString())};
    }

    private static String column(Database database, ForeignColumn column) {
        StringBuilder sql = new StringBuilder(name(database, column.name())).append(' ')
                .append(DataTypeFactory.getInstance().fromDescription(column.type(), database).toDatabaseDataType(database))
                .append(FdwOptions.clause(column.options(), database));
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        Object value = column.defaultValue();
        if (value instanceof DatabaseFunction function) {
            sql.append(" DEFAULT ").append(database.generateDatabaseFunctionValue(function));
        } else if (value != null) {
            sql.append(" DEFAULT ").append(DataTypeFactory.getInstance().fromDescription(column.type(), database)
                    .objectToSql(value, database));
        }
        return sql.toString();
    }
}
