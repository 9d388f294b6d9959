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
        assertEquals("from (MAXVALUE, '1') is not below to ('2016-01-01', '2'); the range would be empty, swap or correct them.",
                sql("MAXVALUE, 1", "2016-01-01, 2", null, null, null, null));
        assertEquals("from ('5') is not below to (MINVALUE); the range would be empty, swap or correct them.",
                sql("5", "MINVALUE", null, null, null, null));
        assertEquals("from (MINVALUE, MINVALUE) is not below to (MINVALUE, MAXVALUE); the range would be empty, swap or correct them.",
                sql("MINVALUE, MINVALUE", "MINVALUE, MAXVALUE", null, null, null, null));
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
    void valuesAreOrderedOnlyByTheKeysTypeSoOfflineTheyAreLeftToPostgresql() {
        // '10' < '9' on a text key and 2019-1-1 > 2018-1-1 on a date key: only the key's type can tell
        assertEquals("FOR VALUES FROM ('10') TO ('9')", sql("10", "9", null, null, null, null));
        assertEquals("FOR VALUES FROM ('2019-1-1') TO ('2018-1-1')", sql("2019-1-1", "2018-1-1", null, null, null, null));
        assertEquals("FOR VALUES FROM (MINVALUE) TO ('0')", sql("minvalue", "0", null, null, null, null));
        assertEquals("FOR VALUES FROM ('1', MAXVALUE) TO ('1', MINVALUE)", sql("1, MAXVALUE", "1, MINVALUE", null, null, null, null));
    }

    private static String sql(PartitionBounds.Attributes attributes) {
        List<String> errors = new ArrayList<>();
        PartitionBounds bounds = PartitionBounds.of(attributes, null, errors);
        return bounds == null ? String.join(" | ", errors) : bounds.sql();
    }

    @Test
    void expressionsArePassedVerbatimAndExcludeTheirLiteralTwin() {
        assertEquals("FOR VALUES FROM ('2020-01-01'::date) TO (CURRENT_DATE)", sql(new PartitionBounds.Attributes(null,
                "'2020-01-01'::date", null, "CURRENT_DATE", null, null, null, null, null)));
        assertEquals("FOR VALUES FROM (MINVALUE) TO ((1+1))", sql(new PartitionBounds.Attributes("MINVALUE", null, null,
                "(1+1)", null, null, null, null, null)));
        assertEquals("FOR VALUES IN ('a' || 'b', upper('x'))", sql(new PartitionBounds.Attributes(null, null, null, null,
                null, "'a' || 'b', upper('x')", null, null, null)));
        assertEquals("'to' and 'toExpression' are both set; keep to for literal values or toExpression for SQL, not both.",
                sql(new PartitionBounds.Attributes("1", null, "2", "(1+1)", null, null, null, null, null)));
        assertEquals("attribute 'to' is required with 'from'; a range needs both, e.g. from=\"2016-01-01\" to=\"2017-01-01\".",
                sql(new PartitionBounds.Attributes(null, "(1+1)", null, null, null, null, null, null, null)));
        assertEquals("give one kind of bound: from/to (range), values (list) or modulus/remainder (hash); remove the others.",
                sql(new PartitionBounds.Attributes(null, "1", null, "2", null, "3", null, null, null)));
    }

    @Test
    void aCastAfterAQuotedItemPointsToTheExpressionForm() {
        assertEquals("attribute 'from' is \"'2020-01-01'::date\": text follows the quoted item '2020-01-01'; items are"
                + " literals, so write the value alone, or for SQL (a cast, a function, an operator) set"
                + " fromExpression=\"'2020-01-01'::date\" instead of from.", sql("'2020-01-01'::date", "2021-01-01", null, null, null, null));
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
