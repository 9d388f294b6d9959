package liquibase.ext.fdw.change.createrangepartitions;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.change.core.DropTableChange;
import liquibase.database.Database;
import liquibase.exception.RollbackImpossibleException;
import liquibase.exception.ValidationErrors;
import liquibase.exception.Warnings;
import liquibase.ext.fdw.change.AbstractFdwChange;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.change.createpartition.CreatePartitionStatement;
import liquibase.ext.fdw.change.dropforeigntable.DropForeignTableChange;
import liquibase.ext.fdw.option.FdwOption;
import liquibase.ext.fdw.partition.BoundItems;
import liquibase.ext.fdw.partition.DefaultPartitionRows;
import liquibase.ext.fdw.partition.MoveKey;
import liquibase.ext.fdw.partition.RestoreMovedRowsStatement;
import liquibase.ext.fdw.partition.PartitionBounds;
import liquibase.ext.fdw.partition.RangeSeries;
import liquibase.ext.fdw.partition.internal.ServerFacts;
import liquibase.ext.fdw.sql.Identifiers;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import liquibase.exception.UnexpectedLiquibaseException;
import liquibase.statement.SqlStatement;

/**
 * Creates a series of range partitions, one per interval between {@code from} and {@code to} (see {@link RangeSeries}
 * for the boundaries, alignment and names), named by {@code namePattern}; with {@code serverName} they are foreign
 * partitions whose remote tables follow {@code remoteNamePattern}. The key's type, the database's TimeZone and the
 * lock table's size are read from the server; a series that cannot be created in one transaction is refused before
 * any SQL runs. Rolls back by dropping exactly those partitions.
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
    private String timeZone;
    private Boolean align;

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

    @DatabaseChangeProperty(description = "Slice width: N minutes, hours, days, weeks, months, quarters or years (combined as"
            + " in '1 day 12 hours'), or a whole number for integer keys", exampleValue = "1 year")
    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = trimToNull(interval);
    }

    @DatabaseChangeProperty(description = "Partition names: {yyyy} {MM} {dd} {HH} {mm} of the slice start, {n}, {from}, {to};"
            + " default <tableName>_p<start> as pg_partman (YYYYMMDD, YYYYMMDD_HH24MISS below a day, or the number)",
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

    @DatabaseChangeProperty(description = "Time zone of the slices of a timestamptz key (default: the database's TimeZone setting)",
            exampleValue = "Europe/Oslo")
    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = trimToNull(timeZone);
    }

    @DatabaseChangeProperty(description = "Align the first slice to the interval's unit (month start, ISO Monday, multiple of"
            + " the number) as pg_partman does (default true)", exampleValue = "true")
    public Boolean getAlign() {
        return align;
    }

    public void setAlign(Boolean align) {
        this.align = align;
    }

    private String partitionSchema() {
        return partitionSchemaName != null ? partitionSchemaName : schemaName;
    }

    private String parent() {
        return Identifiers.quoted(schemaName, tableName);
    }

    private RangeSeries.Request request(Database database, String pattern, List<String> problems) {
        ZoneId zone = ZoneOffset.UTC;
        if (timeZone != null) {
            try {
                zone = ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                problems.add("timeZone '" + timeZone + "' is not a time zone; write a name such as Europe/Oslo or UTC.");
            }
        } else {
            ZoneId server = ServerFacts.defaultZone(database);
            zone = server != null ? server : ZoneOffset.UTC;
        }
        RangeSeries.KeyType type = tableName == null ? RangeSeries.KeyType.UNKNOWN : ServerFacts.keyType(database, parent());
        return new RangeSeries.Request(tableName, from, to, interval, pattern, zone, timeZone != null,
                !Boolean.FALSE.equals(align), type);
    }

    private List<RangeSeries.Slice> slices(Database database, List<String> problems) {
        RangeSeries.Request request = request(database, namePattern, problems);
        return problems.isEmpty() ? RangeSeries.slices(request, problems) : List.of();
    }

    private List<RangeSeries.Slice> remoteSlices(Database database, List<String> problems) {
        RangeSeries.Request request = request(database, remoteNamePattern != null ? remoteNamePattern : namePattern, problems);
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<String> remoteProblems = new ArrayList<>();
        List<RangeSeries.Slice> slices = RangeSeries.slices(request, remoteProblems);
        for (String problem : remoteProblems) {
            // RangeSeries knows one pattern; here it was the remote one.
            problems.add(remoteNamePattern == null ? problem : problem.replace("namePattern '", "remoteNamePattern '"));
        }
        return slices;
    }

    /**
     * The refusal of a series whose partitions, all created in one transaction, would not fit the server's lock table
     * (PostgreSQL would fail with "out of shared memory" late into the changeset); null when it fits or is unknown.
     */
    private String tooManyLocks(Database database, int slices, boolean parentKnown) {
        ServerFacts.LockTable table = ServerFacts.lockTable(database);
        if (table == null) {
            return null;
        }
        Long each = ServerFacts.locksPerPartition(database, parent(), serverName != null);
        if (each == null) {
            if (parentKnown) {
                return null;
            }
            each = 2L; // the least any partition takes: refuse only what cannot fit whatever the parent looks like
        }
        long needed = slices * each;
        if (needed <= table.size()) {
            return null;
        }
        long backends = table.maxConnections() + table.maxPreparedTransactions();
        return "the series creates " + slices + " partitions in one transaction, which takes about " + needed
                + " locks (" + each + " per partition), but the server's lock table holds max_locks_per_transaction ("
                + table.maxLocksPerTransaction() + ") x (max_connections (" + table.maxConnections()
                + ") + max_prepared_transactions (" + table.maxPreparedTransactions() + ")) = " + table.size()
                + "; split the range over changesets of at most " + table.size() / each
                + " slices, or raise max_locks_per_transaction to at least " + (needed + backends - 1) / backends
                + " (takes a server restart).";
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = inputErrors();
        require(errors, "tableName", tableName, "set tableName to the partitioned table");
        List<String> problems = new ArrayList<>();
        List<RangeSeries.Slice> slices = slices(database, problems);
        if (serverName == null) {
            rejectDoubleQuote(errors, "partitionSchemaName", partitionSchema());
            if (!slices.isEmpty() && namePattern != null) {
                rejectDoubleQuote(errors, "namePattern", namePattern);
            }
        }
        if (problems.isEmpty() && serverName != null) {
            remoteSlices(database, problems);
        }
        if (serverName == null && (remoteSchemaName != null || remoteNamePattern != null)) {
            problems.add("remoteSchemaName/remoteNamePattern need serverName; set serverName to the foreign server"
                    + " holding the partitions' rows, or remove them.");
        }
        if (problems.isEmpty() && tableName != null) {
            String locks = tooManyLocks(database, slices.size(), false);
            if (locks != null) {
                problems.add(locks);
            }
        }
        problems.forEach(problem -> errors.addError(ChangeMessages.format(this, problem)));
        return errors.hasErrors() ? errors : super.validate(database);
    }

    /** Liquibase asks for warnings by generating the statements; a series validation refuses has none to give. */
    @Override
    public Warnings warn(Database database) {
        List<String> problems = new ArrayList<>();
        List<RangeSeries.Slice> slices = slices(database, problems);
        return problems.isEmpty() && tooManyLocks(database, slices.size(), false) == null ? super.warn(database) : new Warnings();
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        List<String> problems = new ArrayList<>();
        List<RangeSeries.Slice> slices = slices(database, problems);
        List<RangeSeries.Slice> remote = serverName == null ? slices : remoteSlices(database, problems);
        if (problems.isEmpty()) {
            // The parent may have been created by an earlier changeset of this update, after validation ran.
            String locks = tooManyLocks(database, slices.size(), true);
            if (locks != null) {
                problems.add(locks);
            }
        }
        if (!problems.isEmpty()) {
            throw new UnexpectedLiquibaseException(ChangeMessages.format(this, String.join(" ", problems)));
        }
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
                    false, null, serverName, options, Boolean.TRUE.equals(moveRowsFromDefault), MoveKey.of(this),
                    ChangeMessages.location(this));
        }
        return statements;
    }

    /** A bound item holding a literal, whatever its text (see {@link BoundItems}). */
    private static String quoted(String literal) {
        return "'" + literal;
    }

    @Override
    public boolean supportsRollback(Database database) {
        return true;
    }

    /** Drops exactly the partitions of the series, last first; computed with the database, as the update was. */
    @Override
    public SqlStatement[] generateRollbackStatements(Database database) throws RollbackImpossibleException {
        List<RangeSeries.Slice> slices = slices(database, new ArrayList<>());
        List<SqlStatement> statements = new ArrayList<>();
        for (int i = slices.size() - 1; i >= 0; i--) {
            String name = slices.get(i).name();
            if (Boolean.TRUE.equals(moveRowsFromDefault)) {
                statements.add(new RestoreMovedRowsStatement(schemaName, tableName, partitionSchema(), name,
                        serverName != null ? DefaultPartitionRows.Ending.DROP_FOREIGN_TABLE : DefaultPartitionRows.Ending.DROP_TABLE,
                        MoveKey.of(this), ChangeMessages.location(this)));
            } else if (serverName != null) {
                DropForeignTableChange drop = new DropForeignTableChange();
                drop.setSchemaName(partitionSchema());
                drop.setTableName(name);
                statements.addAll(List.of(drop.generateStatements(database)));
            } else {
                DropTableChange drop = new DropTableChange();
                drop.setSchemaName(partitionSchema());
                drop.setTableName(name);
                statements.addAll(List.of(drop.generateStatements(database)));
            }
        }
        return statements.toArray(new SqlStatement[0]);
    }

    @Override
    public String getConfirmationMessage() {
        return "Partitions of " + tableName + " created";
    }
}
