package liquibase.ext.fdw.partition;

import java.util.ArrayList;
import java.util.List;

/**
 * The bound of one partition: a range ({@code from}/{@code to}), a list ({@code values}), a hash slot
 * ({@code modulus}/{@code remainder}) or the default partition; validated as a whole and rendered as the
 * {@code FOR VALUES ...} / {@code DEFAULT} clause. Each side of a range and a list can instead be SQL written by the
 * changelog author ({@code fromExpression}, {@code toExpression}, {@code valuesExpression}), passed verbatim.
 */
public final class PartitionBounds {
    /** The kinds of partition bound. */
    public enum Kind { RANGE, LIST, HASH, DEFAULT }

    /** The bound attributes of a change or precondition as written; null where not given. */
    public record Attributes(String from, String fromExpression, String to, String toExpression, String values,
            String valuesExpression, String modulus, String remainder, Boolean isDefault) {
        /** Literal-only attributes (no expressions). */
        public static Attributes of(String from, String to, String values, String modulus, String remainder, Boolean isDefault) {
            return new Attributes(from, null, to, null, values, null, modulus, remainder, isDefault);
        }

        /** Whether any attribute is given. */
        public boolean any() {
            return from != null || fromExpression != null || to != null || toExpression != null || values != null
                    || valuesExpression != null || modulus != null || remainder != null || isDefault != null;
        }

        /** Whether a side is SQL written by the author (then PostgreSQL alone checks it). */
        public boolean hasExpression() {
            return fromExpression != null || toExpression != null || valuesExpression != null;
        }
    }

    private final Kind kind;
    private final List<String> from;
    private final List<String> to;
    private final List<String> values;
    private final String fromSql;
    private final String toSql;
    private final String valuesSql;
    private final Integer modulus;
    private final Integer remainder;

    private PartitionBounds(Kind kind, List<String> from, List<String> to, List<String> values, String fromSql,
            String toSql, String valuesSql, Integer modulus, Integer remainder) {
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.values = values;
        this.fromSql = fromSql;
        this.toSql = toSql;
        this.valuesSql = valuesSql;
        this.modulus = modulus;
        this.remainder = remainder;
    }

    /** A range bound; the items come from {@link BoundItems#parse}. */
    public static PartitionBounds range(List<String> from, List<String> to) {
        return new PartitionBounds(Kind.RANGE, List.copyOf(from), List.copyOf(to), List.of(), BoundItems.sql(from),
                BoundItems.sql(to), null, null, null);
    }

    /** The default partition. */
    public static PartitionBounds defaultPartition() {
        return new PartitionBounds(Kind.DEFAULT, List.of(), List.of(), List.of(), null, null, null, null, null);
    }

    /** {@link #of(Attributes, Kind, List)} for literal-only attributes. */
    public static PartitionBounds of(String from, String to, String values, String modulus, String remainder,
            Boolean isDefault, Kind expected, List<String> errors) {
        return of(Attributes.of(from, to, values, modulus, remainder, isDefault), expected, errors);
    }

    /**
     * Reads the bound attributes of a change; {@code errors} receives one "attribute ...; fix" detail per problem
     * and the result is null when there was one. {@code expected} restricts the kind (null: any kind, exactly one).
     */
    public static PartitionBounds of(Attributes a, Kind expected, List<String> errors) {
        int before = errors.size();
        twins(a.from(), "from", a.fromExpression(), errors);
        twins(a.to(), "to", a.toExpression(), errors);
        twins(a.values(), "values", a.valuesExpression(), errors);
        if (errors.size() > before) {
            return null;
        }
        String fromText = a.from() != null ? a.from() : a.fromExpression();
        String toText = a.to() != null ? a.to() : a.toExpression();
        String valuesText = a.values() != null ? a.values() : a.valuesExpression();
        List<Kind> given = new ArrayList<>();
        if (fromText != null || toText != null) {
            given.add(Kind.RANGE);
        }
        if (valuesText != null) {
            given.add(Kind.LIST);
        }
        if (a.modulus() != null || a.remainder() != null) {
            given.add(Kind.HASH);
        }
        if (Boolean.TRUE.equals(a.isDefault())) {
            given.add(Kind.DEFAULT);
        }
        if (given.size() > 1) {
            errors.add(given.contains(Kind.DEFAULT)
                    ? "isDefault=\"true\" excludes from/to, values and modulus/remainder; remove either isDefault or the bounds."
                    : "give one kind of bound: from/to (range), values (list) or modulus/remainder (hash); remove the others.");
            return null;
        }
        if (given.isEmpty() && expected == Kind.DEFAULT) {
            return defaultPartition();
        }
        if (given.isEmpty()) {
            errors.add(expected == null
                    ? "no bound; set from and to (range), values (list), modulus and remainder (hash) or isDefault=\"true\"."
                    : missing(expected));
            return null;
        }
        Kind kind = given.get(0);
        if (expected != null && kind != expected) {
            errors.add(missing(expected));
            return null;
        }
        PartitionBounds bounds = switch (kind) {
            case RANGE -> range(a, errors);
            case LIST -> list(a, errors);
            case HASH -> hash(a.modulus(), a.remainder(), errors);
            case DEFAULT -> defaultPartition();
        };
        return errors.size() > before ? null : bounds;
    }

    private static void twins(String literal, String attribute, String expression, List<String> errors) {
        if (literal != null && expression != null) {
            errors.add("'" + attribute + "' and '" + attribute + "Expression' are both set; keep " + attribute
                    + " for literal values or " + attribute + "Expression for SQL, not both.");
        }
    }

    private static String missing(Kind expected) {
        return switch (expected) {
            case RANGE -> "attributes 'from' and 'to' are required; set them to the range's lower (inclusive) and upper"
                    + " (exclusive) bound, e.g. from=\"2016-01-01\" to=\"2017-01-01\".";
            case LIST -> "attribute 'values' is required; set it to the partition's list values, e.g. values=\"'Oslo', 'Bergen'\".";
            case HASH -> "attributes 'modulus' and 'remainder' are required; e.g. modulus=\"4\" remainder=\"0\".";
            case DEFAULT -> "the default partition takes no bounds; remove from/to, values and modulus/remainder.";
        };
    }

    private static PartitionBounds range(Attributes a, List<String> errors) {
        boolean hasFrom = a.from() != null || a.fromExpression() != null;
        boolean hasTo = a.to() != null || a.toExpression() != null;
        if (!hasFrom || !hasTo) {
            errors.add("attribute '" + (!hasFrom ? "from" : "to") + "' is required with '"
                    + (!hasFrom ? "to" : "from") + "'; a range needs both, e.g. from=\"2016-01-01\" to=\"2017-01-01\".");
            return null;
        }
        List<String> from = a.from() == null ? null : items("from", a.from(), errors);
        List<String> to = a.to() == null ? null : items("to", a.to(), errors);
        if ((a.from() != null && from == null) || (a.to() != null && to == null)) {
            return null;
        }
        for (List<String> side : new List[] {from, to}) {
            if (side != null && side.stream().anyMatch(i -> BoundItems.isKeyword(i, "NULL"))) {
                errors.add("range bounds cannot be NULL; use MINVALUE or MAXVALUE for an open end.");
                return null;
            }
        }
        if (from != null && to != null) {
            if (from.size() != to.size()) {
                errors.add("from has " + from.size() + " item(s) and to has " + to.size()
                        + "; give one item per partition key column on both.");
                return null;
            }
            if (keywordOrder(from, to) >= 0) {
                errors.add("from (" + BoundItems.sql(from) + ") is not below to (" + BoundItems.sql(to)
                        + "); the range would be empty, swap or correct them.");
                return null;
            }
        }
        return new PartitionBounds(Kind.RANGE, from, to, List.of(), from == null ? a.fromExpression() : BoundItems.sql(from),
                to == null ? a.toExpression() : BoundItems.sql(to), null, null, null);
    }

    private static PartitionBounds list(Attributes a, List<String> errors) {
        if (a.values() == null) {
            return new PartitionBounds(Kind.LIST, List.of(), List.of(), null, null, null, a.valuesExpression(), null, null);
        }
        List<String> values = items("values", a.values(), errors);
        if (values == null) {
            return null;
        }
        for (String item : values) {
            if (BoundItems.isKeyword(item, "MINVALUE") || BoundItems.isKeyword(item, "MAXVALUE")) {
                errors.add("values cannot hold " + BoundItems.sql(item) + "; list partitions take literals or NULL.");
                return null;
            }
        }
        return new PartitionBounds(Kind.LIST, List.of(), List.of(), List.copyOf(values), null, null, BoundItems.sql(values),
                null, null);
    }

    private static PartitionBounds hash(String modulusText, String remainderText, List<String> errors) {
        Integer modulus = integer("modulus", modulusText, errors);
        Integer remainder = integer("remainder", remainderText, errors);
        if (modulus == null || remainder == null) {
            return null;
        }
        if (modulus < 1) {
            errors.add("modulus is " + modulus + "; it must be a positive integer.");
            return null;
        }
        if (remainder < 0 || remainder >= modulus) {
            errors.add("remainder is " + remainder + " with modulus " + modulus + "; it must be at least 0 and below the modulus.");
            return null;
        }
        return new PartitionBounds(Kind.HASH, List.of(), List.of(), List.of(), null, null, null, modulus, remainder);
    }

    private static List<String> items(String attribute, String text, List<String> errors) {
        try {
            return BoundItems.parse(text);
        } catch (BoundItems.TextAfterQuote e) {
            errors.add("attribute '" + attribute + "' is \"" + text + "\": " + e.getMessage() + "; items are literals, so"
                    + " write the value alone, or for SQL (a cast, a function, an operator) set " + attribute
                    + "Expression=\"" + text + "\" instead of " + attribute + ".");
            return null;
        } catch (IllegalArgumentException e) {
            errors.add("attribute '" + attribute + "' is \"" + text + "\": " + e.getMessage() + ".");
            return null;
        }
    }

    private static Integer integer(String attribute, String text, List<String> errors) {
        if (text == null) {
            errors.add("attribute '" + attribute + "' is required for a hash partition; set modulus and remainder, e.g."
                    + " modulus=\"4\" remainder=\"0\".");
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.add("attribute '" + attribute + "' is '" + text + "', not an integer; set a whole number.");
            return null;
        }
    }

    /**
     * The order of two range bounds as far as it is known without the key's type: MINVALUE below every value below
     * MAXVALUE. Negative: below or unknown (two values: PostgreSQL orders them by the key's type); 0: empty range.
     */
    static int keywordOrder(List<String> from, List<String> to) {
        // the first items decide: after a MINVALUE/MAXVALUE PostgreSQL ignores the rest, and two values need the type
        int ra = rank(from.get(0));
        int rb = rank(to.get(0));
        if (ra == 0 && rb == 0) {
            return -1;
        }
        return Integer.compare(ra, rb);
    }

    private static int rank(String item) {
        if (BoundItems.isKeyword(item, "MINVALUE")) {
            return -1;
        }
        return BoundItems.isKeyword(item, "MAXVALUE") ? 1 : 0;
    }

    public Kind kind() {
        return kind;
    }

    /** The parsed items of the lower bound; null when it is an expression. */
    public List<String> from() {
        return from;
    }

    /** The parsed items of the upper bound; null when it is an expression. */
    public List<String> to() {
        return to;
    }

    /** The parsed list values; null when they are an expression. */
    public List<String> values() {
        return values;
    }

    /** The lower bound of a range as SQL, the inside of {@code FROM (...)}; null for other kinds. */
    public String fromSql() {
        return fromSql;
    }

    /** Whether some side is the author's SQL rather than literals. */
    public boolean hasExpression() {
        return (kind == Kind.RANGE && (from == null || to == null)) || (kind == Kind.LIST && values == null);
    }

    public Integer modulus() {
        return modulus;
    }

    public Integer remainder() {
        return remainder;
    }

    /** {@code FOR VALUES FROM (...) TO (...)}, {@code FOR VALUES IN (...)}, {@code FOR VALUES WITH (...)} or {@code DEFAULT}. */
    public String sql() {
        return switch (kind) {
            case RANGE -> "FOR VALUES FROM (" + fromSql + ") TO (" + toSql + ")";
            case LIST -> "FOR VALUES IN (" + valuesSql + ")";
            case HASH -> "FOR VALUES WITH (MODULUS " + modulus + ", REMAINDER " + remainder + ")";
            case DEFAULT -> "DEFAULT";
        };
    }
}
