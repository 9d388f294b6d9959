package liquibase.ext.fdw.changelog;

import java.util.List;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.diff.output.changelog.UnexpectedObjectChangeGenerator;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.ext.fdw.change.dropforeigntable.DropForeignTableChange;
import liquibase.diff.DiffResult;
import liquibase.ext.fdw.snapshot.ForeignTable;
import liquibase.ext.fdw.snapshot.Partition;
import liquibase.ext.fdw.snapshot.UserMapping;
import liquibase.structure.core.Table;

/** Emits {@code fdw:dropForeignTable} for an unexpected foreign table that is not a partition (a foreign partition is dropped with its partitioned table when that goes too). */
public class UnexpectedForeignTableChangeGenerator extends FdwChangeGenerator implements UnexpectedObjectChangeGenerator {

    /** Answers for {@link ForeignTable}. */
    public UnexpectedForeignTableChangeGenerator() {
        super(ForeignTable.class, PRIORITY_DATABASE, List.of(Table.class), List.of(UserMapping.class));
    }

    @Override
    public Change[] fixUnexpected(DatabaseObject unexpectedObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        ForeignTable table = (ForeignTable) unexpectedObject;
        if (Boolean.TRUE.equals(table.getPartition()) && parentGoesToo(table, comparisonDatabase)) {
            // A foreign partition goes with its partitioned table (DROP TABLE ... CASCADE).
            return null;
        }
        DropForeignTableChange change = new DropForeignTableChange();
        change.setSchemaName(Generators.schema(control, comparisonDatabase, table.getSchemaName()));
        change.setTableName(table.getName());
        return new Change[] {change};
    }

    private static boolean parentGoesToo(ForeignTable table, Database comparisonDatabase) {
        DiffResult diff = Generators.diffResult(comparisonDatabase);
        if (diff == null) {
            return true;
        }
        Partition example = new Partition();
        example.setName(table.getName());
        example.setSchemaName(table.getSchemaName());
        Partition partition = diff.getComparisonSnapshot().get(example);
        return partition == null
                || Generators.parentGoesToo(comparisonDatabase, partition.getParentSchemaName(), partition.getParentTableName());
    }
}
