package liquibase.ext.fdw.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bound parsing, rendering and the validation messages, word for word. */
class PartitionBoundsTest {

    private static String sql(String from, String to, String values, String modulus, String remainder, Boolean isDefault) {
        List<String> errors = new ArrayList<>();
        PartitionBounds bounds = PartitionBounds.of(from, to, values, modulus, remainder, isDefault, null, errors);
        return bounds == null ? String.join(" | ", errors) : bounds.sql();
    }

    @Test
    void itemsAreSplitAtCommasOutsideQuotes() {
        assertEquals(List.of("'a,b", "'it's", "MINVALUE", "42", "'"), BoundItems.parse("'a,b', 'it''s' , MINVALUE,42, ''"));
        assertEquals("FOR VALUES IN ('a,b', 'it''s', NULL, E'back\\\\slash', 'Malmö')",
                sql(null, null, "'a,b', 'it''s', null, back\\slash, Malmö", null, null, null));
    }

    @Test
    void rendersEveryKind() {
        assertEquals("FOR VALUES FROM ('2016-01-01', MINVALUE) TO ('2017-01-01', MAXVALUE)",
                sql("2016-01-01, minvalue", "2017-01-01, MAXVALUE", null, null, null, null));
        assertEquals("FOR VALUES WITH (MODULUS 4, REMAINDER 3)", sql(null, null, null, "4", "3", null));
        assertEquals("DEFAULT", sql(null, null, null, null, null, true));
    }

    @Test
    void refusesBadBoundsWithTheFix() {
        assertEquals("from ('2017-01-01') is not below to ('2016-01-01'); the range would be empty, swap or correct them.",
                sql("2017-01-01", "2016-01-01", null, null, null, null));
        assertEquals("from ('10') is not below to ('9.5'); the range would be empty, swap or correct them.",
                sql("10", "9.5", null, null, null, null));
        assertEquals("from (MAXVALUE) is not below to (MAXVALUE); the range would be empty, swap or correct them.",
                sql("MAXVALUE", "MAXVALUE", null, null, null, null));
        assertEquals("from has 2 item(s) and to has 1; give one item per partition key column on both.",
                sql("1, 2", "3", null, null, null, null));
        assertEquals("attribute 'to' is required with 'from'; a range needs both, e.g. from=\"2016-01-01\" to=\"2017-01-01\".",
                sql("1", null, null, null, null, null));
        assertEquals("range bounds cannot be NULL; use MINVALUE or MAXVALUE for an open end.", sql("NULL", "5", null, null, null, null));
        assertEquals("values cannot hold MAXVALUE; list partitions take literals or NULL.", sql(null, null, "1, maxvalue", null, null, null));
        assertEquals("remainder is 4 with modulus 4; it must be at least 0 and below the modulus.", sql(null, null, null, "4", "4", null));
        assertEquals("attribute 'modulus' is 'four', not an integer; set a whole number.", sql(null, null, null, "four", "1", null));
        assertEquals("isDefault=\"true\" excludes from/to, values and modulus/remainder; remove either isDefault or the bounds.",
                sql("1", "2", null, null, null, true));
        assertEquals("give one kind of bound: from/to (range), values (list) or modulus/remainder (hash); remove the others.",
                sql("1", "2", "3", null, null, null));
        assertEquals("no bound; set from and to (range), values (list), modulus and remainder (hash) or isDefault=\"true\".",
                sql(null, null, null, null, null, null));
        assertEquals("attribute 'values' is \"'open\": a quoted item is not closed; end it with '.",
                sql(null, null, "'open", null, null, null));
        assertEquals("attribute 'values' is \"a,,b\": an item is empty; remove the extra comma or quote an empty string as ''.",
                sql(null, null, "a,,b", null, null, null));
    }

    @Test
    void expectedKindIsEnforced() {
        List<String> errors = new ArrayList<>();
        assertNull(PartitionBounds.of(null, null, "1", null, null, null, PartitionBounds.Kind.RANGE, errors));
        assertEquals(List.of("attributes 'from' and 'to' are required; set them to the range's lower (inclusive) and upper"
                + " (exclusive) bound, e.g. from=\"2016-01-01\" to=\"2017-01-01\"."), errors);
        assertEquals("DEFAULT", PartitionBounds.of(null, null, null, null, null, null, PartitionBounds.Kind.DEFAULT, errors).sql());
    }

    @Test
    void partitionKeyQuotesColumnsAndParenthesisesExpressions() {
        assertEquals(List.of("city", "(date_trunc('year', at))", "lower(\"Name, x\")"),
                PartitionKey.items("city, (date_trunc('year', at)), lower(\"Name, x\")"));
    }
}
