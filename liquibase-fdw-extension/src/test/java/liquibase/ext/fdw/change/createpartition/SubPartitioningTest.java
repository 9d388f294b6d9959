package liquibase.ext.fdw.change.createpartition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import liquibase.database.Database;
import liquibase.ext.fdw.test.GoldenSql;
import liquibase.ext.fdw.test.Offline;
import org.junit.jupiter.api.Test;

/** createPartition with partitionStrategy + partitionKey, without a server: SQL, rollback and validation. */
class SubPartitioningTest {
    private static final Database PG = GoldenSql.offlinePostgres(17);

    private static CreatePartitionChange change(String strategy, String key) {
        CreatePartitionChange change = new CreatePartitionChange();
        change.setSchemaName("box1_schema");
        change.setTableName("temperatures_2016");
        change.setParentTableName("temperatures");
        change.setFrom("2016-01-01");
        change.setTo("2017-01-01");
        change.setPartitionStrategy(strategy);
        change.setPartitionKey(key);
        return change;
    }

    @Test
    void partitionOfThatIsPartitionedAndDroppedOnRollback() throws Exception {
        CreatePartitionChange change = change("list", "city, (lower(country))");
        change.setTablespace("fast");
        assertEquals(List.of("CREATE TABLE box1_schema.temperatures_2016 PARTITION OF box1_schema.temperatures FOR VALUES FROM"
                + " ('2016-01-01') TO ('2017-01-01') PARTITION BY LIST (city, (lower(country))) TABLESPACE fast"),
                Offline.sql(change, PG));
        assertEquals(List.of("DROP TABLE box1_schema.temperatures_2016"), Offline.rollbackSql(change, PG));
    }

    @Test
    void validationNamesAttributeValueAndFix() {
        assertEquals(List.of("createPartition: sub-partitioning needs both partitionStrategy and partitionKey; set partitionKey"
                + " (the new partition's own key columns or expressions), or remove partitionStrategy."),
                change("RANGE", null).validate(PG).getErrorMessages());
        assertEquals(List.of("createPartition: sub-partitioning needs both partitionStrategy and partitionKey; set"
                + " partitionStrategy (RANGE, LIST or HASH), or remove partitionKey."),
                change(null, "city").validate(PG).getErrorMessages());
        assertEquals(List.of("createPartition: attribute 'partitionStrategy' is 'TREE'; set it to RANGE, LIST or HASH.",
                "createPartition: partitionKey 'city,' has an empty item; remove the extra comma."),
                change("TREE", "city,").validate(PG).getErrorMessages());
        CreatePartitionChange foreign = change("LIST", "city");
        foreign.setServerName("box2");
        assertEquals(List.of("createPartition: a foreign partition (serverName 'box2') cannot be partitioned itself; remove"
                + " partitionStrategy/partitionKey, or serverName to create a local partitioned partition."),
                foreign.validate(PG).getErrorMessages());
        CreatePartitionChange moving = change("LIST", "city");
        moving.setMoveRowsFromDefault(true);
        assertEquals(List.of("createPartition: moveRowsFromDefault=\"true\" cannot move rows into a partition that is itself"
                + " partitioned, as it has no partitions yet to hold them; create the partition and its sub-partitions"
                + " without it, then move the rows, or remove partitionStrategy/partitionKey."),
                moving.validate(PG).getErrorMessages());
    }
}
