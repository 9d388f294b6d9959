package liquibase.ext.fdw.change.createboundscheck.internal;

import java.util.ArrayList;
import java.util.List;
import liquibase.ext.fdw.partition.BoundItems;
import liquibase.ext.fdw.partition.PartitionBounds;

/**
 * The boolean expression PostgreSQL itself uses as the partition constraint of a range or list bound
 * (partbounds.c, {@code get_qual_for_range} / {@code get_qual_for_list}): the same NULL tests, the same row
 * comparison of multi-column ranges, and MINVALUE/MAXVALUE ending a bound. Literals are left untyped so that
 * PostgreSQL types them as the key column, as it does for a partition bound.
 */
public final class PartitionConstraint {
    private PartitionConstraint() {
    }

    /** The expression (without outer parentheses) for {@code bounds} (RANGE or LIST) on the quoted key {@code columns}. */
    public static String of(List<String> columns, PartitionBounds bounds) {
        return switch (bounds.kind()) {
            case RANGE -> range(columns, bounds.from(), bounds.to());
            case LIST -> list(columns.get(0), bounds.values());
            default -> throw new IllegalArgumentException("no CHECK form for a " + bounds.kind() + " bound");
        };
    }

    private static String list(String column, List<String> values) {
        boolean hasNull = values.stream().anyMatch(v -> BoundItems.isKeyword(v, "NULL"));
        List<String> literals = values.stream().filter(v -> !BoundItems.isKeyword(v, "NULL")).map(BoundItems::sql).toList();
        if (literals.isEmpty()) {
            return column + " IS NULL";
        }
        // IN (not = ANY (ARRAY[...])) so that the untyped literals take the column's type, as the bound's values do.
        String match = literals.size() == 1 ? column + " = " + literals.get(0)
                : column + " IN (" + String.join(", ", literals) + ")";
        return hasNull ? column + " IS NULL OR " + match : column + " IS NOT NULL AND " + match;
    }

    private static String range(List<String> columns, List<String> from, List<String> to) {
        List<String> result = new ArrayList<>();
        for (String column : columns) {
            result.add(column + " IS NOT NULL");
        }
        int n = columns.size();
        int i = 0;
        // A common prefix of equal finite items becomes column = value.
        while (i < n - 1 && isValue(from.get(i)) && isValue(to.get(i))
                && BoundItems.literal(from.get(i)).equals(BoundItems.literal(to.get(i)))) {
            result.add(columns.get(i) + " = " + BoundItems.sql(from.get(i)));
            i++;
        }
        String lower = arms(columns, from, i, true);
        String upper = arms(columns, to, i, false);
        if (lower != null) {
            result.add(lower);
        }
        if (upper != null) {
            result.add(upper);
        }
        return String.join(" AND ", result);
    }

    /**
     * The OR of arms for one side from column {@code start}: arm k compares columns start..start+k, equality on all but
     * the last; arms stop at the first MINVALUE/MAXVALUE, which also turns the previous arm's strict comparison into
     * an inclusive one. Null when the side has no finite item (the whole side is unbounded).
     */
    private static String arms(List<String> columns, List<String> bound, int start, boolean lower) {
        int n = columns.size();
        List<String> arms = new ArrayList<>();
        for (int last = start; last < n && isValue(bound.get(last)); last++) {
            List<String> terms = new ArrayList<>();
            for (int j = start; j < last; j++) {
                terms.add(columns.get(j) + " = " + BoundItems.sql(bound.get(j)));
            }
            boolean nextUnbounded = last + 1 < n && BoundItems.isKeyword(bound.get(last + 1), lower ? "MINVALUE" : "MAXVALUE");
            String op;
            if (lower) {
                op = last == n - 1 || nextUnbounded ? " >= " : " > ";
            } else {
                op = nextUnbounded ? " <= " : " < ";
            }
            terms.add(columns.get(last) + op + BoundItems.sql(bound.get(last)));
            arms.add(terms.size() == 1 ? terms.get(0) : "(" + String.join(" AND ", terms) + ")");
        }
        if (arms.isEmpty()) {
            return null;
        }
        return arms.size() == 1 ? arms.get(0) : "(" + String.join(" OR ", arms) + ")";
    }

    private static boolean isValue(String item) {
        return BoundItems.literal(item) != null;
    }
}
