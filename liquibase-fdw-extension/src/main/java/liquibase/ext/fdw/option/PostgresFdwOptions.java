package liquibase.ext.fdw.option;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The object kinds that take postgres_fdw options, and which options each kind takes on each PostgreSQL major:
 * PostgreSQL's own table (postgres_fdw's option.c plus the libpq of that major, see {@link OptionTable}), so bad
 * names, options of another kind and too-new options are refused before any SQL runs.
 */
public enum PostgresFdwOptions {
    /** Options of CREATE/ALTER FOREIGN DATA WRAPPER: postgres_fdw takes none. */
    WRAPPER("foreign-data wrapper", "no change type: postgres_fdw takes no wrapper options"),
    /** Options of CREATE/ALTER SERVER. */
    SERVER("foreign server", "createForeignServer or alterForeignServer"),
    /** Options of CREATE/ALTER USER MAPPING. */
    USER_MAPPING("user mapping", "createUserMapping or alterUserMapping"),
    /** Table-level options of CREATE/ALTER FOREIGN TABLE. */
    FOREIGN_TABLE("foreign table", "createForeignTable"),
    /** Column options of a foreign table's column. */
    COLUMN("foreign table column", "a createForeignTable column's remoteColumnName"),
    /** Options of IMPORT FOREIGN SCHEMA, which postgres_fdw checks when the import runs rather than in its validator. */
    IMPORT("import", "importForeignSchema");

    private final String object;
    private final String whereToSet;

    PostgresFdwOptions(String object, String whereToSet) {
        this.object = object;
        this.whereToSet = whereToSet;
    }

    /** What the options belong to, for messages ("foreign server"). */
    public String object() {
        return object;
    }

    /** Where a user sets options of this kind, for messages ("createUserMapping or alterUserMapping"). */
    public String whereToSet() {
        return whereToSet;
    }

    /** The oldest PostgreSQL major the table describes. */
    public static int oldestMajor() {
        return OptionTable.OLDEST_MAJOR;
    }

    /** The newest PostgreSQL major the table describes; newer servers are checked as this one. */
    public static int newestMajor() {
        return OptionTable.NEWEST_MAJOR;
    }

    /**
     * Whether postgres_fdw of PostgreSQL {@code major} accepts the option on this kind of object; with
     * {@code major} 0 (unknown), whether any described major accepts it.
     */
    public boolean isValid(String option, int major) {
        OptionalInt since = sinceMajor(option);
        return since.isPresent() && (major == 0 || since.getAsInt() <= clamp(major));
    }

    /** Whether some described major accepts the option on this kind of object. */
    public boolean isKnown(String option) {
        return sinceMajor(option).isPresent();
    }

    /** The first major that accepts the option on this kind of object, or empty when none does. */
    public OptionalInt sinceMajor(String option) {
        return OptionTable.ROWS.stream().filter(row -> row.kinds().contains(this) && row.name().equals(option))
                .mapToInt(OptionTable.Row::since).min();
    }

    /** The options of this kind on PostgreSQL {@code major} (0: on any described major), sorted. */
    public Set<String> names(int major) {
        Set<String> names = new TreeSet<>();
        for (OptionTable.Row row : OptionTable.ROWS) {
            if (row.kinds().contains(this) && (major == 0 || row.since() <= clamp(major))) {
                names.add(row.name());
            }
        }
        return names;
    }

    /** The options of this kind on any described major, sorted. */
    public Set<String> names() {
        return names(0);
    }

    /** A value PostgreSQL accepts for the option when the object is created, for documentation and tests. */
    public static Optional<String> example(String option) {
        return OptionTable.ROWS.stream().filter(row -> row.name().equals(option)).map(OptionTable.Row::example).findFirst();
    }

    /** Why postgres_fdw accepts the libpq option on no object at all, or empty when it is not such an option. */
    public static Optional<String> neverReason(String option) {
        return Optional.ofNullable(OptionTable.NEVER.get(option));
    }

    private static int clamp(int major) {
        return Math.max(OptionTable.OLDEST_MAJOR, Math.min(OptionTable.NEWEST_MAJOR, major));
    }
}
