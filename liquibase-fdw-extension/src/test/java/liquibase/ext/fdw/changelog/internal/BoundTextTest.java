package liquibase.ext.fdw.changelog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bounds as PostgreSQL prints them (the texts below are pg_get_expr output, as ReadSideIT checks against the server)
 * split into the change types' attributes, with quotes kept where the attribute syntax needs them.
 */
class BoundTextTest {

    @Test
    void rangeWithMinvalueAndQuotedLiterals() {
        assertEquals(new BoundText("MINVALUE, MINVALUE", "m, '2000-01-01'", null, null, null, false),
                BoundText.parse("FOR VALUES FROM (MINVALUE, MINVALUE) TO ('m', '2000-01-01')"));
        assertEquals("RANGE", BoundText.parse("FOR VALUES FROM ('a') TO ('b')").kind());
    }

    @Test
    void datesKeepTheirQuotesSoYamlReadsThemAsText() {
        assertEquals(new BoundText("'2016-01-01'", "'2017-01-01 00:00:00'", null, null, null, false),
                BoundText.parse("FOR VALUES FROM ('2016-01-01') TO ('2017-01-01 00:00:00')"));
    }

    @Test
    void listKeepsQuotesWhereNeeded() {
        BoundText bound = BoundText.parse("FOR VALUES IN ('NO', 'O''Hare, IL', 'a;b\\c', 'null', ' x', NULL, 10)");
        assertEquals("NO, 'O''Hare, IL', 'a;b\\c', 'null', ' x', NULL, 10", bound.values());
        assertEquals("LIST", bound.kind());
    }

    @Test
    void hashAndDefault() {
        assertEquals(new BoundText(null, null, null, "4", "3", false),
                BoundText.parse("FOR VALUES WITH (modulus 4, remainder 3)"));
        assertEquals("DEFAULT", BoundText.parse("DEFAULT").kind());
    }

    @Test
    void partitionKeyItemsUnquoteColumnNames() {
        assertEquals(List.of("Country Code"), BoundText.keyItems("LIST (\"Country Code\")"));
        assertEquals(List.of("region", "reading_date"), BoundText.keyItems("RANGE (region, reading_date)"));
        assertEquals(List.of("lower(city)"), BoundText.keyItems("LIST (lower(city))"));
        assertEquals("RANGE", BoundText.strategy("RANGE (region, reading_date)"));
    }
}
