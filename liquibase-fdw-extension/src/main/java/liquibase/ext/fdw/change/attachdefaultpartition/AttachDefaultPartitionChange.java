package liquibase.ext.fdw.change.attachdefaultpartition;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.ext.fdw.change.AbstractAttachPartitionChange;
import liquibase.ext.fdw.partition.PartitionBounds;

/** Attaches a table as the DEFAULT partition; rolls back with DETACH PARTITION. */
@DatabaseChange(name = "attachDefaultPartition", description = "Attaches a table as the DEFAULT partition (ALTER TABLE ... ATTACH PARTITION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class AttachDefaultPartitionChange extends AbstractAttachPartitionChange {
    @Override
    protected PartitionBounds.Kind kind() {
        return PartitionBounds.Kind.DEFAULT;
    }
}
