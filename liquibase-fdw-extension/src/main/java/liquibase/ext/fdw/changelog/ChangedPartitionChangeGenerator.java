package liquibase.ext.fdw.changelog;

import java.util.List;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.Difference;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.diff.output.changelog.ChangedObjectChangeGenerator;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.ext.fdw.change.AbstractPartitionOfChange;
import liquibase.ext.fdw.change.attachdefaultpartition.AttachDefaultPartitionChange;
import liquibase.ext.fdw.change.attachhashpartition.AttachHashPartitionChange;
import liquibase.ext.fdw.change.attachlistpartition.AttachListPartitionChange;
import liquibase.ext.fdw.change.attachrangepartition.AttachRangePartitionChange;
import liquibase.ext.fdw.change.detachpartition.DetachPartitionChange;
import liquibase.ext.fdw.changelog.internal.BoundText;
import liquibase.ext.fdw.snapshot.Partition;

/**
 * A partition whose bound or parent differs is detached (with its current bound, so the change rolls back) and
 * attached again with the reference's bound. A partition that is local on one side and foreign on the other cannot
 * be altered and is only reported by the diff.
 */
public class ChangedPartitionChangeGenerator extends FdwChangeGenerator implements ChangedObjectChangeGenerator {

    /** Answers for {@link Partition}. */
    public ChangedPartitionChangeGenerator() {
        super(Partition.class, PRIORITY_DATABASE, List.of(), List.of());
    }

    @Override
    public Change[] fixChanged(DatabaseObject changedObject, ObjectDifferences differences, DiffOutputControl control,
            Database referenceDatabase, Database comparisonDatabase, ChangeGeneratorChain chain) {
        if (!differences.isDifferent("bound") && !differences.isDifferent("parentTableName")
                && !differences.isDifferent("parentSchemaName") || differences.isDifferent("foreign")) {
            return null;
        }
        Partition partition = (Partition) changedObject;
        String schema = Generators.schema(control, referenceDatabase, partition.getSchemaName());
        DetachPartitionChange detach = new DetachPartitionChange();
        detach.setSchemaName(Generators.schema(control, referenceDatabase, compared(differences, "parentSchemaName",
                partition.getParentSchemaName())));
        detach.setTableName(compared(differences, "parentTableName", partition.getParentTableName()));
        detach.setPartitionSchemaName(schema);
        detach.setPartitionName(partition.getName());
        BoundText old = BoundText.parse(compared(differences, "bound", partition.getBound()));
        if (!old.isDefault()) {
            bounds(detach, old);
        }
        BoundText bound = BoundText.parse(partition.getBound());
        AbstractPartitionOfChange attach = switch (bound.kind()) {
            case "DEFAULT" -> new AttachDefaultPartitionChange();
            case "RANGE" -> new AttachRangePartitionChange();
            case "LIST" -> new AttachListPartitionChange();
            default -> new AttachHashPartitionChange();
        };
        attach.setSchemaName(Generators.schema(control, referenceDatabase, partition.getParentSchemaName()));
        attach.setTableName(partition.getParentTableName());
        attach.setPartitionSchemaName(schema);
        attach.setPartitionName(partition.getName());
        bounds(attach, bound);
        return new Change[] {detach, attach};
    }

    private static String compared(ObjectDifferences differences, String attribute, String same) {
        Difference difference = differences.getDifference(attribute);
        return difference == null ? same : (String) difference.getComparedValue();
    }

    private static void bounds(AbstractPartitionOfChange change, BoundText bound) {
        change.setFrom(bound.from());
        change.setTo(bound.to());
        change.setValues(bound.values());
        change.setModulus(bound.modulus());
        change.setRemainder(bound.remainder());
    }
}
