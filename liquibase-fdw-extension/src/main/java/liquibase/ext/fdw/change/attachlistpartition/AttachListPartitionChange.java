package liquibase.ext.fdw.change.attachlistpartition;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.ext.fdw.change.AbstractAttachPartitionChange;
import liquibase.ext.fdw.partition.PartitionBounds;

/** Attaches a table as the list partition IN (values); rolls back with DETACH PARTITION. */
@DatabaseChange(name = "attachListPartition", description = "Attaches a table as the list partition IN (values) (ALTER TABLE ... ATTACH PARTITION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class AttachListPartitionChange extends AbstractAttachPartitionChange {
    @Override
    protected PartitionBounds.Kind kind() {
        return PartitionBounds.Kind.LIST;
    }
}
