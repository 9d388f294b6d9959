package liquibase.ext.fdw.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.ext.fdw.test.Catalogs;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The record of moved rows does not depend on the session: rows with a timestamptz, an interval, floats, bytea, a
 * date range, a numeric with trailing zeros and duplicates are moved by a session with one set of TimeZone, DateStyle,
 * IntervalStyle, extra_float_digits and bytea_output, and put back by a session with another, exactly (DateStyle only
 * differs in field order: pgjdbc insists on ISO output); both sessions
 * keep their own settings afterwards.
 */
@Tag("timezone")
class MovedRowsSettingsIT {
    private static final String MOVE_SESSION = "SET TimeZone = 'Asia/Tokyo'; SET DateStyle = 'ISO, DMY';"
            + " SET IntervalStyle = 'iso_8601'; SET extra_float_digits = 0; SET bytea_output = 'escape'";
    private static final String ROLLBACK_SESSION = "SET TimeZone = 'America/Los_Angeles'; SET DateStyle = 'ISO, YMD';"
            + " SET IntervalStyle = 'sql_standard'; SET extra_float_digits = -3; SET bytea_output = 'hex'";

    @Test
    void movedRowsComeBackWhateverTheSessionSettings() throws Exception {
        try (TestDatabase db = TestDatabase.create("coordinator")) {
            db.execute("CREATE TABLE p (k int, at timestamptz, iv interval, f float8, r float4, b bytea, d daterange,"
                    + " n numeric, t text) PARTITION BY LIST (k)",
                    "CREATE TABLE p_def PARTITION OF p DEFAULT",
                    "INSERT INTO p VALUES (1, '2020-03-29 02:30:00.123456+02', '1 day 02:03:04.5', 0.1::float8 + 0.2, 1.1, '\\x00ff27',"
                            + " '[2020-01-01,2020-02-01)', 1.10, 'it''s'),"
                            + " (1, '2020-03-29 02:30:00.123456+02', '1 day 02:03:04.5', 0.1::float8 + 0.2, 1.1, '\\x00ff27',"
                            + " '[2020-01-01,2020-02-01)', 1.10, 'it''s'),"
                            + " (1, 'infinity', '-1 mon', 'NaN', '-0', '', 'empty', 'NaN', NULL),"
                            + " (2, '2021-01-01 00:00+00', '0', 1e300, 3.4e38, NULL, NULL, 0.000, 'stays')");
            List<String> before = rows(db);
            List<String> catalog = Catalogs.snapshot(db);
            String move = DefaultPartitionRows.wrap("p", "p1", "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)",
                    "fdw_moved_rows", new MoveKey("x", "a"));
            String restore = DefaultPartitionRows.restore("p", "p1", DefaultPartitionRows.Ending.DROP_TABLE, "fdw_moved_rows",
                    new MoveKey("x", "a"), "createPartition x");

            assertEquals("Asia/Tokyo|ISO, DMY|iso_8601|0|escape", run(db, MOVE_SESSION, move));
            assertEquals(List.of("p1|3", "p_def|1"), db.query("SELECT tableoid::regclass::text, count(*) FROM p GROUP BY 1 ORDER BY 1"));
            assertEquals("America/Los_Angeles|ISO, YMD|sql_standard|-3|hex", run(db, ROLLBACK_SESSION, restore));
            assertEquals(before, rows(db));
            assertEquals(catalog, Catalogs.snapshot(db));
        }
    }

    /** Runs {@code sql} after {@code settings} in one session and returns the session's settings afterwards. */
    private static String run(TestDatabase db, String settings, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String set : settings.split("; ")) {
                s.execute(set);
            }
            s.execute(sql);
            try (ResultSet rs = s.executeQuery("SELECT current_setting('TimeZone') || '|' || current_setting('DateStyle') || '|'"
                    + " || current_setting('IntervalStyle') || '|' || current_setting('extra_float_digits') || '|'"
                    + " || current_setting('bytea_output')")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Every row with its partition, rendered in one fixed session. */
    private static List<String> rows(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("SET extra_float_digits = 3");
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tableoid::regclass::text || '|' || x::text FROM p x")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            rows.sort(null);
            return rows;
        }
    }
}
