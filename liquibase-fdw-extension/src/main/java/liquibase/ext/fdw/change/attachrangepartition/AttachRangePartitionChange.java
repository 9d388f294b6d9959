package liquibase.ext.fdw.change.attachrangepartition;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.ext.fdw.change.AbstractAttachPartitionChange;
import liquibase.ext.fdw.partition.PartitionBounds;

/** Attaches a table as the range partition FROM from TO to; rolls back with DETACH PARTITION. */
@DatabaseChange(name = "attachRangePartition", description = "Attaches a table as the range partition FROM from TO to (ALTER TABLE ... ATTACH PARTITION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class AttachRangePartitionChange extends AbstractAttachPartitionChange {
    @Override
    protected PartitionBounds.Kind kind() {
        return PartitionBounds.Kind.RANGE;
    }
}
