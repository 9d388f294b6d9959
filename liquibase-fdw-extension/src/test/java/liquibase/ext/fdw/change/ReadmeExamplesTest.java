package liquibase.ext.fdw.change;

import static liquibase.ext.fdw.change.FdwChangesTest.postgres;
import static liquibase.ext.fdw.change.FdwChangesTest.rollbackSql;
import static liquibase.ext.fdw.change.FdwChangesTest.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.ext.fdw.secret.Secrets;
import liquibase.ext.fdw.test.Changelogs;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every README example that shows XML, its YAML twin and the generated SQL stays true: the XML gives the SQL shown
 * (exactly where the example shows all of it; line by line where it abridges with "..."), the rollback shown, and
 * the YAML twin, where there is one, gives the same SQL as the XML. Tagged {@code timezone}: the examples hold dates and timestamps.
 */
@Tag("timezone")
class ReadmeExamplesTest {
    private static final String BLOCK = "((?:(?!```)[\\s\\S])*)```\n";
    private static final Pattern EXAMPLE = Pattern.compile("```xml\n" + BLOCK + "(?:```yaml\n" + BLOCK + ")?```sql\n" + BLOCK);
    private static final String XML_HEADER = Changelogs.XML_OPEN + "\n";
    private static final String SECRET = "readme-secret";

    @TempDir
    Path dir;

    @Test
    void everyExampleGivesTheSqlItShows() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher example = EXAMPLE.matcher(readme);
        int checked = 0;
        while (example.find()) {
            String xml = example.group(1);
            Files.writeString(dir.resolve("e" + checked + ".xml"), XML_HEADER + "  <changeSet id=\"1\" author=\"readme\">\n"
                    + xml + "  </changeSet>\n</databaseChangeLog>\n");
            Database database = postgres(17);
            List<String> fromXml = changeSetSql(parse("e" + checked + ".xml", database), database, false);
            String shown = example.group(3);
            String where = "README example " + (checked + 1) + ":\n" + xml;
            if (example.group(2) != null) {
                StringBuilder yaml = new StringBuilder("databaseChangeLog:\n  - changeSet:\n      id: 1\n"
                        + "      author: readme\n      changes:\n");
                example.group(2).lines().forEach(line -> yaml.append("        ").append(line).append('\n'));
                Files.writeString(dir.resolve("e" + checked + ".yaml"), yaml.toString());
                // Messages inside the SQL name the file they come from (a batched move's refusals).
                String yamlFile = "e" + checked + ".yaml";
                String xmlFile = "e" + checked + ".xml";
                assertEquals(fromXml, changeSetSql(parse(yamlFile, database), database, false).stream()
                        .map(statement -> statement.replace(yamlFile, xmlFile)).toList(), where);
            }
            compare(statements(shown, false), fromXml, where);
            List<String> rollback = statements(shown, true);
            if (!rollback.isEmpty()) {
                compare(rollback, changeSetSql(parse("e" + checked + ".xml", database), database, true), where);
            }
            checked++;
        }
        assertTrue(checked >= 12, "only " + checked + " examples found");
    }

    /** All of {@code shown} when it abridges nothing, else each whole statement it shows, in order. */
    private static void compare(List<String> shown, List<String> generated, String where) {
        if (shown.stream().noneMatch(line -> line.contains("..."))) {
            assertEquals(shown, generated, where);
            return;
        }
        int from = 0;
        for (String line : shown) {
            if (line.contains("...")) {
                continue;
            }
            int at = generated.subList(from, generated.size()).indexOf(line);
            assertTrue(at >= 0, where + "\nshown but not generated (in this order): " + line + "\ngenerated: " + generated);
            from += at + 1;
        }
    }

    /** The statements of the update part or the rollback part of an example's SQL, without comments or ';'. */
    private static List<String> statements(String sql, boolean rollback) {
        List<String> out = new ArrayList<>();
        boolean inRollback = false;
        for (String line : sql.split("\n")) {
            if (line.startsWith("-- rollback")) {
                inRollback = true;
                continue;
            }
            if (line.isBlank() || line.startsWith("--") || inRollback != rollback) {
                continue;
            }
            out.add(line.endsWith(";") ? line.substring(0, line.length() - 1) : line);
        }
        return out;
    }

    private ChangeSet parse(String file, Database database) throws Exception {
        ResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(dir),
                new ClassLoaderResourceAccessor(ReadmeExamplesTest.class.getClassLoader()));
        ChangeLogParameters parameters = new ChangeLogParameters(database);
        parameters.set("box2.host", "box2.internal");
        parameters.set("box2.password", SECRET);
        parameters.set("box2.new.password", SECRET);
        parameters.set("box3.password", SECRET);
        return Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                (Scope.ScopedRunnerWithReturn<ChangeSet>) () -> ChangeLogParserFactory.getInstance()
                        .getParser(file, accessor).parse(file, parameters, accessor).getChangeSets().get(0));
    }

    /** The SQL of every change, or of every change's rollback in reverse order; the secret shown masked, as output is. */
    private static List<String> changeSetSql(ChangeSet changeSet, Database database, boolean rollback) throws Exception {
        List<String> out = new ArrayList<>();
        List<Change> changes = new ArrayList<>(changeSet.getChanges());
        if (rollback) {
            java.util.Collections.reverse(changes);
        }
        for (Change change : changes) {
            for (String statement : rollback ? rollbackSql(change, database) : sql(change, database)) {
                // as output masks it: a quoted literal, or inside a subscription's connection string
                out.add(statement.replace("'" + SECRET + "'", Secrets.MASK).replace(SECRET, "********"));
            }
        }
        return out;
    }
}
