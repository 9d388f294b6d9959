package liquibase.ext.fdw.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import liquibase.ext.fdw.partition.RangeSeries.KeyType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The slices of createRangePartitions and their messages, word for word. Whether the boundaries are PostgreSQL's own
 * is proven on a real server by {@code RangeSeriesTimeIT}; these pin names, alignment and refusals.
 */
@Tag("timezone")
class RangeSeriesTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static List<String> slices(String from, String to, String interval, String pattern, KeyType type, ZoneId zone,
            boolean zoneGiven, boolean align) {
        List<String> errors = new ArrayList<>();
        List<RangeSeries.Slice> slices = RangeSeries.slices(new RangeSeries.Request("t", from, to, interval, pattern,
                zone, zoneGiven, align, type), errors);
        if (!errors.isEmpty()) {
            return errors;
        }
        return slices.stream().map(s -> s.name() + " " + s.from() + ".." + s.to()).toList();
    }

    private static List<String> slices(String from, String to, String interval, String pattern) {
        return slices(from, to, interval, pattern, KeyType.UNKNOWN, ZoneId.of("UTC"), false, true);
    }

    @Test
    void slicesDatesTimestampsAndNumbers() {
        assertEquals(List.of("t_2016 2016-01-01..2017-01-01", "t_2017 2017-01-01..2018-01-01"),
                slices("2016-01-01", "2018-01-01", "1 year", "t_{yyyy}"));
        // Aligned to the month start; the last slice ends at the first boundary at or after 'to'.
        assertEquals(List.of("m_2024_01 2024-01-01..2024-02-01", "m_2024_02 2024-02-01..2024-03-01",
                "m_2024_03 2024-03-01..2024-04-01"), slices("2024-01-31", "2024-03-15", "1 month", "m_{yyyy}_{MM}"));
        // Not aligned: start + n months, so the 31st comes back after February instead of drifting to the 29th.
        assertEquals(List.of("t_p20240131 2024-01-31..2024-02-29", "t_p20240229 2024-02-29..2024-03-31",
                "t_p20240331 2024-03-31..2024-04-30"), slices("2024-01-31", "2024-04-15", "1 month", null, KeyType.DATE,
                OSLO, false, false));
        assertEquals(List.of("h_1_00 2024-01-01 00:00:00..2024-01-01 06:00:00", "h_2_06 2024-01-01 06:00:00..2024-01-01 12:00:00"),
                slices("2024-01-01 00:00:00", "2024-01-01 12:00", "6 hours", "h_{n}_{HH}", KeyType.TIMESTAMP, OSLO, false, true));
        assertEquals(1000, slices("2020-01-01", "2022-09-27", "1 day", "d_{yyyy}{MM}{dd}").size());
    }

    @Test
    void numbersAreAlignedToMultiplesOfTheInterval() {
        assertEquals(List.of("t_p0 0..250", "t_p250 250..500", "t_p500 500..750", "t_p750 750..1000"),
                slices("1", "1000", "250", null));
        assertEquals(List.of("t_p-500 -500..-250", "t_p-250 -250..0"), slices("-300", "-1", "250", null));
        assertEquals(List.of("ids_1 1..251", "ids_251 251..501"), slices("1", "260", "250", "ids_{from}", KeyType.INTEGER,
                OSLO, false, false));
    }

    @Test
    void intervalsAlignmentAndDefaultNamesFollowPgPartman() {
        assertEquals(List.of("t_p20200106 2020-01-06..2020-01-13", "t_p20200113 2020-01-13..2020-01-20"),
                slices("2020-01-08", "2020-01-20", "1 week", null));
        assertEquals(List.of("t_p20200101 2020-01-01..2020-04-01", "t_p20200401 2020-04-01..2020-07-01"),
                slices("2020-02-10", "2020-06-30", "1 quarter", null));
        assertEquals(List.of("t_p20200101_000000 2020-01-01 00:00:00+00..2020-01-01 00:30:00+00",
                "t_p20200101_003000 2020-01-01 00:30:00+00..2020-01-01 01:00:00+00"),
                slices("2020-01-01 00:10", "2020-01-01 00:40", "30 minutes", null));
        assertEquals(List.of("t_p20200101 2020-01-01 00:00:00+00..2020-01-02 12:00:00+00",
                "t_p20200102 2020-01-02 12:00:00+00..2020-01-04 00:00:00+00"),
                slices("2020-01-01", "2020-01-03", "1 day 12 hours", null, KeyType.TIMESTAMPTZ, ZoneId.of("UTC"), false, true));
    }

    @Test
    void timestamptzSlicesCarryTheirOffsetAcrossDaylightSavingTime() {
        // Spring forward in Oslo: 02:00 does not exist; every slice is one real hour, none is empty.
        assertEquals(List.of("t_p20200329_000000 2020-03-29 00:00:00+01..2020-03-29 01:00:00+01",
                "t_p20200329_010000 2020-03-29 01:00:00+01..2020-03-29 03:00:00+02",
                "t_p20200329_030000 2020-03-29 03:00:00+02..2020-03-29 04:00:00+02"),
                slices("2020-03-29 00:00", "2020-03-29 04:00", "1 hour", null, KeyType.TIMESTAMPTZ, OSLO, false, true));
        // Fall back: 02:00 comes twice, as +02 and as +01, so the default names collide; {n} tells them apart.
        assertEquals(List.of("the default names <tableName>_p<start> give the name 't_p20201025_020000' to more than one"
                + " slice (a local time that comes twice when daylight saving time ends); set namePattern, e.g. t_{n}."),
                slices("2020-10-25 01:00", "2020-10-25 03:00", "1 hour", null, KeyType.TIMESTAMPTZ, OSLO, false, true));
        assertEquals(List.of("e_1 2020-10-25 01:00:00+02..2020-10-25 02:00:00+02", "e_2 2020-10-25 02:00:00+02..2020-10-25 02:00:00+01",
                "e_3 2020-10-25 02:00:00+01..2020-10-25 03:00:00+01"),
                slices("2020-10-25 01:00", "2020-10-25 03:00", "1 hour", "e_{n}", KeyType.TIMESTAMPTZ, OSLO, false, true));
        // An offset in from/to is an instant; the slices are still cut in the series' zone.
        assertEquals(List.of("t_p20200101 2020-01-01 00:00:00+01..2020-01-02 00:00:00+01"),
                slices("2020-01-01 00:00:00+01", "2020-01-01 12:00:00+00", "1 day", null, KeyType.TIMESTAMPTZ, OSLO, false, true));
    }

    @Test
    void refusesBadSeriesWithTheFix() {
        assertEquals(List.of("namePattern 't_{yyyy}' gives the name 't_2024' to more than one slice; add a placeholder that"
                + " changes from slice to slice ({dd}, {HH}, {mm}) or {n}."), slices("2024-01-01", "2024-03-01", "1 month", "t_{yyyy}"));
        assertEquals(List.of("namePattern 't_{week}' has the unknown placeholder {week}; use {yyyy}, {MM}, {dd}, {HH}, {mm},"
                + " {n}, {from} or {to}."), slices("2024-01-01", "2024-03-01", "1 month", "t_{week}"));
        assertEquals(List.of("interval 'weekly' is neither 'N unit' (minutes, hours, days, weeks, months, quarters or years,"
                + " combined as in '1 day 12 hours') nor a whole number; write e.g. interval=\"1 month\" or"
                + " interval=\"100000\"."), slices("1", "9", "weekly", "t_{n}"));
        assertEquals(List.of("interval '0 days' is empty; use a positive amount, e.g. 1 month."), slices("2024-01-01",
                "2024-03-01", "0 days", null));
        assertEquals(List.of("from (2025-01-01) is not below to (2024-01-01); the series would be empty."),
                slices("2025-01-01", "2024-01-01", "1 year", "t_{yyyy}"));
        assertEquals(List.of("the series has more than 10000 slices; use a larger interval than '1' or split the range over"
                + " several changes."), slices("0", "20000", "1", "t_{n}"));
        assertEquals(List.of("namePattern 't_{yyyy}' uses {yyyy}, but the series is numeric; use {from}, {to} or {n}."),
                slices("0", "20", "10", "t_{yyyy}"));
        assertEquals(List.of("interval '1 hour' is shorter than a day or not whole days, but the partition key of t is a"
                + " date; use days, weeks, months, quarters or years."), slices("2024-01-01", "2024-01-02", "1 hour", null,
                KeyType.DATE, OSLO, false, true));
        assertEquals(List.of("the partition key of t is a timestamp without time zone, which ignores UTC offsets and time"
                + " zones; remove the offset from from/to and the timeZone attribute."), slices("2024-01-01 00:00+00",
                "2024-01-02", "1 day", null, KeyType.TIMESTAMP, OSLO, false, true));
        assertEquals(List.of("interval '1 month' slices time, but the partition key of t is not a date or timestamp; use a"
                + " whole-number interval for numeric keys."), slices("2024-01-01", "2024-03-01", "1 month", null,
                KeyType.INTEGER, OSLO, false, true));
        assertEquals(List.of("interval '10' is a number, but the partition key of t is not numeric; use an interval such as"
                + " '1 month' for dates and timestamps."), slices("0", "20", "10", null, KeyType.TIMESTAMPTZ, OSLO, false, true));
    }
}
