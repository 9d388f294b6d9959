package liquibase.ext.fdw.change.createpartitionedtable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.database.Database;
import liquibase.datatype.DatabaseDataType;
import liquibase.datatype.LiquibaseDataType;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.partition.PartitionKey;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.statement.AutoIncrementConstraint;
import liquibase.statement.DatabaseFunction;
import liquibase.statement.ForeignKeyConstraint;
import liquibase.statement.NotNullConstraint;
import liquibase.statement.PrimaryKeyConstraint;
import liquibase.statement.UniqueConstraint;
import liquibase.statement.core.CreateTableStatement;
import liquibase.structure.core.Table;
import liquibase.ext.fdw.sql.Identifiers;

/**
 * Renders {@code CREATE TABLE ... (columns, constraints) PARTITION BY ... [TABLESPACE ...]} from the statement's
 * parts: types through Liquibase's data types, defaults through the column type's literal rendering, every name
 * through the database's quoting. No other generator's SQL is edited.
 */
public class CreatePartitionedTableGenerator extends PostgresOnlyGenerator<CreatePartitionedTableStatement> {

    @Override
    public ValidationErrors validate(CreatePartitionedTableStatement statement, Database database,
            SqlGeneratorChain<CreatePartitionedTableStatement> chain) {
        ValidationErrors errors = new ValidationErrors();
        errors.checkRequiredField("tableName", statement.getCreateTable().getTableName());
        errors.checkRequiredField("columns", statement.getCreateTable().getColumns());
        return errors;
    }

    @Override
    public Sql[] generateSql(CreatePartitionedTableStatement s, Database database,
            SqlGeneratorChain<CreatePartitionedTableStatement> chain) {
        CreateTableStatement t = s.getCreateTable();
        StringBuilder sql = new StringBuilder("CREATE TABLE ");
        if (t.isIfNotExists()) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(database.escapeTableName(t.getCatalogName(), t.getSchemaName(), t.getTableName())).append(" (");
        List<String> parts = new ArrayList<>(columnDefinitions(t, database, true));
        parts.addAll(constraints(t, database));
        sql.append(String.join(", ", parts)).append(") ");
        sql.append(PartitionKey.clause(s.getPartitionStrategy(), s.getPartitionKey(), database));
        if (s.getTablespace() != null) {
            sql.append(" TABLESPACE ").append(Identifiers.quote(database, s.getTablespace()));
        }
        return new Sql[] {new UnparsedSql(sql.toString(), new Table().setName(t.getTableName()))};
    }

    /**
     * One definition per column: name and type, and with {@code full} also the default, identity and NOT NULL.
     */
    public static List<String> columnDefinitions(CreateTableStatement t, Database database, boolean full) {
        Map<String, AutoIncrementConstraint> autoIncrement = new LinkedHashMap<>();
        for (AutoIncrementConstraint constraint : t.getAutoIncrementConstraints()) {
            autoIncrement.put(constraint.getColumnName(), constraint);
        }
        List<String> definitions = new ArrayList<>();
        for (String column : t.getColumns()) {
            LiquibaseDataType type = t.getColumnTypes().get(column);
            DatabaseDataType databaseType = type == null ? null : type.toDatabaseDataType(database);
            StringBuilder definition = new StringBuilder(
                    database.escapeColumnName(t.getCatalogName(), t.getSchemaName(), t.getTableName(), column, !t.isComputed(column)));
            if (databaseType != null) {
                definition.append(' ').append(databaseType);
            }
            if (full) {
                Object defaultValue = t.getDefaultValue(column);
                if (defaultValue != null && (databaseType == null || !databaseType.isAutoIncrement())) {
                    definition.append(" DEFAULT ").append(defaultValue instanceof DatabaseFunction function
                            ? database.generateDatabaseFunctionValue(function) : type.objectToSql(defaultValue, database));
                }
                AutoIncrementConstraint identity = autoIncrement.get(column);
                boolean serial = databaseType != null && databaseType.toString().toLowerCase().endsWith("serial");
                if (identity != null && !serial) {
                    String clause = database.getAutoIncrementClause(identity.getStartWith(), identity.getIncrementBy(),
                            identity.getGenerationType(), identity.getDefaultOnNull());
                    if (!clause.isEmpty()) {
                        definition.append(' ').append(clause);
                    }
                }
                NotNullConstraint notNull = t.getNotNullColumns().get(column);
                if (notNull != null) {
                    if (notNull.getConstraintName() != null && !notNull.getConstraintName().isBlank()) {
                        definition.append(" CONSTRAINT ").append(database.escapeConstraintName(notNull.getConstraintName()));
                    }
                    definition.append(" NOT NULL");
                }
            }
            definitions.add(definition.toString());
        }
        return definitions;
    }

    private static List<String> constraints(CreateTableStatement t, Database database) {
        List<String> constraints = new ArrayList<>();
        PrimaryKeyConstraint pk = t.getPrimaryKeyConstraint();
        if (pk != null && !pk.getColumns().isEmpty()) {
            String name = pk.getConstraintName() != null && !pk.getConstraintName().isBlank() ? pk.getConstraintName()
                    : database.generatePrimaryKeyName(t.getTableName());
            StringBuilder c = new StringBuilder();
            if (name != null) {
                c.append("CONSTRAINT ").append(database.escapeConstraintName(name)).append(' ');
            }
            c.append("PRIMARY KEY (").append(columnList(t, pk.getColumns(), database)).append(')');
            if (pk.getTablespace() != null && !pk.getTablespace().isBlank()) {
                c.append(" USING INDEX TABLESPACE ").append(Identifiers.quote(database, pk.getTablespace()));
            }
            deferrable(c, pk.isDeferrable(), pk.isInitiallyDeferred());
            constraints.add(c.toString());
        }
        for (ForeignKeyConstraint fk : t.getForeignKeyConstraints()) {
            StringBuilder c = new StringBuilder("CONSTRAINT ").append(database.escapeConstraintName(fk.getForeignKeyName()))
                    .append(" FOREIGN KEY (").append(columnList(t, List.of(fk.getColumn()), database)).append(") REFERENCES ");
            if (fk.getReferences() != null) {
                c.append(fk.getReferences()); // core's references="table(column)" form: SQL written by the author
            } else {
                c.append(database.escapeObjectName(fk.getReferencedTableCatalogName(), fk.getReferencedTableSchemaName(),
                        fk.getReferencedTableName(), Table.class)).append(" (")
                        .append(database.escapeColumnNameList(fk.getReferencedColumnNames())).append(')');
            }
            if (fk.isDeleteCascade()) {
                c.append(" ON DELETE CASCADE");
            }
            deferrable(c, fk.isDeferrable(), fk.isInitiallyDeferred());
            constraints.add(c.toString());
        }
        Map<String, List<String>> named = new LinkedHashMap<>();
        for (UniqueConstraint unique : t.getUniqueConstraints()) {
            if (unique.getConstraintName() == null) {
                constraints.add("UNIQUE (" + columnList(t, unique.getColumns(), database) + ")");
            } else {
                // core gives one constraint per column; columns sharing a name form one constraint, as in createTable
                named.computeIfAbsent(unique.getConstraintName(), k -> new ArrayList<>()).addAll(unique.getColumns());
            }
        }
        named.forEach((name, columns) -> constraints.add("CONSTRAINT " + database.escapeConstraintName(name) + " UNIQUE ("
                + columnList(t, columns, database) + ")"));
        return constraints;
    }

    private static void deferrable(StringBuilder c, boolean deferrable, boolean initiallyDeferred) {
        if (deferrable) {
            c.append(" DEFERRABLE");
        }
        if (initiallyDeferred) {
            c.append(" INITIALLY DEFERRED");
        }
    }

    private static String columnList(CreateTableStatement t, List<String> columns, Database database) {
        List<String> escaped = new ArrayList<>();
        for (String column : columns) {
            escaped.add(database.escapeColumnName(t.getCatalogName(), t.getSchemaName(), t.getTableName(), column.trim()));
        }
        return String.join(", ", escaped);
    }
}
