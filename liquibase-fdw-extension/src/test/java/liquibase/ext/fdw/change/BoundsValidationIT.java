package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.Changelogs;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A range is ordered by its key's type, known from the parent's catalog or from the createPartitionedTable earlier in
 * the same changelog: '10' to '9' is a text range, 2019-1-1 to 2018-1-1 an empty date range refused before any SQL.
 */
@Tag("timezone")
class BoundsValidationIT {
    private static final String HEADER = Changelogs.XML_OPEN + "\n";

    @TempDir
    Path dir;

    @Test
    void theKeyOfAParentCreatedEarlierInTheChangelogOrdersTheRange() throws Exception {
        try (TestDatabase db = TestDatabase.create("bounds")) {
            Files.writeString(dir.resolve("empty.xml"), HEADER + String.join("\n",
                    "  <changeSet id='parent' author='a'>",
                    "    <fdw:createPartitionedTable tableName='d' partitionStrategy='RANGE' partitionKey='at'>",
                    "      <column name='at' type='date'/>",
                    "    </fdw:createPartitionedTable>",
                    "  </changeSet>",
                    "  <changeSet id='p' author='a'>",
                    "    <fdw:createPartition tableName='d_p' parentTableName='d' from='2019-1-1' to='2018-1-1'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            Exception refused = assertThrows(Exception.class, () -> new ChangelogRunner(dir, "empty.xml").update(db));
            assertTrue(String.valueOf(refused.getMessage()).contains("createPartition in empty.xml::p::a: from ('2019-1-1') is"
                    + " not below to ('2018-1-1') in the order of d's partition key (PostgreSQL: Specified lower bound"
                    + " ('2019-01-01') is greater than or equal to upper bound ('2018-01-01').); the range would be empty,"
                    + " swap or correct them."), refused.getMessage());
            assertEquals(List.of(), db.query("SELECT relname FROM pg_class WHERE relname IN ('d', 'd_p') OR relname LIKE 'lbfdw%'"));

            Files.writeString(dir.resolve("text.xml"), HEADER + String.join("\n",
                    "  <changeSet id='parent' author='a'>",
                    "    <fdw:createPartitionedTable tableName='t' partitionStrategy='RANGE' partitionKey='k'>",
                    "      <column name='k' type='text'/>",
                    "    </fdw:createPartitionedTable>",
                    "  </changeSet>",
                    "  <changeSet id='p' author='a'>",
                    "    <fdw:createPartition tableName='t_p' parentTableName='t' from='10' to='9'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            new ChangelogRunner(dir, "text.xml").update(db);
            assertEquals("FOR VALUES FROM ('10') TO ('9')", db.scalar("SELECT pg_get_expr(relpartbound, oid) FROM pg_class"
                    + " WHERE relname = 't_p'"));
        }
    }

    @Test
    void anAttachedRangeIsCheckedAgainstTheExistingParent() throws Exception {
        try (TestDatabase db = TestDatabase.create("bounds")) {
            db.execute("CREATE TABLE n (x int) PARTITION BY RANGE (x)", "CREATE TABLE n_p (x int)");
            Files.writeString(dir.resolve("attach.xml"), HEADER + String.join("\n",
                    "  <changeSet id='p' author='a'>",
                    "    <fdw:attachRangePartition tableName='n' partitionName='n_p' from='10' to='9'/>",
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            Exception refused = assertThrows(Exception.class, () -> new ChangelogRunner(dir, "attach.xml").update(db));
            assertTrue(String.valueOf(refused.getMessage()).contains("attachRangePartition in attach.xml::p::a: from ('10') is"
                    + " not below to ('9') in the order of n's partition key (PostgreSQL: Specified lower bound (10) is"
                    + " greater than or equal to upper bound (9).); the range would be empty, swap or correct them."),
                    refused.getMessage());
            assertEquals("0", db.scalar("SELECT count(*) FROM pg_inherits"));
        }
    }
}
