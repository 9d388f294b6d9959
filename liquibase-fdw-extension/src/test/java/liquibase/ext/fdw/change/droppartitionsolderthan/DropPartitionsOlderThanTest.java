package liquibase.ext.fdw.change.droppartitionsolderthan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.RollbackImpossibleException;
import liquibase.ext.fdw.test.GoldenSql;
import liquibase.ext.fdw.test.Offline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dropPartitionsOlderThan without a server: validation, cutoff forms, rollback rules, checksum and format parity. */
class DropPartitionsOlderThanTest {
    private static final Database PG = GoldenSql.offlinePostgres(17);

    private static DropPartitionsOlderThanChange change(String olderThan, String mode, String retentionSchema) {
        DropPartitionsOlderThanChange change = new DropPartitionsOlderThanChange();
        change.setTableName("temperatures");
        change.setOlderThan(olderThan);
        change.setMode(mode);
        change.setRetentionSchema(retentionSchema);
        return change;
    }

    @Test
    void cutoffForms() {
        assertEquals(new Cutoff(true, "2 years"), Cutoff.parse(" 2 years "));
        assertEquals(new Cutoff(true, "1 year 6 months"), Cutoff.parse("1 year 6 months"));
        assertEquals(new Cutoff(true, "90 days"), Cutoff.parse("90 days"));
        assertEquals(new Cutoff(false, "2017-01-01"), Cutoff.parse("2017-01-01"));
        assertEquals(new Cutoff(false, "2017-01-01 12:00:00"), Cutoff.parse("2017-01-01 12:00:00"));
        assertEquals(new Cutoff(false, "2017-01-01 12:00:00+02"), Cutoff.parse("2017-01-01 12:00:00+02"));
        assertEquals(new Cutoff(false, "1000"), Cutoff.parse("1000"));
        assertEquals(null, Cutoff.parse("2 fortnights"));
        assertEquals(null, Cutoff.parse("2017-13-01"));
        assertEquals(null, Cutoff.parse("yesterday"));
    }

    @Test
    void validationNamesAttributeValueAndFix() {
        assertEquals(List.of(
                "dropPartitionsOlderThan: attribute 'tableName' is required; set tableName to the range-partitioned table.",
                "dropPartitionsOlderThan: attribute 'olderThan' is required; set olderThan to an interval before now"
                        + " (olderThan=\"2 years\") or a value of the partition key (olderThan=\"2017-01-01\")."),
                new DropPartitionsOlderThanChange().validate(PG).getErrorMessages());
        assertEquals(List.of("dropPartitionsOlderThan: attribute 'olderThan' is 'last year', which is neither an interval before"
                + " now (N minutes/hours/days/weeks/months/years, e.g. 2 years) nor a date, timestamp or number; write e.g."
                + " olderThan=\"2 years\" or olderThan=\"2017-01-01\"."), change("last year", null, null).validate(PG).getErrorMessages());
        assertEquals(List.of("dropPartitionsOlderThan: attribute 'mode' is 'archive'; use detach, drop or moveToSchema."),
                change("2 years", "archive", null).validate(PG).getErrorMessages());
        assertEquals(List.of("dropPartitionsOlderThan: mode=\"moveToSchema\" needs attribute 'retentionSchema'; set it to the"
                + " schema the old partitions move to."), change("2 years", "moveToSchema", null).validate(PG).getErrorMessages());
        assertEquals(List.of("dropPartitionsOlderThan: attribute 'retentionSchema' only applies with mode=\"moveToSchema\";"
                + " remove it or set mode=\"moveToSchema\"."), change("2 years", "drop", "archive").validate(PG).getErrorMessages());
        assertFalse(change("2 years", null, null).validate(PG).hasErrors());
    }

    @Test
    void dropModeHasNoAutomaticRollbackAndSaysWhy() throws Exception {
        DropPartitionsOlderThanChange drop = change("2 years", "drop", null);
        assertFalse(drop.supportsRollback(PG));
        RollbackImpossibleException refused = assertThrows(RollbackImpossibleException.class, () -> drop.generateRollbackStatements(PG));
        assertEquals("dropPartitionsOlderThan: mode=\"drop\" dropped the partitions and their rows, so there is no automatic"
                + " rollback; give the changeset an explicit <rollback> (e.g. recreate the partitions empty), or use"
                + " mode=\"detach\" or \"moveToSchema\" to keep them.", refused.getMessage());
        DropPartitionsOlderThanChange detach = change("2 years", null, null);
        assertTrue(detach.supportsRollback(PG));
        assertTrue(Offline.rollbackSql(detach, PG).get(0).contains(
                "EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s %s', parent, r.partition, r.bound);"));
    }

    @Test
    void readmeShowsTheGeneratedSql() throws Exception {
        DropPartitionsOlderThanChange change = change("2 years", "moveToSchema", "archive");
        change.setSchemaName("box1_schema");
        String generated = Offline.sql(change, PG).get(0) + "\n-- rollback\n" + Offline.rollbackSql(change, PG).get(0);
        assertTrue(Files.readString(Path.of("..", "README.md")).contains("```sql\n" + generated + "\n```"), generated);
    }

    @Test
    void xmlYamlAndJsonGiveTheSameSqlAndAPinnedChecksum(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.xml"), String.join("\n",
                "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"",
                "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\"",
                "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd",
                "        http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">",
                "  <changeSet id=\"1\" author=\"a\">",
                "    <fdw:dropPartitionsOlderThan schemaName=\"s\" tableName=\"t\" olderThan=\"2 years\" mode=\"moveToSchema\" retentionSchema=\"old\"/>",
                "  </changeSet>",
                "</databaseChangeLog>", ""));
        Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                "databaseChangeLog:",
                "  - changeSet:",
                "      id: 1",
                "      author: a",
                "      changes:",
                "        - dropPartitionsOlderThan: { schemaName: s, tableName: t, olderThan: 2 years, mode: moveToSchema, retentionSchema: old }",
                ""));
        Files.writeString(dir.resolve("c.json"), String.join("\n",
                "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\", \"author\": \"a\", \"changes\": [",
                "  {\"dropPartitionsOlderThan\": {\"schemaName\": \"s\", \"tableName\": \"t\", \"olderThan\": \"2 years\","
                        + " \"mode\": \"moveToSchema\", \"retentionSchema\": \"old\"}}",
                "]}}]}", ""));
        ChangeSet xml = Offline.parse(dir, "c.xml", PG, Map.of()).get(0);
        List<String> sql = Offline.sql(xml, PG);
        assertEquals(1, sql.size());
        assertTrue(sql.get(0).contains("cutoff := format('(now() - %L::interval)', '2 years');"), sql.get(0));
        assertTrue(sql.get(0).contains("EXECUTE format('ALTER %s %s SET SCHEMA %I', CASE kinds[k] WHEN 'f' THEN 'FOREIGN TABLE'"
                + " ELSE 'TABLE' END, parts[k], 'old');"), sql.get(0));
        assertEquals("9:ac361bed8434ac6f8f420a367c2bc5be", xml.generateCheckSum(ChecksumVersion.latest()).toString());
        for (String other : List.of("c.yaml", "c.json")) {
            ChangeSet parsed = Offline.parse(dir, other, PG, Map.of()).get(0);
            // The SQL names its changelog in the messages it may raise; apart from that it is the same.
            assertEquals(sql, Offline.sql(parsed, PG).stream().map(q -> q.replace(other + "::", "c.xml::")).toList(), other);
            assertEquals(xml.generateCheckSum(ChecksumVersion.latest()), parsed.generateCheckSum(ChecksumVersion.latest()), other);
        }
    }
}
