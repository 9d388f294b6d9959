package liquibase.ext.fdw.change;

import static liquibase.ext.fdw.change.FdwChangesTest.parse;
import static liquibase.ext.fdw.change.FdwChangesTest.postgres;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.ChangeParameterMetaData;
import liquibase.exception.ChangeLogParseException;
import liquibase.ext.fdw.sql.Identifiers;
import liquibase.precondition.Precondition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every text attribute of every change type and precondition of the extension refuses an unquoted YAML date (the
 * scalar whose text the parser loses in every zone), and every one of them refuses an unknown attribute next to it:
 * no attribute can be added later without the check.
 */
@Tag("timezone")
class EveryAttributeInputTest {
    @TempDir
    Path dir;

    private static List<String> extensionChanges() {
        ChangeFactory factory = Scope.getCurrentScope().getSingleton(ChangeFactory.class);
        List<String> names = new ArrayList<>();
        for (String name : new TreeSet<>(factory.getDefinedChanges())) {
            if (factory.create(name).getClass().getName().startsWith("liquibase.ext.fdw.")) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void everyTextAttributeOfEveryChangeRefusesAnUnquotedDate() throws Exception {
        List<String> changes = extensionChanges();
        assertTrue(changes.size() >= 19, changes.toString());
        int checked = 0;
        for (String name : changes) {
            Change change = Scope.getCurrentScope().getSingleton(ChangeFactory.class).create(name);
            for (ChangeParameterMetaData parameter : Scope.getCurrentScope().getSingleton(ChangeFactory.class)
                    .getChangeMetaData(change).getParameters().values()) {
                if (parameter.getDataTypeClass() != String.class) {
                    continue;
                }
                String attribute = parameter.getParameterName();
                Files.writeString(dir.resolve("c.yaml"), "databaseChangeLog:\n  - changeSet:\n      id: 1\n"
                        + "      author: a\n      changes:\n        - " + name + ": { " + attribute + ": 2016-01-01,"
                        + " zzzzzzzzzz: x }\n");
                List<String> errors = parse(dir, "c.yaml", postgres(17), "pw-secret").getChanges().get(0)
                        .validate(postgres(17)).getErrorMessages();
                String where = name + " in c.yaml::1::a: ";
                assertTrue(errors.contains(where + "attribute '" + attribute + "' holds the unquoted date 2016-01-01 as"
                        + " the YAML/JSON parser read it, which Liquibase turns into text in the JVM's time zone (a day"
                        + " earlier west of UTC); quote the value, e.g. " + attribute + ": '2016-01-01'."),
                        name + "." + attribute + ": " + errors);
                assertTrue(errors.stream().anyMatch(e -> e.startsWith(where + "attribute 'zzzzzzzzzz' is unknown to "
                        + name + "; the known attributes are ")), name + ": " + errors);
                assertFalse(errors.stream().anyMatch(e -> e.contains("2015-12-31")), name + ": " + errors);
                checked++;
            }
        }
        assertTrue(checked >= 80, "only " + checked + " attributes");
    }

    @Test
    void everyNameAttributeOfEveryChangeRefusesMoreThan63Bytes() throws Exception {
        String name64 = "n".repeat(62) + "ü";
        int checked = 0;
        for (String name : extensionChanges()) {
            Change change = Scope.getCurrentScope().getSingleton(ChangeFactory.class).create(name);
            for (ChangeParameterMetaData parameter : Scope.getCurrentScope().getSingleton(ChangeFactory.class)
                    .getChangeMetaData(change).getParameters().values()) {
                String attribute = parameter.getParameterName();
                if (parameter.getDataTypeClass() != String.class || !Identifiers.isNameAttribute(attribute)) {
                    continue;
                }
                Files.writeString(dir.resolve("c.yaml"), "databaseChangeLog:\n  - changeSet:\n      id: 1\n"
                        + "      author: a\n      changes:\n        - " + name + ": { " + attribute + ": " + name64
                        + " }\n");
                List<String> errors = parse(dir, "c.yaml", postgres(17), "pw-secret").getChanges().get(0)
                        .validate(postgres(17)).getErrorMessages();
                assertTrue(errors.contains(name + " in c.yaml::1::a: attribute '" + attribute + "' is '" + name64
                        + "', 64 bytes in UTF-8; PostgreSQL keeps only the first 63 bytes of a name, so it would be cut"
                        + " short and could collide with another name; use a name of at most 63 bytes."),
                        name + "." + attribute + ": " + errors);
                checked++;
            }
        }
        assertTrue(checked >= 40, "only " + checked + " name attributes");
    }

    @Test
    void everyTextAttributeOfEveryPreconditionRefusesAnUnquotedDate() throws Exception {
        int checked = 0;
        for (Precondition precondition : ServiceLoader.load(Precondition.class)) {
            if (!precondition.getClass().getName().startsWith("liquibase.ext.fdw.")) {
                continue;
            }
            for (String field : precondition.getSerializableFields()) {
                String getter = "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
                if (precondition.getClass().getMethod(getter).getReturnType() != String.class) {
                    continue;
                }
                Files.writeString(dir.resolve("p.yaml"), "databaseChangeLog:\n  - changeSet:\n      id: 1\n"
                        + "      author: a\n      preConditions:\n        - " + precondition.getName() + ": { " + field
                        + ": 2016-01-01 }\n      changes:\n        - sql: SELECT 1\n");
                ChangeLogParseException e = assertThrows(ChangeLogParseException.class,
                        () -> parse(dir, "p.yaml", postgres(17), "pw-secret"), precondition.getName() + "." + field);
                assertTrue(e.getMessage().contains(precondition.getName() + ": attribute '" + field + "' holds the"
                        + " unquoted date 2016-01-01 as the YAML/JSON parser read it"), e.getMessage());
                checked++;
            }
        }
        assertTrue(checked >= 10, "only " + checked + " attributes");
    }
}
