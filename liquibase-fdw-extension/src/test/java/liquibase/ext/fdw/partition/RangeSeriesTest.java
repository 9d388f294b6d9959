package liquibase.ext.fdw.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slices of createRangePartitions and their messages, word for word. */
class RangeSeriesTest {

    private static List<String> slices(String from, String to, String interval, String pattern) {
        List<String> errors = new ArrayList<>();
        List<RangeSeries.Slice> slices = RangeSeries.slices(from, to, interval, pattern, errors);
        if (!errors.isEmpty()) {
            return errors;
        }
        return slices.stream().map(s -> s.name() + " " + s.from() + ".." + s.to()).toList();
    }

    @Test
    void slicesDatesTimestampsAndNumbers() {
        assertEquals(List.of("t_2016 2016-01-01..2017-01-01", "t_2017 2017-01-01..2018-01-01"),
                slices("2016-01-01", "2018-01-01", "1 year", "t_{yyyy}"));
        assertEquals(List.of("m_2024_01 2024-01-31..2024-02-29", "m_2024_02 2024-02-29..2024-03-15"),
                slices("2024-01-31", "2024-03-15", "1 month", "m_{yyyy}_{MM}"));
        assertEquals(List.of("h_1_00 2024-01-01 00:00:00..2024-01-01 06:00:00", "h_2_06 2024-01-01 06:00:00..2024-01-01 12:00:00"),
                slices("2024-01-01 00:00:00", "2024-01-01 12:00", "6 hours", "h_{n}_{HH}"));
        assertEquals(List.of("ids_0 0..1000", "ids_1000 1000..1500"), slices("0", "1500", "1000", "ids_{from}"));
        assertEquals(1000, slices("2020-01-01", "2022-09-27", "1 day", "d_{yyyy}{MM}{dd}").size());
    }

    @Test
    void refusesBadSeriesWithTheFix() {
        assertEquals(List.of("namePattern 't_{yyyy}' gives the name 't_2024' to more than one slice; add the placeholder of"
                + " the interval's unit ({MM}) or {n}."), slices("2024-01-01", "2024-03-01", "1 month", "t_{yyyy}"));
        assertEquals(List.of("namePattern 't_{week}' has the unknown placeholder {week}; use {yyyy}, {MM}, {dd}, {HH}, {mm},"
                + " {n}, {from} or {to}."), slices("2024-01-01", "2024-03-01", "1 month", "t_{week}"));
        assertEquals(List.of("interval 'weekly' is neither 'N years|months|days|hours' nor a whole number; write e.g."
                + " interval=\"1 month\" or interval=\"100000\"."), slices("1", "9", "weekly", "t_{n}"));
        assertEquals(List.of("from (2025-01-01) is not below to (2024-01-01); the series would be empty."),
                slices("2025-01-01", "2024-01-01", "1 year", "t_{yyyy}"));
        assertEquals(List.of("the series has more than 10000 slices; use a larger interval than '1' or split the range over"
                + " several changes."), slices("0", "20000", "1", "t_{n}"));
        assertEquals(List.of("namePattern 't_{yyyy}' uses {yyyy}, but the series is numeric; use {from}, {to} or {n}."),
                slices("0", "20", "10", "t_{yyyy}"));
    }
}
