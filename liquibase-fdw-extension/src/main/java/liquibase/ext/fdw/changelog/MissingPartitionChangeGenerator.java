package liquibase.ext.fdw.changelog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.diff.DiffResult;
import liquibase.diff.output.changelog.MissingObjectChangeGenerator;
import liquibase.diff.output.changelog.core.MissingDataChangeGenerator;
import liquibase.ext.fdw.change.AbstractBoundsChange;
import liquibase.ext.fdw.change.AbstractPartitionOfChange;
import liquibase.ext.fdw.change.attachdefaultpartition.AttachDefaultPartitionChange;
import liquibase.ext.fdw.change.attachhashpartition.AttachHashPartitionChange;
import liquibase.ext.fdw.change.attachlistpartition.AttachListPartitionChange;
import liquibase.ext.fdw.change.attachrangepartition.AttachRangePartitionChange;
import liquibase.ext.fdw.change.createpartition.CreatePartitionChange;
import liquibase.ext.fdw.changelog.internal.BoundText;
import liquibase.ext.fdw.snapshot.ForeignTable;
import liquibase.ext.fdw.snapshot.Options;
import liquibase.ext.fdw.snapshot.Partition;
import liquibase.structure.core.Data;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;

/**
 * Emits a missing partition with the bound PostgreSQL printed: {@code fdw:createPartition} for a local partition
 * (followed by its rows when data is exported: each row is read once, from its leaf partition, never through the
 * parent or a foreign partition) and for a foreign partition without options of its own ({@code serverName},
 * remote schema and table), and for a sub-partitioned one (with its own {@code partitionStrategy} and
 * {@code partitionKey}, after its parent when that is a partition too); an attach change for a partition created
 * before as a foreign table with options.
 */
public class MissingPartitionChangeGenerator extends FdwChangeGenerator implements MissingObjectChangeGenerator {

    /** Answers for {@link Partition}. */
    public MissingPartitionChangeGenerator() {
        super(Partition.class, PRIORITY_DATABASE, List.of(Table.class, ForeignTable.class), List.of(PrimaryKey.class, ForeignKey.class, Index.class, UniqueConstraint.class));
    }

    @Override
    public Change[] fixMissing(DatabaseObject missingObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        Partition partition = (Partition) missingObject;
        // Its sub-partitions look this up so as not to emit it again.
        control.setAlreadyHandledMissing(partition);
        BoundText bound = BoundText.parse(partition.getBound());
        String schema = Generators.schema(control, referenceDatabase, partition.getSchemaName());
        String parentSchema = Generators.schema(control, referenceDatabase, partition.getParentSchemaName());
        ForeignTable foreign = Boolean.TRUE.equals(partition.getForeign())
                ? Generators.referenceForeignTable(comparisonDatabase, partition.getSchemaName(), partition.getName()) : null;
        boolean simpleForeign = Generators.isSimpleForeignPartition(foreign);
        List<Change> changes = new ArrayList<>(parentFirst(partition, control, referenceDatabase, comparisonDatabase, chain));
        if (Boolean.TRUE.equals(partition.getForeign()) && !simpleForeign) {
            AbstractPartitionOfChange attach = switch (bound.kind()) {
                case "DEFAULT" -> new AttachDefaultPartitionChange();
                case "RANGE" -> new AttachRangePartitionChange();
                case "LIST" -> new AttachListPartitionChange();
                default -> new AttachHashPartitionChange();
            };
            attach.setSchemaName(parentSchema);
            attach.setTableName(partition.getParentTableName());
            attach.setPartitionSchemaName(schema);
            attach.setPartitionName(partition.getName());
            setBounds(attach, bound, false);
            changes.add(attach);
            return changes.toArray(new Change[0]);
        }
        CreatePartitionChange create = new CreatePartitionChange();
        create.setSchemaName(schema);
        create.setTableName(partition.getName());
        create.setParentSchemaName(parentSchema);
        create.setParentTableName(partition.getParentTableName());
        setBounds(create, bound, true);
        if (simpleForeign) {
            Map<String, String> options = Options.asMap(foreign.getOptionsAsCreated());
            create.setServerName(foreign.getServerName());
            create.setRemoteSchemaName(options.get("schema_name"));
            create.setRemoteTableName(options.get("table_name"));
            changes.add(create);
            return changes.toArray(new Change[0]);
        }
        changes.add(create);
        if (partition.getPartitionBy() != null) {
            // Sub-partitioned: its rows live in its own partitions, which export them.
            create.setPartitionStrategy(BoundText.strategy(partition.getPartitionBy()));
            create.setPartitionKey(String.join(", ", BoundText.keyItems(partition.getPartitionBy())));
        } else {
            changes.addAll(rows(partition, control, referenceDatabase, comparisonDatabase, chain));
        }
        return changes.toArray(new Change[0]);
    }

    /**
     * The changes of the parent when it is itself a missing partition not emitted yet (a sub-partitioned partition):
     * PARTITION OF needs the parent, whatever order the diff lists partitions in.
     */
    private List<Change> parentFirst(Partition partition, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        DiffResult diff = Generators.diffResult(comparisonDatabase);
        if (diff == null) {
            return List.of();
        }
        for (Partition parent : diff.getMissingObjects(Partition.class)) {
            if (parent.getName().equals(partition.getParentTableName())
                    && Objects.equals(parent.getSchemaName(), partition.getParentSchemaName())
                    && !control.alreadyHandledMissing(parent, referenceDatabase)) {
                return Arrays.asList(fixMissing(parent, control, referenceDatabase, comparisonDatabase, chain));
            }
        }
        return List.of();
    }

    private static void setBounds(AbstractBoundsChange change, BoundText bound, boolean withDefault) {
        change.setFrom(bound.from());
        change.setTo(bound.to());
        change.setValues(bound.values());
        change.setModulus(bound.modulus());
        change.setRemainder(bound.remainder());
        if (withDefault && bound.isDefault()) {
            change.setIsDefault(true);
        }
    }

    private static List<Change> rows(Partition partition, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        DiffResult diff = Generators.diffResult(comparisonDatabase);
        if (diff == null || !diff.getReferenceSnapshot().getSnapshotControl().shouldInclude(Data.class)) {
            return List.of();
        }
        Table table = Generators.referenceTable(comparisonDatabase, partition.getSchemaName(), partition.getName());
        if (table == null) {
            return List.of();
        }
        Change[] rows = new MissingDataChangeGenerator().fixMissing(new Data().setTable(table), control,
                referenceDatabase, comparisonDatabase, chain);
        return rows == null ? List.of() : Arrays.asList(rows);
    }
}
