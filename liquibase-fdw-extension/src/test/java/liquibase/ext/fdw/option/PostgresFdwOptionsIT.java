package liquibase.ext.fdw.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.createforeignserver.CreateForeignServerChange;
import liquibase.ext.fdw.change.createforeigntable.CreateForeignTableChange;
import liquibase.ext.fdw.change.createusermapping.CreateUserMappingChange;
import liquibase.ext.fdw.change.importforeignschema.ImportForeignSchemaChange;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;

/**
 * The option table is PostgreSQL's: on a real server of each major, every option name of every major's table, the
 * libpq names postgres_fdw hides and made-up names are tried on every object kind with plain SQL (CREATE SERVER,
 * USER MAPPING, FOREIGN TABLE, a column's OPTIONS, FOREIGN DATA WRAPPER, IMPORT FOREIGN SCHEMA) under a savepoint, and postgres_fdw's
 * verdict (accepted, or refused with SQLSTATE HV00D) must equal what our validation says for that major. Where
 * postgres_fdw lists every valid option in its hint (14 and 15), that list must equal the table too, which proves no
 * option is missing from it.
 */
@Tag("timezone") // the proof runs under both JVM zones, like the bounds corpus
class PostgresFdwOptionsIT {
    private static final String INVALID_OPTION_NAME = "HV00D";
    private static final String HINT_LIST = "Valid options in this context are: ";
    private static final String HINT_NONE = "There are no valid options in this context.";
    private static final List<String> MADE_UP = List.of("made_up_option", "hots");

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void validationAgreesWithPostgresFdwOnEveryNameAndKind(int major) throws Exception {
        try (TestDatabase db = TestDatabase.create(major, "coordinator"); Connection connection = db.connect()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            connection.setAutoCommit(false);
            try (Statement setup = connection.createStatement()) {
                setup.execute("CREATE EXTENSION postgres_fdw");
                setup.execute("CREATE SERVER probe FOREIGN DATA WRAPPER postgres_fdw");
                // IMPORT checks its options in postgres_fdw's import code, after nothing but the server lookup; a
                // loopback server lets an accepted import run to its end (importing nothing).
                setup.execute("CREATE SERVER probe_import FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1',"
                        + " port '" + db.node().port() + "', dbname '" + db.name() + "')");
                setup.execute("CREATE USER MAPPING FOR CURRENT_USER SERVER probe_import OPTIONS (user "
                        + SqlLiterals.quote(db.node().username()) + ", password " + SqlLiterals.quote(db.node().password()) + ")");
                setup.execute("CREATE SCHEMA probe_local");
            }
            List<String> differences = new ArrayList<>();
            int accepted = 0;
            int refused = 0;
            for (PostgresFdwOptions kind : PostgresFdwOptions.values()) {
                for (String name : candidates()) {
                    Verdict postgres = tryOption(connection, kind, name);
                    if (postgres.unexpected() != null) {
                        differences.add(kind.object() + " option '" + name + "': PostgreSQL " + major
                                + " failed for another reason than the name: " + postgres.unexpected());
                        continue;
                    }
                    String ours = ourRefusal(kind, name, database);
                    if (postgres.accepted() != (ours == null)) {
                        differences.add(kind.object() + " option '" + name + "': PostgreSQL " + major + " "
                                + (postgres.accepted() ? "accepts it, our validation refuses it: " + ours
                                        : "refuses it, our validation accepts it"));
                    }
                    if (postgres.accepted()) {
                        accepted++;
                    } else {
                        refused++;
                    }
                }
                Set<String> listed = validOptionsFromHint(connection, kind);
                if (listed != null && !listed.equals(kind.names(major))) {
                    differences.add(kind.object() + " options listed by PostgreSQL " + major + ": " + listed
                            + ", in our table: " + kind.names(major));
                }
            }
            connection.rollback();
            assertEquals(List.of(), differences, "the option table differs from PostgreSQL " + major);
            // Both outcomes occur on every kind mix, so the loop compared real verdicts, not one constant answer.
            assertTrue(accepted > 40 && refused > 200, "accepted " + accepted + ", refused " + refused);
        }
    }

    /** Every name of every major's table, the names postgres_fdw hides, and made-up ones. */
    private static Set<String> candidates() {
        Set<String> names = new TreeSet<>();
        for (OptionTable.Row row : OptionTable.ROWS) {
            names.add(row.name());
        }
        names.addAll(OptionTable.NEVER.keySet());
        names.addAll(MADE_UP);
        return names;
    }

    /** Our validation's refusal of {@code name} on {@code kind} for the connected major, or null when it accepts. */
    private static String ourRefusal(PostgresFdwOptions kind, String name, Database database) {
        Change change = switch (kind) {
            case SERVER -> new CreateForeignServerChange();
            case USER_MAPPING -> new CreateUserMappingChange();
            case IMPORT -> new ImportForeignSchemaChange();
            default -> new CreateForeignTableChange();
        };
        if (kind == PostgresFdwOptions.WRAPPER) {
            // No change type sets wrapper options; the table is the whole validation there.
            return kind.isValid(name, OptionChecks.major(database)) ? null : "not in the table";
        }
        ValidationErrors errors = new ValidationErrors();
        String value = PostgresFdwOptions.example(name).orElse("x");
        OptionChecks.check(change, List.of(new FdwOption(name, value)), kind, database, errors);
        return errors.hasErrors() ? String.join("; ", errors.getErrorMessages()) : null;
    }

    private record Verdict(boolean accepted, String unexpected) {
    }

    /** PostgreSQL's verdict on one option, under a savepoint so that nothing stays. */
    private static Verdict tryOption(Connection connection, PostgresFdwOptions kind, String name) throws SQLException {
        String value = PostgresFdwOptions.example(name).orElse("x");
        Savepoint savepoint = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl(kind, FdwOptions.name(name) + " " + SqlLiterals.quote(value)));
            return new Verdict(true, null);
        } catch (SQLException e) {
            return INVALID_OPTION_NAME.equals(e.getSQLState()) ? new Verdict(false, null)
                    : new Verdict(false, e.getSQLState() + " " + e.getMessage());
        } finally {
            connection.rollback(savepoint);
        }
    }

    /** The options postgres_fdw lists in its hint for {@code kind}, or null when its hint lists none (16+). */
    private static Set<String> validOptionsFromHint(Connection connection, PostgresFdwOptions kind) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl(kind, "made_up_option 'x'"));
            throw new AssertionError("PostgreSQL accepted made_up_option on a " + kind.object());
        } catch (PSQLException e) {
            String hint = e.getServerErrorMessage() == null ? null : e.getServerErrorMessage().getHint();
            if (HINT_NONE.equals(hint)) {
                return Set.of();
            }
            if (hint == null || !hint.startsWith(HINT_LIST)) {
                return null;
            }
            // 14 words an empty list as the list prefix followed by nothing.
            return Arrays.stream(hint.substring(HINT_LIST.length()).split(", ")).filter(name -> !name.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        } finally {
            connection.rollback(savepoint);
        }
    }

    private static String ddl(PostgresFdwOptions kind, String option) {
        return switch (kind) {
            case WRAPPER -> "CREATE FOREIGN DATA WRAPPER probe_wrapper HANDLER postgres_fdw_handler"
                    + " VALIDATOR postgres_fdw_validator OPTIONS (" + option + ")";
            case SERVER -> "CREATE SERVER probe_server FOREIGN DATA WRAPPER postgres_fdw OPTIONS (" + option + ")";
            case USER_MAPPING -> "CREATE USER MAPPING FOR CURRENT_USER SERVER probe OPTIONS (" + option + ")";
            case FOREIGN_TABLE -> "CREATE FOREIGN TABLE probe_table (c int) SERVER probe OPTIONS (" + option + ")";
            case COLUMN -> "CREATE FOREIGN TABLE probe_column (c int OPTIONS (" + option + ")) SERVER probe";
            case IMPORT -> "IMPORT FOREIGN SCHEMA public LIMIT TO (no_such_table) FROM SERVER probe_import INTO probe_local"
                    + " OPTIONS (" + option + ")";
        };
    }
}
