package liquibase.ext.fdw.change.createboundscheck;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.partition.PartitionBounds;
import liquibase.ext.fdw.partition.internal.BoundCheck;
import liquibase.ext.fdw.partition.internal.BoundProbe;
import liquibase.ext.fdw.sql.Identifiers;
import liquibase.statement.SqlStatement;

/**
 * Adds to a shard's table the CHECK constraint that PostgreSQL would enforce on a partition with the same bound, so
 * that an UPDATE of the key through the coordinator's foreign partition cannot leave a row in the wrong shard. Rolls
 * back with DROP CONSTRAINT.
 */
@DatabaseChange(name = "createBoundsCheck", description = "Adds a CHECK constraint equal to a partition bound's constraint"
        + " (ALTER TABLE ... ADD CONSTRAINT ... CHECK)", priority = ChangeMetaData.PRIORITY_DEFAULT)
public class CreateBoundsCheckChange extends AbstractFdwChange {
    private String schemaName;
    private String tableName;
    private String columnNames;
    private String from;
    private String to;
    private String values;
    private String constraintName;

    @DatabaseChangeProperty(description = "Schema of the table", exampleValue = "box2_schema")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = trimToNull(schemaName);
    }

    @DatabaseChangeProperty(description = "The shard's table that holds one partition's rows", exampleValue = "temperatures_2016")
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = trimToNull(tableName);
    }

    @DatabaseChangeProperty(description = "The partition key columns, comma-separated, in the parent's key order",
            exampleValue = "reading_date")
    public String getColumnNames() {
        return columnNames;
    }

    public void setColumnNames(String columnNames) {
        this.columnNames = trimToNull(columnNames);
    }

    @DatabaseChangeProperty(description = "Range lower bound (inclusive), one item per key column: literal, MINVALUE or MAXVALUE",
            exampleValue = "2016-01-01")
    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = trimToNull(from);
    }

    @DatabaseChangeProperty(description = "Range upper bound (exclusive), one item per key column", exampleValue = "2017-01-01")
    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = trimToNull(to);
    }

    @DatabaseChangeProperty(description = "List partition values, comma-separated; quote items holding commas: 'a,b'",
            exampleValue = "Oslo, Bergen")
    public String getValues() {
        return values;
    }

    public void setValues(String values) {
        this.values = trimToNull(values);
    }

    @DatabaseChangeProperty(description = "Name of the constraint (default: <tableName>_fdw_bounds)",
            exampleValue = "temperatures_2016_fdw_bounds")
    public String getConstraintName() {
        return constraintName;
    }

    public void setConstraintName(String constraintName) {
        this.constraintName = trimToNull(constraintName);
    }

    /** The constraint's name: {@code constraintName}, else {@code <tableName>_fdw_bounds}. */
    public String effectiveConstraintName() {
        return constraintName != null ? constraintName : tableName + "_fdw_bounds";
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", tableName, "set tableName to the shard's table that holds the partition's rows");
        require(errors, "columnNames", columnNames, "set columnNames to the partition key columns, e.g. columnNames=\"reading_date\"");
        if (constraintName == null && tableName != null) {
            String tooLong = Identifiers.tooLong("the default constraint name (tableName + '_fdw_bounds'; set"
                    + " constraintName to choose another)", effectiveConstraintName());
            if (tooLong != null) {
                errors.addError(ChangeMessages.format(this, tooLong));
            }
        }
        List<String> columns = columns(errors);
        PartitionBounds bounds = bounds(errors);
        if (columns != null && bounds != null) {
            int items = bounds.kind() == PartitionBounds.Kind.RANGE ? bounds.from().size() : 1;
            if (columns.size() != items) {
                errors.addError(ChangeMessages.format(this, bounds.kind() == PartitionBounds.Kind.RANGE
                        ? "columnNames has " + columns.size() + " column(s) (" + String.join(", ", columns) + ") and from/to have "
                                + items + " item(s); give one bound item per key column, in the parent's key order."
                        : "columnNames has " + columns.size() + " columns (" + String.join(", ", columns) + ") but a list"
                                + " bound (values) has exactly one key column; name that one column."));
            } else {
                keyTypeProblem(database, columns, bounds, errors);
            }
        }
        return errors.hasErrors() ? errors : super.validate(database);
    }

    /**
     * Where the shard's table exists, PostgreSQL orders the range and parses each literal in its key columns' types (a
     * partitioned twin of those columns takes the bound): an empty range would make a CHECK that refuses every row.
     */
    private void keyTypeProblem(Database database, List<String> columns, PartitionBounds bounds, ValidationErrors errors) {
        String table = Identifiers.quoted(schemaName, tableName);
        StringBuilder key = new StringBuilder();
        for (String column : columns) {
            key.append(key.length() == 0 ? "" : ", ").append(Identifiers.quoted(column));
        }
        String strategy = bounds.kind() == PartitionBounds.Kind.RANGE ? "RANGE" : "LIST";
        String problem = BoundCheck.problem(database, schemaName, tableName, bounds, db -> BoundProbe.tableExists(db, schemaName,
                tableName) ? new BoundCheck.TwinSource.Definition("LIKE " + table, "PARTITION BY " + strategy + " (" + key
                        + ")") : null);
        if (problem != null) {
            errors.addError(ChangeMessages.format(this, problem));
        }
    }

    private List<String> columns(ValidationErrors errors) {
        if (columnNames == null) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        for (String part : columnNames.split(",", -1)) {
            String column = part.trim();
            if (column.isEmpty()) {
                errors.addError(ChangeMessages.format(this, "attribute 'columnNames' is \"" + columnNames + "\", which holds"
                        + " an empty column name; separate the key columns by single commas."));
                return null;
            }
            columns.add(column);
        }
        return columns;
    }

    private PartitionBounds bounds(ValidationErrors errors) {
        if (from == null && to == null && values == null) {
            errors.addError(ChangeMessages.format(this, "no bound; set from and to (a range partition's bound) or values"
                    + " (a list partition's), the same as on the coordinator's partition."));
            return null;
        }
        List<String> problems = new ArrayList<>();
        PartitionBounds bounds = PartitionBounds.of(from, to, values, null, null, null, null, problems);
        problems.forEach(problem -> errors.addError(ChangeMessages.format(this, problem)));
        return bounds;
    }

    private List<String> columns() {
        return columns(new ValidationErrors());
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return new SqlStatement[] {new CreateBoundsCheckStatement(schemaName, tableName, effectiveConstraintName(), columns(),
                PartitionBounds.of(from, to, values, null, null, null, null, new ArrayList<>()))};
    }

    @Override
    public boolean supportsRollback(Database database) {
        return true;
    }

    @Override
    public SqlStatement[] generateRollbackStatements(Database database) {
        return new SqlStatement[] {new DropBoundsCheckStatement(schemaName, tableName, effectiveConstraintName())};
    }

    @Override
    public String getConfirmationMessage() {
        return "Bounds check " + effectiveConstraintName() + " added to " + tableName;
    }
}
