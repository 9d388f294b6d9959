package liquibase.ext.fdw.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The bounds corpus ({@code corpus/bounds-corpus.tsv}): every case is applied as a {@code createPartition} written in
 * XML and in YAML on a real server of each tested major, and its {@code pg_get_expr(relpartbound, oid)} must equal the
 * one of the same bound created by plain SQL; a refused case must be refused by the party the corpus names (our
 * validation, word for word, or PostgreSQL when the change runs), and its plain SQL must be refused by PostgreSQL too.
 * One database per major; the accepted and the validation-refused cases each run as one changelog per format.
 */
@Tag("timezone")
class BoundsCorpusIT {
    /**
     * YAML scalars are written plain wherever YAML keeps them a string; with this switch on, plain wherever the YAML
     * syntax allows (dates, 010, 1.10, true ...), which the changelog parser must read as the text written.
     */
    private static final boolean PLAIN_YAML = Boolean.getBoolean("fdw.corpus.plainYaml");
    private static final String APPLIED = "(applied without error)";
    private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z0-9_.+\\-'\\\\(][^#:\\[\\]{}\"]*");

    record Case(int number, String id, String source, String columns, String partitionBy, Map<String, String> attributes,
            String sql, String expect, String ours, String postgres) {
        String table(String variant) {
            return "c" + number + "_" + variant;
        }
    }

    record Corpus(List<String> setup, List<Case> cases) {
    }

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    static Corpus corpus() throws IOException {
        List<String> setup = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BoundsCorpusIT.class.getResourceAsStream("/corpus/bounds-corpus.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f[0].equals("@setup")) {
                    setup.add(f[1]);
                    continue;
                }
                assertEquals(9, f.length, "corpus line has " + f.length + " fields: " + line);
                Map<String, Object> parsed = new Yaml().load("{" + f[4] + "}");
                Map<String, String> attributes = new LinkedHashMap<>();
                parsed.forEach((k, v) -> attributes.put(k, (String) v));
                cases.add(new Case(cases.size() + 1, f[0], f[1], f[2], f[3], attributes, f[5], f[6], f[7], f[8]));
            }
        }
        return new Corpus(setup, cases);
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void everyCaseMeansWhatPostgresqlMeans(int major, @TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        Corpus corpus = corpus();
        List<Case> cases = corpus.cases();
        assertTrue(cases.size() >= 60, "the corpus has " + cases.size() + " cases");
        List<String> failures = new ArrayList<>();
        try (TestDatabase db = TestDatabase.create(major, "corpus")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                for (String sql : corpus.setup()) {
                    s.execute(sql);
                }
                for (Case k : cases) {
                    for (String variant : List.of("sql", "xml", "yaml")) {
                        s.execute("CREATE TABLE " + k.table(variant) + " (" + k.columns() + ") PARTITION BY " + k.partitionBy());
                    }
                }
                for (Case k : cases) {
                    plainSql(s, k, failures);
                }
            }

            List<Case> accepted = cases.stream().filter(k -> k.expect().equals("accepted")).toList();
            List<Case> byValidation = cases.stream().filter(k -> k.expect().equals("validation")).toList();
            List<Case> byPostgres = cases.stream().filter(k -> k.expect().equals("postgresql")).toList();
            assertEquals(cases.size(), accepted.size() + byValidation.size() + byPostgres.size(), "unknown expect value");

            for (String format : List.of("xml", "yaml")) {
                write(dir, "accepted." + format, accepted, format);
                String applied = refusal(dir, "accepted." + format, db);
                if (!applied.equals(APPLIED)) {
                    failures.add("accepted." + format + " was refused: " + applied);
                }

                write(dir, "validation." + format, byValidation, format);
                String message = refusal(dir, "validation." + format, db);
                for (Case k : byValidation) {
                    String expected = "createPartition in validation." + format + "::" + k.id() + "::corpus: "
                            + k.ours().replace("{parent}", k.table(format));
                    if (!matches(message, expected)) {
                        failures.add(k.id() + " (" + format + "): validation does not say " + expected);
                    }
                }
                for (Case k : byPostgres) {
                    write(dir, k.id() + "." + format, List.of(k), format);
                    String refused = refusal(dir, k.id() + "." + format, db);
                    if (refused.contains("Validation Failed") || !refused.contains(k.postgres())) {
                        failures.add(k.id() + " (" + format + "): expected PostgreSQL to refuse it with '" + k.postgres()
                                + "' when it runs, got: " + refused);
                    }
                }
            }

            Map<String, String> bounds = new LinkedHashMap<>();
            for (String row : db.query("SELECT c.relname || '|' || pg_get_expr(c.relpartbound, c.oid) FROM pg_class c"
                    + " WHERE c.relispartition AND c.relname ~ '^c[0-9]+_(sql|xml|yaml)_p$'")) {
                int bar = row.indexOf('|');
                bounds.put(row.substring(0, bar), row.substring(bar + 1));
            }
            for (Case k : cases) {
                String truth = bounds.get(k.table("sql") + "_p");
                for (String format : List.of("xml", "yaml")) {
                    String ours = bounds.get(k.table(format) + "_p");
                    if (k.expect().equals("accepted") && (truth == null || !truth.equals(ours))) {
                        failures.add(k.id() + " (" + format + "): " + ours + " but plain SQL gives " + truth);
                    } else if (!k.expect().equals("accepted") && ours != null) {
                        failures.add(k.id() + " (" + format + "): created " + ours + " but must be refused");
                    }
                }
            }
        }
        System.out.printf("bounds corpus: %d cases on PostgreSQL %d in %d ms (JVM zone %s)%n", cases.size(), major,
                (System.nanoTime() - start) / 1_000_000, java.util.TimeZone.getDefault().getID());
        assertEquals(List.of(), failures);
    }

    /** The plain SQL twin: created when accepted, refused by PostgreSQL otherwise. */
    private static void plainSql(Statement s, Case k, List<String> failures) {
        if (k.sql().equals("-")) {
            return;
        }
        String sql = "CREATE TABLE " + k.table("sql") + "_p PARTITION OF " + k.table("sql") + " " + k.sql();
        try {
            s.execute(sql);
            if (!k.expect().equals("accepted")) {
                failures.add(k.id() + ": PostgreSQL accepts the plain SQL " + k.sql() + " that the corpus says is refused");
            }
        } catch (SQLException e) {
            if (k.expect().equals("accepted")) {
                failures.add(k.id() + ": PostgreSQL refuses the plain SQL " + k.sql() + ": " + e.getMessage());
            } else if (!e.getMessage().contains(k.postgres())) {
                failures.add(k.id() + ": PostgreSQL refuses the plain SQL with '" + e.getMessage() + "', not '" + k.postgres() + "'");
            }
        }
    }

    private static String refusal(Path dir, String changelog, TestDatabase db) {
        try {
            new ChangelogRunner(dir, changelog).update(db);
            return APPLIED;
        } catch (Exception e) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            return all.toString();
        }
    }

    /** Whether {@code text} contains {@code expected}, where {@code {*}} in it stands for any text on one line. */
    static boolean matches(String text, String expected) {
        String[] parts = expected.split(Pattern.quote("{*}"), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[^\\n]*?");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString()).matcher(text).find();
    }

    private static void write(Path dir, String file, List<Case> cases, String format) throws IOException {
        StringBuilder out = new StringBuilder();
        if (format.equals("xml")) {
            out.append("<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
                    + "    xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                    + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                    + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd"
                    + " http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">\n");
            for (Case k : cases) {
                out.append("  <changeSet id=\"").append(k.id()).append("\" author=\"corpus\">\n    <fdw:createPartition tableName=\"")
                        .append(k.table("xml")).append("_p\" parentTableName=\"").append(k.table("xml")).append('"');
                k.attributes().forEach((name, value) -> out.append(' ').append(name).append("=\"").append(xml(value)).append('"'));
                out.append("/>\n  </changeSet>\n");
            }
            out.append("</databaseChangeLog>\n");
        } else {
            out.append("databaseChangeLog:\n");
            for (Case k : cases) {
                out.append("  - changeSet:\n      id: ").append(k.id()).append("\n      author: corpus\n      changes:\n")
                        .append("        - createPartition:\n            tableName: ").append(k.table("yaml")).append("_p\n")
                        .append("            parentTableName: ").append(k.table("yaml")).append('\n');
                k.attributes().forEach((name, value) -> out.append("            ").append(name).append(": ")
                        .append(yaml(name, value)).append('\n'));
            }
        }
        Files.writeString(dir.resolve(file), out.toString());
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * A YAML scalar as a user would write it: plain where YAML keeps the text (and, with {@link #PLAIN_YAML}, wherever
     * the syntax allows), else single-quoted. isDefault is a real boolean.
     */
    static String yaml(String attribute, String value) {
        if (attribute.equals("isDefault")) {
            return value;
        }
        boolean syntaxAllows = SAFE_PLAIN.matcher(value).matches() && !value.endsWith(" ") && !value.contains(" #")
                && !value.startsWith("'");
        boolean keptAsText = new Resolver().resolve(NodeId.scalar, value, true).equals(org.yaml.snakeyaml.nodes.Tag.STR);
        if (syntaxAllows && (keptAsText || PLAIN_YAML)) {
            return value;
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
