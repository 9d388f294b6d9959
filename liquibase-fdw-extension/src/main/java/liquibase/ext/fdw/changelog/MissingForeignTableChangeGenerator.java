package liquibase.ext.fdw.changelog;

import java.util.List;
import java.util.Map;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.change.ConstraintsConfig;
import liquibase.diff.output.changelog.MissingObjectChangeGenerator;
import liquibase.ext.fdw.change.createforeigntable.CreateForeignTableChange;
import liquibase.ext.fdw.change.createforeigntable.ForeignColumnConfig;
import liquibase.ext.fdw.snapshot.ForeignTable;
import liquibase.ext.fdw.snapshot.ForeignTableColumn;
import liquibase.ext.fdw.snapshot.Options;
import liquibase.ext.fdw.snapshot.Partition;
import liquibase.ext.fdw.snapshot.UserMapping;
import liquibase.structure.core.Table;

/**
 * Emits {@code fdw:createForeignTable} (columns, column_name as remoteColumnName, options) for a missing foreign
 * table, also for a partition with options or column options of its own: the partition generator attaches it
 * afterwards, so every column and option is kept. A foreign partition with none is left to the partition generator.
 */
public class MissingForeignTableChangeGenerator extends FdwChangeGenerator implements MissingObjectChangeGenerator {

    /** Answers for {@link ForeignTable}. */
    public MissingForeignTableChangeGenerator() {
        super(ForeignTable.class, PRIORITY_DATABASE, List.of(UserMapping.class, Table.class), List.of(Partition.class));
    }

    @Override
    public Change[] fixMissing(DatabaseObject missingObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        ForeignTable table = (ForeignTable) missingObject;
        if (Generators.isSimpleForeignPartition(table)) {
            return EMPTY_CHANGE;
        }
        CreateForeignTableChange change = new CreateForeignTableChange();
        change.setSchemaName(Generators.schema(control, referenceDatabase, table.getSchemaName()));
        change.setTableName(table.getName());
        change.setServerName(table.getServerName());
        Map<String, String> options = Options.asMap(table.getOptionsAsCreated());
        List<String> shorthands = Generators.shorthands(table.getOptionsAsCreated(), List.of("schema_name", "table_name"));
        change.setRemoteSchemaName(shorthands.contains("schema_name") ? options.get("schema_name") : null);
        change.setRemoteTableName(shorthands.contains("table_name") ? options.get("table_name") : null);
        change.setOptions(Generators.options(options, shorthands));
        for (ForeignTableColumn column : table.getColumnList()) {
            ForeignColumnConfig config = new ForeignColumnConfig();
            config.setName(column.name());
            config.setType(column.type());
            config.setRemoteColumnName(column.option("column_name"));
            if (column.notNull()) {
                config.setConstraints(new ConstraintsConfig().setNullable(false));
            }
            change.addColumn(config);
        }
        return new Change[] {change};
    }
}
