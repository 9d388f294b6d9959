package liquibase.ext.fdw.partition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bound of one partition: a range ({@code from}/{@code to}), a list ({@code values}), a hash slot
 * ({@code modulus}/{@code remainder}) or the default partition; validated as a whole and rendered as the
 * {@code FOR VALUES ...} / {@code DEFAULT} clause.
 */
public final class PartitionBounds {
    /** The kinds of partition bound. */
    public enum Kind { RANGE, LIST, HASH, DEFAULT }

    private final Kind kind;
    private final List<String> from;
    private final List<String> to;
    private final List<String> values;
    private final Integer modulus;
    private final Integer remainder;

    private PartitionBounds(Kind kind, List<String> from, List<String> to, List<String> values, Integer modulus,
            Integer remainder) {
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.values = values;
        this.modulus = modulus;
        this.remainder = remainder;
    }

    /** A range bound; the items come from {@link BoundItems#parse}. */
    public static PartitionBounds range(List<String> from, List<String> to) {
        return new PartitionBounds(Kind.RANGE, List.copyOf(from), List.copyOf(to), List.of(), null, null);
    }

    /** The default partition. */
    public static PartitionBounds defaultPartition() {
        return new PartitionBounds(Kind.DEFAULT, List.of(), List.of(), List.of(), null, null);
    }

    /**
     * Reads the bound attributes of a change; {@code errors} receives one "attribute ...; fix" detail per problem
     * and the result is null when there was one. {@code expected} restricts the kind (null: any kind, exactly one).
     */
    public static PartitionBounds of(String from, String to, String values, String modulus, String remainder,
            Boolean isDefault, Kind expected, List<String> errors) {
        List<Kind> given = new ArrayList<>();
        if (from != null || to != null) {
            given.add(Kind.RANGE);
        }
        if (values != null) {
            given.add(Kind.LIST);
        }
        if (modulus != null || remainder != null) {
            given.add(Kind.HASH);
        }
        if (Boolean.TRUE.equals(isDefault)) {
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
        int before = errors.size();
        PartitionBounds bounds = switch (kind) {
            case RANGE -> range(from, to, errors);
            case LIST -> list(values, errors);
            case HASH -> hash(modulus, remainder, errors);
            case DEFAULT -> defaultPartition();
        };
        return errors.size() > before ? null : bounds;
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

    private static PartitionBounds range(String fromText, String toText, List<String> errors) {
        if (fromText == null || toText == null) {
            errors.add("attribute '" + (fromText == null ? "from" : "to") + "' is required with '"
                    + (fromText == null ? "to" : "from") + "'; a range needs both, e.g. from=\"2016-01-01\" to=\"2017-01-01\".");
            return null;
        }
        List<String> from = items("from", fromText, errors);
        List<String> to = items("to", toText, errors);
        if (from == null || to == null) {
            return null;
        }
        for (List<String> side : List.of(from, to)) {
            if (side.stream().anyMatch(i -> BoundItems.isKeyword(i, "NULL"))) {
                errors.add("range bounds cannot be NULL; use MINVALUE or MAXVALUE for an open end.");
                return null;
            }
        }
        if (from.size() != to.size()) {
            errors.add("from has " + from.size() + " item(s) and to has " + to.size()
                    + "; give one item per partition key column on both.");
            return null;
        }
        int order = compare(from, to);
        if (order >= 0) {
            errors.add("from (" + String.join(", ", display(from)) + ") is not below to (" + String.join(", ", display(to))
                    + "); the range would be empty, swap or correct them.");
            return null;
        }
        return range(from, to);
    }

    private static PartitionBounds list(String text, List<String> errors) {
        List<String> values = items("values", text, errors);
        if (values == null) {
            return null;
        }
        for (String item : values) {
            if (BoundItems.isKeyword(item, "MINVALUE") || BoundItems.isKeyword(item, "MAXVALUE")) {
                errors.add("values cannot hold " + item.toUpperCase() + "; list partitions take literals or NULL.");
                return null;
            }
        }
        return new PartitionBounds(Kind.LIST, List.of(), List.of(), List.copyOf(values), null, null);
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
        return new PartitionBounds(Kind.HASH, List.of(), List.of(), List.of(), modulus, remainder);
    }

    private static List<String> items(String attribute, String text, List<String> errors) {
        try {
            return BoundItems.parse(text);
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

    private static List<String> display(List<String> items) {
        List<String> shown = new ArrayList<>();
        for (String item : items) {
            shown.add(BoundItems.sql(item));
        }
        return shown;
    }

    /**
     * Row comparison of two range bounds where every item pair is comparable (MINVALUE/MAXVALUE, numbers, ISO dates
     * and timestamps, otherwise text only when equal); 0 means equal or not comparable is treated as "below".
     */
    static int compare(List<String> from, List<String> to) {
        for (int i = 0; i < from.size(); i++) {
            Integer c = compareItem(from.get(i), to.get(i));
            if (c == null) {
                return -1; // not comparable here: PostgreSQL decides
            }
            if (c != 0) {
                return c;
            }
            if (BoundItems.isKeyword(from.get(i), "MINVALUE") || BoundItems.isKeyword(from.get(i), "MAXVALUE")) {
                return 0; // items after MINVALUE/MAXVALUE are ignored by PostgreSQL; equal ends mean an empty range
            }
        }
        return 0;
    }

    private static Integer compareItem(String a, String b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != 0 || rb != 0) {
            return Integer.compare(ra, rb);
        }
        String la = BoundItems.literal(a);
        String lb = BoundItems.literal(b);
        if (la.equals(lb)) {
            return 0;
        }
        try {
            return new BigDecimal(la.trim()).compareTo(new BigDecimal(lb.trim()));
        } catch (NumberFormatException e) {
            // not numbers
        }
        try {
            return LocalDate.parse(la.trim()).compareTo(LocalDate.parse(lb.trim()));
        } catch (DateTimeParseException e) {
            // not dates
        }
        try {
            return LocalDateTime.parse(la.trim().replace(' ', 'T')).compareTo(LocalDateTime.parse(lb.trim().replace(' ', 'T')));
        } catch (DateTimeParseException e) {
            return null;
        }
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

    public List<String> from() {
        return from;
    }

    public List<String> to() {
        return to;
    }

    public List<String> values() {
        return values;
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
            case RANGE -> "FOR VALUES FROM (" + BoundItems.sql(from) + ") TO (" + BoundItems.sql(to) + ")";
            case LIST -> "FOR VALUES IN (" + BoundItems.sql(values) + ")";
            case HASH -> "FOR VALUES WITH (MODULUS " + modulus + ", REMAINDER " + remainder + ")";
            case DEFAULT -> "DEFAULT";
        };
    }
}
