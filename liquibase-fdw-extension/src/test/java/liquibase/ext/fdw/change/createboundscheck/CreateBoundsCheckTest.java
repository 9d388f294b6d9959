package liquibase.ext.fdw.change.createboundscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.core.H2Database;
import liquibase.ext.fdw.test.GoldenSql;
import liquibase.ext.fdw.test.Offline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** createBoundsCheck without a server: rendered SQL, rollback, validation messages, checksum and format parity. */
class CreateBoundsCheckTest {
    private static final Database PG = GoldenSql.offlinePostgres(17);

    private static CreateBoundsCheckChange change(String columns, String from, String to, String values) {
        return change(columns, from, to, values, "temperatures_2016");
    }

    private static CreateBoundsCheckChange change(String columns, String from, String to, String values, String table) {
        CreateBoundsCheckChange change = new CreateBoundsCheckChange();
        change.setSchemaName("box2_schema");
        change.setTableName(table);
        change.setColumnNames(columns);
        change.setFrom(from);
        change.setTo(to);
        change.setValues(values);
        return change;
    }

    @Test
    void singleColumnRangeAndRollback() throws Exception {
        CreateBoundsCheckChange change = change("reading_date", "2016-01-01", "2017-01-01", null);
        assertEquals(List.of("ALTER TABLE box2_schema.temperatures_2016 ADD CONSTRAINT temperatures_2016_fdw_bounds CHECK"
                + " (reading_date IS NOT NULL AND reading_date >= '2016-01-01' AND reading_date < '2017-01-01')"),
                Offline.sql(change, PG));
        assertEquals(List.of("ALTER TABLE box2_schema.temperatures_2016 DROP CONSTRAINT temperatures_2016_fdw_bounds"),
                Offline.rollbackSql(change, PG));
        // the README's example of this change is kept true by ReadmeExamplesTest
    }

    @Test
    void multiColumnRangesCompareRowsAndStopAtMinvalueMaxvalue() {
        assertEquals(List.of("ALTER TABLE box2_schema.temperatures_2016 ADD CONSTRAINT temperatures_2016_fdw_bounds CHECK"
                + " (a IS NOT NULL AND b IS NOT NULL AND (a > '1' OR (a = '1' AND b >= '2016-01-01'))"
                + " AND (a < '3' OR (a = '3' AND b < '2017-01-01')))"),
                Offline.sql(change("a, b", "1, 2016-01-01", "3, 2017-01-01", null), PG));
        assertEquals(List.of("ALTER TABLE box2_schema.temperatures_2016 ADD CONSTRAINT temperatures_2016_fdw_bounds CHECK"
                + " (a IS NOT NULL AND b IS NOT NULL AND a = '3' AND b >= '2017-01-01' AND b < '2018-01-01')"),
                Offline.sql(change("a,b", "3, 2017-01-01", "3, 2018-01-01", null), PG));
        assertEquals(List.of("ALTER TABLE box2_schema.temperatures_2016 ADD CONSTRAINT temperatures_2016_fdw_bounds CHECK"
                + " (a IS NOT NULL AND b IS NOT NULL AND a <= '0')"),
                Offline.sql(change("a,b", "MINVALUE, MINVALUE", "0, MAXVALUE", null), PG));
        assertEquals(List.of("ALTER TABLE box2_schema.temperatures_2016 ADD CONSTRAINT temperatures_2016_fdw_bounds CHECK"
                + " (a IS NOT NULL AND b IS NOT NULL)"),
                Offline.sql(change("a,b", "MINVALUE, MINVALUE", "MAXVALUE, MAXVALUE", null), PG));
        CreateBoundsCheckChange readme = change("sensor, taken", "1, 2016-01-01", "3, MAXVALUE", null);
        readme.setSchemaName(null);
        readme.setTableName("readings");
        assertEquals(List.of("ALTER TABLE readings ADD CONSTRAINT readings_fdw_bounds CHECK (sensor IS NOT NULL AND taken IS NOT NULL"
                + " AND (sensor > '1' OR (sensor = '1' AND taken >= '2016-01-01')) AND sensor <= '3')"), Offline.sql(readme, PG));
    }

    @Test
    void listBoundsWithAndWithoutNullQuoteNamesAndLiterals() {
        CreateBoundsCheckChange change = change("City Name", null, null, "'it''s, ok', Oslo, NULL");
        change.setConstraintName("Only \"these\"");
        assertEquals(List.of("ALTER TABLE box2_schema.temperatures_2016 ADD CONSTRAINT \"Only \"\"these\"\"\" CHECK"
                + " (\"City Name\" IS NULL OR \"City Name\" IN ('it''s, ok', 'Oslo'))"), Offline.sql(change, PG));
        assertEquals(List.of("ALTER TABLE box2_schema.temperatures_2016 ADD CONSTRAINT temperatures_2016_fdw_bounds CHECK"
                + " (city IS NOT NULL AND city = 'Oslo')"), Offline.sql(change("city", null, null, "Oslo"), PG));
        assertEquals(List.of("ALTER TABLE box2_schema.temperatures_2016 ADD CONSTRAINT temperatures_2016_fdw_bounds CHECK"
                + " (city IS NULL)"), Offline.sql(change("city", null, null, "null"), PG));
        CreateBoundsCheckChange nordic = change("name", null, null, "Oslo, 'Malmö', NULL");
        nordic.setSchemaName(null);
        nordic.setTableName("cities_nordic");
        nordic.setConstraintName("nordic_only");
        assertEquals(List.of("ALTER TABLE cities_nordic ADD CONSTRAINT nordic_only CHECK (name IS NULL OR name IN ('Oslo', 'Malmö'))"),
                Offline.sql(nordic, PG));
    }

    @Test
    void validationNamesAttributeValueAndFix() {
        CreateBoundsCheckChange empty = new CreateBoundsCheckChange();
        assertEquals(List.of(
                "createBoundsCheck: attribute 'tableName' is required; set tableName to the shard's table that holds the partition's rows.",
                "createBoundsCheck: attribute 'columnNames' is required; set columnNames to the partition key columns, e.g. columnNames=\"reading_date\".",
                "createBoundsCheck: no bound; set from and to (a range partition's bound) or values (a list partition's), the same as"
                        + " on the coordinator's partition."),
                empty.validate(PG).getErrorMessages());
        assertEquals(List.of("createBoundsCheck: columnNames has 1 column(s) (reading_date) and from/to have 2 item(s); give one"
                + " bound item per key column, in the parent's key order."),
                change("reading_date", "2016-01-01, 1", "2017-01-01, 1", null).validate(PG).getErrorMessages());
        assertEquals(List.of("createBoundsCheck: columnNames has 2 columns (a, b) but a list bound (values) has exactly one key"
                + " column; name that one column."), change("a, b", null, null, "x").validate(PG).getErrorMessages());
        assertEquals(List.of("createBoundsCheck: attribute 'columnNames' is \"a,,b\", which holds an empty column name; separate"
                + " the key columns by single commas."), change("a,,b", "1", "2", null).validate(PG).getErrorMessages());
        // offline the key's type is unknown, so the order of the range is left to the server (CreateBoundsCheckIT)
        assertEquals(List.of(), change("d", "2017-01-01", "2016-01-01", null).validate(PG).getErrorMessages());
        assertEquals(List.of("createBoundsCheck: give one kind of bound: from/to (range), values (list) or modulus/remainder"
                + " (hash); remove the others."), change("d", "1", "2", "3").validate(PG).getErrorMessages());
        assertEquals(List.of("createBoundsCheck: attribute 'to' is required with 'from'; a range needs both, e.g."
                + " from=\"2016-01-01\" to=\"2017-01-01\"."), change("d", "1", null, null).validate(PG).getErrorMessages());
        String longTable = "t".repeat(60);
        assertEquals(List.of("createBoundsCheck: the default constraint name (tableName + '_fdw_bounds'; set constraintName to"
                + " choose another) is '" + longTable + "_fdw_bounds', 71 bytes in UTF-8; PostgreSQL keeps only the first 63"
                + " bytes of a name, so it would be cut short and could collide with another name; use a name of at most 63"
                + " bytes."), change("d", "1", "2", null, longTable).validate(PG).getErrorMessages());
        assertEquals(List.of("createBoundsCheck is not supported on h2"),
                change("d", "1", "2", null).validate(new H2Database()).getErrorMessages());
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
                "    <fdw:createBoundsCheck schemaName=\"s\" tableName=\"t\" columnNames=\"d\" from=\"2016-01-01\" to=\"MAXVALUE\"/>",
                "    <fdw:createBoundsCheck tableName=\"l\" columnNames=\"c\" values=\"'a,b', NULL\" constraintName=\"l_check\"/>",
                "  </changeSet>",
                "</databaseChangeLog>", ""));
        Files.writeString(dir.resolve("c.yaml"), String.join("\n",
                "databaseChangeLog:",
                "  - changeSet:",
                "      id: 1",
                "      author: a",
                "      changes:",
                "        - createBoundsCheck: { schemaName: s, tableName: t, columnNames: d, from: \"2016-01-01\", to: MAXVALUE }",
                "        - createBoundsCheck: { tableName: l, columnNames: c, values: \"'a,b', NULL\", constraintName: l_check }",
                ""));
        Files.writeString(dir.resolve("c.json"), String.join("\n",
                "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\", \"author\": \"a\", \"changes\": [",
                "  {\"createBoundsCheck\": {\"schemaName\": \"s\", \"tableName\": \"t\", \"columnNames\": \"d\", \"from\": \"2016-01-01\", \"to\": \"MAXVALUE\"}},",
                "  {\"createBoundsCheck\": {\"tableName\": \"l\", \"columnNames\": \"c\", \"values\": \"'a,b', NULL\", \"constraintName\": \"l_check\"}}",
                "]}}]}", ""));
        List<String> expected = List.of(
                "ALTER TABLE s.t ADD CONSTRAINT t_fdw_bounds CHECK (d IS NOT NULL AND d >= '2016-01-01')",
                "ALTER TABLE l ADD CONSTRAINT l_check CHECK (c IS NULL OR c = 'a,b')");
        ChangeSet xml = Offline.parse(dir, "c.xml", PG, Map.of()).get(0);
        assertEquals(expected, Offline.sql(xml, PG));
        assertEquals("9:1368f11208620c6172c7e77e8eeffea3", xml.generateCheckSum(ChecksumVersion.latest()).toString());
        for (String other : List.of("c.yaml", "c.json")) {
            ChangeSet parsed = Offline.parse(dir, other, PG, Map.of()).get(0);
            assertEquals(expected, Offline.sql(parsed, PG), other);
            assertEquals(xml.generateCheckSum(ChecksumVersion.latest()), parsed.generateCheckSum(ChecksumVersion.latest()), other);
        }
    }
}
