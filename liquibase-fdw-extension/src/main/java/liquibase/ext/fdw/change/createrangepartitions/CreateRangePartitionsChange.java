package liquibase.ext.fdw.change.createrangepartitions;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.change.core.DropTableChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.change.createpartition.CreatePartitionStatement;
import liquibase.ext.fdw.change.dropforeigntable.DropForeignTableChange;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.partition.BoundItems;
import liquibase.ext.fdw.partition.DefaultPartitionRows;
import liquibase.ext.fdw.partition.PartitionBounds;
import liquibase.ext.fdw.partition.RangeSeries;
import liquibase.statement.SqlStatement;

/**
 * Creates a series of range partitions, one per interval between {@code from} and {@code to}, named by
 * {@code namePattern}; with {@code serverName} they are foreign partitions whose remote tables follow
 * {@code remoteNamePattern}. Rolls back by dropping exactly those partitions.
 */
@DatabaseChange(name = "createRangePartitions", description = "Creates one range partition per interval (CREATE TABLE ... PARTITION OF, repeated)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class CreateRangePartitionsChange extends AbstractFdwChange {
    private String schemaName;
    private String tableName;
    private String partitionSchemaName;
    private String from;
    private String to;
    private String interval;
    private String namePattern;
    private String serverName;
    private String remoteSchemaName;
    private String remoteNamePattern;
    private Boolean moveRowsFromDefault;

    @DatabaseChangeProperty(description = "Schema of the partitioned table", exampleValue = "box1_schema")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = trimToNull(schemaName);
    }

    @DatabaseChangeProperty(description = "The partitioned (parent) table", exampleValue = "temperatures")
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = trimToNull(tableName);
    }

    @DatabaseChangeProperty(description = "Schema of the new partitions (default: schemaName)", exampleValue = "box1_schema")
    public String getPartitionSchemaName() {
        return partitionSchemaName;
    }

    public void setPartitionSchemaName(String partitionSchemaName) {
        this.partitionSchemaName = trimToNull(partitionSchemaName);
    }

    @DatabaseChangeProperty(description = "Start of the first slice (date, timestamp or whole number)", exampleValue = "2018-01-01")
    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = trimToNull(from);
    }

    @DatabaseChangeProperty(description = "End of the last slice (exclusive)", exampleValue = "2021-01-01")
    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = trimToNull(to);
    }

    @DatabaseChangeProperty(description = "Slice width: N years, months, days or hours, or a whole number for integer keys",
            exampleValue = "1 year")
    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = trimToNull(interval);
    }

    @DatabaseChangeProperty(description = "Partition names: {yyyy} {MM} {dd} {HH} {mm} of the slice start, {n}, {from}, {to}",
            exampleValue = "temperatures_{yyyy}")
    public String getNamePattern() {
        return namePattern;
    }

    public void setNamePattern(String namePattern) {
        this.namePattern = trimToNull(namePattern);
    }

    @DatabaseChangeProperty(description = "Foreign server: create foreign partitions on it", exampleValue = "box2")
    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = trimToNull(serverName);
    }

    @DatabaseChangeProperty(description = "Remote schema of foreign partitions", exampleValue = "box2_schema")
    public String getRemoteSchemaName() {
        return remoteSchemaName;
    }

    public void setRemoteSchemaName(String remoteSchemaName) {
        this.remoteSchemaName = trimToNull(remoteSchemaName);
    }

    @DatabaseChangeProperty(description = "Remote table names of foreign partitions (default: namePattern), same placeholders",
            exampleValue = "temperatures_{yyyy}")
    public String getRemoteNamePattern() {
        return remoteNamePattern;
    }

    public void setRemoteNamePattern(String remoteNamePattern) {
        this.remoteNamePattern = trimToNull(remoteNamePattern);
    }

    @DatabaseChangeProperty(description = "Move rows of each slice out of the DEFAULT partition in the same transaction",
            exampleValue = "true")
    public Boolean getMoveRowsFromDefault() {
        return moveRowsFromDefault;
    }

    public void setMoveRowsFromDefault(Boolean moveRowsFromDefault) {
        this.moveRowsFromDefault = moveRowsFromDefault;
    }

    private String partitionSchema() {
        return partitionSchemaName != null ? partitionSchemaName : schemaName;
    }

    private List<RangeSeries.Slice> slices(List<String> problems) {
        return RangeSeries.slices(from, to, interval, namePattern, problems);
    }

    private List<RangeSeries.Slice> remoteSlices(List<String> problems) {
        return RangeSeries.slices(from, to, interval, remoteNamePattern != null ? remoteNamePattern : namePattern, problems);
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", tableName, "set tableName to the partitioned table");
        List<String> problems = new ArrayList<>();
        List<RangeSeries.Slice> slices = slices(problems);
        if (serverName == null) {
            rejectDoubleQuote(errors, "partitionSchemaName", partitionSchema());
            if (!slices.isEmpty()) {
                rejectDoubleQuote(errors, "namePattern", namePattern);
            }
        }
        if (problems.isEmpty() && serverName != null) {
            remoteSlices(problems);
        }
        if (serverName == null && (remoteSchemaName != null || remoteNamePattern != null)) {
            problems.add("remoteSchemaName/remoteNamePattern need serverName; set serverName to the foreign server"
                    + " holding the partitions' rows, or remove them.");
        }
        problems.forEach(problem -> errors.addError(ChangeMessages.format(this, problem)));
        return errors.hasErrors() ? errors : super.validate(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        List<RangeSeries.Slice> slices = slices(new ArrayList<>());
        List<RangeSeries.Slice> remote = serverName == null ? slices : remoteSlices(new ArrayList<>());
        SqlStatement[] statements = new SqlStatement[slices.size()];
        for (int i = 0; i < slices.size(); i++) {
            RangeSeries.Slice slice = slices.get(i);
            List<FdwOption> options = new ArrayList<>();
            if (serverName != null) {
                if (remoteSchemaName != null) {
                    options.add(new FdwOption("schema_name", remoteSchemaName));
                }
                options.add(new FdwOption("table_name", remote.get(i).name()));
            }
            PartitionBounds bounds = PartitionBounds.range(List.of(quoted(slice.from())), List.of(quoted(slice.to())));
            statements[i] = new CreatePartitionStatement(partitionSchema(), slice.name(), schemaName, tableName, bounds,
                    false, null, serverName, options, Boolean.TRUE.equals(moveRowsFromDefault), ChangeMessages.location(this));
        }
        return statements;
    }

    /** A bound item holding a literal, whatever its text (see {@link BoundItems}). */
    private static String quoted(String literal) {
        return "'" + literal;
    }

    @Override
    protected Change[] createInverses() {
        List<RangeSeries.Slice> slices = slices(new ArrayList<>());
        Change[] drops = new Change[slices.size()];
        for (int i = 0; i < slices.size(); i++) {
            String name = slices.get(slices.size() - 1 - i).name();
            if (Boolean.TRUE.equals(moveRowsFromDefault)) {
                drops[i] = DefaultPartitionRows.rollback(schemaName, tableName, partitionSchema(), name, serverName != null);
            } else if (serverName != null) {
                DropForeignTableChange drop = new DropForeignTableChange();
                drop.setSchemaName(partitionSchema());
                drop.setTableName(name);
                drops[i] = drop;
            } else {
                DropTableChange drop = new DropTableChange();
                drop.setSchemaName(partitionSchema());
                drop.setTableName(name);
                drops[i] = drop;
            }
        }
        return drops;
    }

    @Override
    public String getConfirmationMessage() {
        return slices(new ArrayList<>()).size() + " partitions of " + tableName + " created";
    }
}
