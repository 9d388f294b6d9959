package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import liquibase.ext.fdw.change.attachrangepartition.AttachRangePartitionChange;
import liquibase.ext.fdw.change.createpartition.CreatePartitionChange;
import org.junit.jupiter.api.Test;

/**
 * Checksums of bound changes are pinned: the expression attributes, null by default, leave the checksums of existing
 * changesets as they were, and an expression is part of the checksum like any bound.
 */
class BoundsChecksumTest {

    private static CreatePartitionChange partition() {
        CreatePartitionChange change = new CreatePartitionChange();
        change.setSchemaName("box1_schema");
        change.setTableName("temperatures_2018");
        change.setParentTableName("temperatures");
        return change;
    }

    @Test
    void literalBoundsKeepTheirChecksum() {
        CreatePartitionChange change = partition();
        change.setFrom("2018-01-01");
        change.setTo("2019-01-01");
        assertEquals("9:621d21745254af4407afa6e4c211ccaa", change.generateCheckSum().toString());
        AttachRangePartitionChange attach = new AttachRangePartitionChange();
        attach.setTableName("temperatures");
        attach.setPartitionName("temperatures_2016");
        attach.setFrom("2016-01-01");
        attach.setTo("2017-01-01");
        assertEquals("9:fbaf6b543f355171ac55d345268c2c7c", attach.generateCheckSum().toString());
    }

    @Test
    void expressionsArePartOfTheChecksum() {
        CreatePartitionChange change = partition();
        change.setFromExpression("'2018-01-01'::date");
        change.setToExpression("'2019-01-01'::date");
        assertEquals("9:8f20dbd31b8f82fa3f478621e83499ea", change.generateCheckSum().toString());
    }
}
