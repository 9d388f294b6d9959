package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.Changelogs;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * createRangePartitions cuts time the way PostgreSQL does: for each series, the bounds of the partitions it creates
 * equal the bounds PostgreSQL computes itself ({@code start + n * interval}, start aligned by date_trunc/date_bin,
 * up to the first boundary at or after {@code to}) in the series' zone. The database's TimeZone is Europe/Oslo, the
 * JVM's is UTC or America/New_York (the build runs this class under both), so a boundary following the JVM's zone
 * fails. Covers DST both ways, 30 minutes, '1 day 12 hours', weeks, quarters, months from the 31st, offsets in
 * from/to, an explicit timeZone, timestamp and date keys.
 */
@Tag("timezone")
class RangeSeriesTimeIT {

    private record Case(String table, String keyType, String attributes, String startSql, String intervalSql,
            String toSql, String zone) {
    }

    @Test
    void boundariesAreThoseOfPostgreSql(@TempDir Path dir) throws Exception {
        List<Case> cases = List.of(
                new Case("spring", "timestamptz", "from='2020-03-29 00:00:00' to='2020-03-29 05:00:00' interval='1 hour'",
                        "date_trunc('hour', '2020-03-29 00:00'::timestamptz)", "1 hour", "'2020-03-29 05:00'::timestamptz", "Europe/Oslo"),
                new Case("fall", "timestamptz", "from='2020-10-25 00:00' to='2020-10-25 05:00' interval='1 hour' namePattern='fall_{n}'",
                        "date_trunc('hour', '2020-10-25 00:00'::timestamptz)", "1 hour", "'2020-10-25 05:00'::timestamptz", "Europe/Oslo"),
                new Case("halfhour", "timestamptz", "from='2020-03-29 01:10' to='2020-03-29 04:00' interval='30 minutes'",
                        "date_bin('30 minutes', '2020-03-29 01:10'::timestamptz, '2000-01-01'::timestamptz)", "30 minutes",
                        "'2020-03-29 04:00'::timestamptz", "Europe/Oslo"),
                new Case("dayhalf", "timestamptz", "from='2020-03-27' to='2020-04-02' interval='1 day 12 hours'",
                        "date_trunc('day', '2020-03-27'::timestamptz)", "1 day 12 hours", "'2020-04-02'::timestamptz", "Europe/Oslo"),
                new Case("monthly", "timestamptz", "from='2020-01-31' to='2020-06-01' interval='1 month'",
                        "date_trunc('month', '2020-01-31'::timestamptz)", "1 month", "'2020-06-01'::timestamptz", "Europe/Oslo"),
                new Case("weekly", "timestamptz", "from='2020-01-01' to='2020-02-15' interval='1 week'",
                        "date_trunc('week', '2020-01-01'::timestamptz)", "1 week", "'2020-02-15'::timestamptz", "Europe/Oslo"),
                new Case("quarterly", "timestamptz", "from='2020-02-10' to='2021-01-01' interval='1 quarter'",
                        "date_trunc('quarter', '2020-02-10'::timestamptz)", "3 months", "'2021-01-01'::timestamptz", "Europe/Oslo"),
                new Case("offsets", "timestamptz", "from='2020-01-01 00:00:00+00' to='2020-01-01 06:00:00+00' interval='2 hours'",
                        "date_bin('2 hours', '2020-01-01 00:00:00+00'::timestamptz, '2000-01-01'::timestamptz)", "2 hours",
                        "'2020-01-01 06:00:00+00'::timestamptz", "Europe/Oslo"),
                new Case("newyork", "timestamptz", "from='2020-03-01' to='2020-05-01' interval='1 month' timeZone='America/New_York'",
                        "date_trunc('month', '2020-03-01'::timestamptz)", "1 month", "'2020-05-01'::timestamptz", "America/New_York"),
                new Case("naive", "timestamp", "from='2020-03-29 00:00' to='2020-03-29 05:00' interval='1 hour'",
                        "date_trunc('hour', '2020-03-29 00:00'::timestamp)", "1 hour", "'2020-03-29 05:00'::timestamp", "Europe/Oslo"),
                new Case("days", "date", "from='2020-01-31' to='2020-06-15' interval='1 month' align='false'",
                        "'2020-01-31'::date", "1 month", "'2020-06-15'::date", "Europe/Oslo"));
        try (TestDatabase db = TestDatabase.create("series")) {
            db.execute("ALTER DATABASE " + db.name() + " SET timezone = 'Europe/Oslo'");
            StringBuilder changes = new StringBuilder();
            for (Case c : cases) {
                db.execute("CREATE TABLE " + c.table() + " (at " + c.keyType() + " NOT NULL) PARTITION BY RANGE (at)");
                changes.append("    <fdw:createRangePartitions tableName='").append(c.table()).append("' ")
                        .append(c.attributes()).append("/>\n");
            }
            List<String> before = Catalogs.snapshot(db);
            Files.writeString(dir.resolve("c.xml"), String.join("\n",
                    Changelogs.XML_OPEN,
                    "  <changeSet id='series' author='a'>",
                    changes.toString(),
                    "  </changeSet>",
                    "</databaseChangeLog>", ""));
            ChangelogRunner runner = new ChangelogRunner(dir, "c.xml");
            runner.update(db);
            for (Case c : cases) {
                String type = c.keyType();
                assertEquals(
                        query(db, c.zone(), "WITH b AS (SELECT n, (" + c.startSql() + " + n * interval '" + c.intervalSql()
                                + "')::" + type + " AS v FROM generate_series(0, 1000) n)"
                                + " SELECT format('FOR VALUES FROM (%L) TO (%L)', b1.v, b2.v) FROM b b1 JOIN b b2 ON b2.n = b1.n + 1"
                                + " WHERE b1.v < " + c.toSql()),
                        query(db, c.zone(), "SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i"
                                + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '" + c.table() + "'::regclass"),
                        c.table());
            }
            assertEquals(List.of("spring_p20200329_000000", "spring_p20200329_010000", "spring_p20200329_030000",
                    "spring_p20200329_040000"), query(db, "UTC", "SELECT relname FROM pg_class WHERE relname LIKE 'spring_p%'"));
            runner.rollbackCount(db, 1);
            assertEquals(before, Catalogs.snapshot(db));
        }
    }

    /** Sorted rows of one column, in a session whose TimeZone is {@code zone}. */
    private static List<String> query(TestDatabase db, String zone, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = '" + zone + "'");
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            rows.sort(null);
            return rows;
        }
    }
}
