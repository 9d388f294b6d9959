package liquibase.ext.fdw.change.createrangepartitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Checksums are a public contract: a createRangePartitions written before timeZone and align existed keeps its
 * checksum (pinned: the value of the release before them), and the new attributes, which change the SQL, change it.
 */
class CreateRangePartitionsChecksumTest {

    private static CreateRangePartitionsChange change() {
        CreateRangePartitionsChange change = new CreateRangePartitionsChange();
        change.setSchemaName("box1_schema");
        change.setTableName("temperatures");
        change.setFrom("2018-01-01");
        change.setTo("2021-01-01");
        change.setInterval("1 year");
        change.setNamePattern("temperatures_{yyyy}");
        change.setMoveRowsFromDefault(true);
        return change;
    }

    @Test
    void checksumIsPinnedAndNewAttributesCount() {
        assertEquals("9:9298c41ac9da2048a8e9430e34180a18", change().generateCheckSum().toString());
        CreateRangePartitionsChange zoned = change();
        zoned.setTimeZone("Europe/Oslo");
        assertNotEquals(change().generateCheckSum(), zoned.generateCheckSum());
        CreateRangePartitionsChange unaligned = change();
        unaligned.setAlign(false);
        assertNotEquals(change().generateCheckSum(), unaligned.generateCheckSum());
    }
}
