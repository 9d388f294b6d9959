package liquibase.ext.fdw.change.attachhashpartition;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.ext.fdw.change.AbstractAttachPartitionChange;
import liquibase.ext.fdw.partition.PartitionBounds;

/** Attaches a table as the hash partition WITH (MODULUS, REMAINDER); rolls back with DETACH PARTITION. */
@DatabaseChange(name = "attachHashPartition", description = "Attaches a table as the hash partition WITH (MODULUS, REMAINDER) (ALTER TABLE ... ATTACH PARTITION)",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class AttachHashPartitionChange extends AbstractAttachPartitionChange {
    @Override
    protected PartitionBounds.Kind kind() {
        return PartitionBounds.Kind.HASH;
    }
}
