package liquibase.ext.fdw.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.database.Database;
import liquibase.database.OfflineConnection;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.alterforeignserver.AlterForeignServerChange;
import liquibase.ext.fdw.change.alterusermapping.AlterUserMappingChange;
import liquibase.ext.fdw.change.createforeignserver.CreateForeignServerChange;
import liquibase.ext.fdw.change.createforeigntable.CreateForeignTableChange;
import liquibase.ext.fdw.change.createusermapping.CreateUserMappingChange;
import liquibase.ext.fdw.change.importforeignschema.ImportForeignSchemaChange;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * Every change type that takes postgres_fdw options checks them against the one table (create and alter alike), and
 * the refusal messages say what to do. PostgresFdwOptionsIT proves the table itself against real servers.
 */
class OptionTableTest {

    static Database postgres(int major) {
        PostgresDatabase database = new PostgresDatabase();
        database.setConnection(new OfflineConnection("offline:postgresql?version=" + major + ".0",
                new ClassLoaderResourceAccessor()));
        return database;
    }

    private static Set<String> candidates() {
        Set<String> names = new TreeSet<>();
        OptionTable.ROWS.forEach(row -> names.add(row.name()));
        names.addAll(OptionTable.NEVER.keySet());
        names.add("made_up_option");
        return names;
    }

    @Test
    void createAndAlterChangesUseTheTableOfTheConnectedMajor() {
        List<String> differences = new ArrayList<>();
        for (int major = PostgresFdwOptions.oldestMajor(); major <= PostgresFdwOptions.newestMajor(); major++) {
            Database database = postgres(major);
            for (String name : candidates()) {
                FdwOption option = new FdwOption(name, PostgresFdwOptions.example(name).orElse("x"));
                FdwOption added = FdwOption.withAction(name, option.getValue(), "add");
                compare(differences, database, major, PostgresFdwOptions.SERVER, name, change -> {
                    CreateForeignServerChange create = new CreateForeignServerChange();
                    create.setServerName("box2");
                    create.setOptions(List.of(option));
                    return create;
                });
                compare(differences, database, major, PostgresFdwOptions.SERVER, name, change -> {
                    AlterForeignServerChange alter = new AlterForeignServerChange();
                    alter.setServerName("box2");
                    alter.setOptions(List.of(added));
                    return alter;
                });
                compare(differences, database, major, PostgresFdwOptions.USER_MAPPING, name, change -> {
                    CreateUserMappingChange create = new CreateUserMappingChange();
                    create.setUserName("CURRENT_USER");
                    create.setServerName("box2");
                    create.setOptions(List.of(option));
                    return create;
                });
                compare(differences, database, major, PostgresFdwOptions.USER_MAPPING, name, change -> {
                    AlterUserMappingChange alter = new AlterUserMappingChange();
                    alter.setUserName("CURRENT_USER");
                    alter.setServerName("box2");
                    alter.setOptions(List.of(added));
                    return alter;
                });
                compare(differences, database, major, PostgresFdwOptions.IMPORT, name, change -> {
                    ImportForeignSchemaChange create = new ImportForeignSchemaChange();
                    create.setServerName("box2");
                    create.setRemoteSchema("r");
                    create.setLocalSchema("l");
                    create.setOptions(List.of(option));
                    return create;
                });
                compare(differences, database, major, PostgresFdwOptions.FOREIGN_TABLE, name, change -> {
                    CreateForeignTableChange create = new CreateForeignTableChange();
                    create.setTableName("t");
                    create.setServerName("box2");
                    ColumnConfig column = new ColumnConfig();
                    column.setName("id");
                    column.setType("int");
                    create.addColumn(column);
                    create.setOptions(List.of(option));
                    return create;
                });
            }
        }
        assertEquals(List.of(), differences);
    }

    /** The change refuses the option exactly when the table does, with the table's message. */
    private static void compare(List<String> differences, Database database, int major, PostgresFdwOptions kind,
            String name, Function<Void, Change> factory) {
        Change change = factory.apply(null);
        ValidationErrors expected = new ValidationErrors();
        OptionChecks.checkName(change, name, kind, major, expected);
        List<String> actual = change.validate(database).getErrorMessages();
        boolean refusedByTable = !expected.getErrorMessages().isEmpty();
        boolean agrees = refusedByTable ? actual.containsAll(expected.getErrorMessages())
                : actual.stream().noneMatch(message -> message.contains("postgres_fdw"));
        if (!agrees || refusedByTable != !kind.isValid(name, major)) {
            differences.add(change.getClass().getSimpleName() + " on " + major + ", option " + name + ": " + actual);
        }
    }

    @Test
    void refusalsSayWhatToDo() {
        CreateForeignServerChange server = new CreateForeignServerChange();
        server.setServerName("box2");
        server.setOptions(List.of(new FdwOption("client_encoding", "UTF8"), new FdwOption("user", "u"),
                new FdwOption("sslnegotiation", "direct"), new FdwOption("hots", "box2")));
        assertEquals(List.of(
                "createForeignServer: option 'client_encoding' cannot be set on any postgres_fdw object: postgres_fdw sets"
                        + " it itself, to the local database's encoding; remove the option.",
                "createForeignServer: option 'user' is a postgres_fdw user mapping option, not a foreign server option;"
                        + " set it with createUserMapping or alterUserMapping.",
                "createForeignServer: option 'sslnegotiation' needs PostgreSQL 17 or later, the database is PostgreSQL"
                        + " 16; remove the option or upgrade the server.",
                "createForeignServer: option 'hots' is not a postgres_fdw foreign server option; valid options are "
                        + String.join(", ", PostgresFdwOptions.SERVER.names(16)) + "."),
                server.validate(postgres(16)).getErrorMessages());
        assertTrue(PostgresFdwOptions.SERVER.names(16).contains("sslcert"));
        assertTrue(PostgresFdwOptions.USER_MAPPING.names(16).contains("gssdelegation"));
        assertEquals(Set.of("column_name"), PostgresFdwOptions.COLUMN.names(18));
        assertEquals(Set.of(), PostgresFdwOptions.WRAPPER.names(18));
    }

    @Test
    void readmeShowsTheTable() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        StringBuilder table = new StringBuilder("| option | foreign server | user mapping | foreign table |"
                + " foreign table column | import |\n|---|---|---|---|---|---|\n");
        Set<String> names = new TreeSet<>();
        OptionTable.ROWS.forEach(row -> names.add(row.name()));
        List<PostgresFdwOptions> kinds = List.of(PostgresFdwOptions.SERVER, PostgresFdwOptions.USER_MAPPING,
                PostgresFdwOptions.FOREIGN_TABLE, PostgresFdwOptions.COLUMN, PostgresFdwOptions.IMPORT);
        for (String name : names) {
            table.append("| `").append(name).append("` |");
            for (PostgresFdwOptions kind : kinds) {
                table.append(' ').append(kind.sinceMajor(name).isPresent() ? kind.sinceMajor(name).getAsInt() + "+" : "")
                        .append(" |");
            }
            table.append('\n');
        }
        assertTrue(readme.contains(table), "README's option table differs from the code's; expected:\n" + table);
    }
}
