package liquibase.ext.fdw.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.ext.fdw.test.Changelogs;
import liquibase.ext.fdw.test.GoldenSql;
import liquibase.ext.fdw.test.Offline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * moveRowsBatchSize: refused, naming the changeset and the fix, before any SQL when it is not a positive whole number,
 * without moveRowsFromDefault, on a hash partition or inside the changeset's transaction; the same change in XML and
 * YAML; part of the checksum only when set. Tagged {@code timezone}: date bounds in XML and YAML.
 */
@Tag("timezone")
class BatchedMoveTest {
    private static final Database PG = GoldenSql.offlinePostgres(17);

    @Test
    void refusedBeforeAnySqlAndTheSameInYaml(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.xml"), String.join("\n", Changelogs.XML_OPEN,
                "  <changeSet id='ok' author='a' runInTransaction='false'>",
                "    <fdw:attachRangePartition tableName='t' partitionName='t_2017' from='2017-01-01' to='2018-01-01'",
                "        moveRowsFromDefault='true' moveRowsBatchSize='50000'/>",
                "  </changeSet>",
                "  <changeSet id='in-tx' author='a'>",
                "    <fdw:attachListPartition tableName='c' partitionName='c_n' values='Oslo' moveRowsFromDefault='true'",
                "        moveRowsBatchSize='100'/>",
                "  </changeSet>",
                "  <changeSet id='zero' author='a' runInTransaction='false'>",
                "    <fdw:attachRangePartition tableName='t' partitionName='t_2017' from='2017-01-01' to='2018-01-01'",
                "        moveRowsFromDefault='true' moveRowsBatchSize='-5'/>",
                "  </changeSet>",
                "  <changeSet id='text' author='a' runInTransaction='false'>",
                "    <fdw:attachRangePartition tableName='t' partitionName='t_2017' from='2017-01-01' to='2018-01-01'",
                "        moveRowsFromDefault='true' moveRowsBatchSize='${size}'/>",
                "  </changeSet>",
                "  <changeSet id='no-move' author='a' runInTransaction='false'>",
                "    <fdw:attachRangePartition tableName='t' partitionName='t_2017' from='2017-01-01' to='2018-01-01'",
                "        moveRowsBatchSize='10'/>",
                "  </changeSet>",
                "  <changeSet id='hash' author='a' runInTransaction='false'>",
                "    <fdw:attachHashPartition tableName='h' partitionName='h_0' modulus='2' remainder='0'",
                "        moveRowsFromDefault='true' moveRowsBatchSize='10'/>",
                "  </changeSet>",
                "</databaseChangeLog>", ""));
        List<ChangeSet> sets = Offline.parse(dir, "c.xml", PG, Map.of("size", "1e3"));
        assertFalse(sets.get(0).getChanges().get(0).validate(PG).hasErrors());
        assertEquals(List.of("attachListPartition in c.xml::in-tx::a: attribute 'moveRowsBatchSize' is '100': each batch"
                + " commits on its own, which cannot happen inside the changeset's transaction; set runInTransaction=\"false\""
                + " on changeset in-tx (and keep the change alone in it), or remove moveRowsBatchSize to move in one"
                + " transaction."), errors(sets.get(1)));
        assertEquals(List.of("attachRangePartition in c.xml::zero::a: attribute 'moveRowsBatchSize' is '-5'; write a positive"
                + " whole number of rows per batch, such as 50000."), errors(sets.get(2)));
        assertEquals(List.of("attachRangePartition in c.xml::text::a: attribute 'moveRowsBatchSize' is '1e3'; write a"
                + " positive whole number of rows per batch, such as 50000."), errors(sets.get(3)));
        assertEquals(List.of("attachRangePartition in c.xml::no-move::a: attribute 'moveRowsBatchSize' is '10' but"
                + " moveRowsFromDefault is not \"true\"; add moveRowsFromDefault=\"true\", or remove moveRowsBatchSize."),
                errors(sets.get(4)));
        assertEquals(List.of("attachHashPartition in c.xml::hash::a: attribute 'moveRowsBatchSize' is '10', but only range"
                + " and list partitions are moved in batches (a hash-partitioned table has no DEFAULT partition); remove"
                + " moveRowsBatchSize."), errors(sets.get(5)));

        String sql = String.join("\n", Offline.sql(sets.get(0), PG));
        assertTrue(sql.startsWith("DO $fdw$\n-- moveRowsFromDefault in batches of about 50000 rows: one transaction per"
                + " batch; run outside a transaction block\n"), sql);
        assertTrue(sql.contains("WHERE n %% %5$s = 1 AND n > 1"), sql);
        assertTrue(sql.contains("'FOR VALUES FROM (''2017-01-01'') TO (' || s || ')'"), sql);
        assertTrue(sql.contains("ELSE 'FOR VALUES FROM (''2017-01-01'') TO (''2018-01-01'')' END;"), sql);

        Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                "databaseChangeLog:",
                "  - changeSet:",
                "      id: ok",
                "      author: a",
                "      runInTransaction: false",
                "      changes:",
                "        - attachRangePartition:",
                "            tableName: t",
                "            partitionName: t_2017",
                "            from: '2017-01-01'",
                "            to: '2018-01-01'",
                "            moveRowsFromDefault: true",
                "            moveRowsBatchSize: 50000",
                ""));
        ChangeSet yaml = Offline.parse(dir, "c.yaml", PG, Map.of()).get(0);
        assertFalse(yaml.getChanges().get(0).validate(PG).hasErrors());
        // The same SQL; the messages inside name the file they come from.
        assertEquals(Offline.sql(sets.get(0), PG), Offline.sql(yaml, PG).stream().map(line -> line.replace("c.yaml", "c.xml")).toList());
        assertEquals(sets.get(0).generateCheckSum(ChecksumVersion.latest()), yaml.generateCheckSum(ChecksumVersion.latest()));
    }

    @Test
    void theBatchSizeCountsInTheChecksumOnlyWhenSet(@TempDir Path dir) throws Exception {
        String change = "    <fdw:attachRangePartition tableName='t' partitionName='t_2017' from='2017-01-01' to='2018-01-01'"
                + " moveRowsFromDefault='true'%s/>";
        Files.writeString(dir.resolve("c.xml"), String.join("\n", Changelogs.XML_OPEN,
                "  <changeSet id='s' author='a' runInTransaction='false'>", change.formatted(""), "  </changeSet>",
                "  <changeSet id='s' author='b' runInTransaction='false'>", change.formatted(" moveRowsBatchSize='10'"),
                "  </changeSet>",
                "  <changeSet id='s' author='c' runInTransaction='false'>", change.formatted(" moveRowsBatchSize='20'"),
                "  </changeSet>",
                "</databaseChangeLog>", ""));
        List<ChangeSet> sets = Offline.parse(dir, "c.xml", PG, Map.of());
        // Unset, the sum is the one from before moveRowsBatchSize existed: ChecksumPinTest pins it.
        assertNotEquals(sets.get(0).generateCheckSum(ChecksumVersion.latest()), sets.get(1).generateCheckSum(ChecksumVersion.latest()));
        assertNotEquals(sets.get(1).generateCheckSum(ChecksumVersion.latest()), sets.get(2).generateCheckSum(ChecksumVersion.latest()));
    }

    private static List<String> errors(ChangeSet changeSet) {
        return changeSet.getChanges().get(0).validate(PG).getErrorMessages();
    }
}
