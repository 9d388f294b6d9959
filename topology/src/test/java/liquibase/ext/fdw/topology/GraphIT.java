package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import liquibase.ext.fdw.nodes.SharedNodes;
import liquibase.ext.fdw.topology.graph.TopologyGraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.NodeList;

/**
 * {@code fdw graph} on live nodes of every tested major: a coordinator whose partitioned table has a foreign partition
 * on each of two shards, a local DEFAULT partition, a server outside the topology and a pending changeset. The bounds
 * in the SVG, the Mermaid file and the HTML report are the ones PostgreSQL prints ({@code pg_get_expr}); report.html
 * is opened in headless Chromium when it is installed, else read with an HTML parser.
 */
class GraphIT {
    private static final String SHARD = """
            databaseChangeLog:
              - changeSet:
                  id: shard-table
                  author: it
                  changes:
                    - sql: CREATE SCHEMA box2_schema; CREATE TABLE box2_schema.temperatures_${year} (reading_date date, city text)
            """;
    private static final String COORDINATOR = """
            databaseChangeLog:
              - changeSet:
                  id: servers
                  author: it
                  changes:
                    - sql: CREATE EXTENSION IF NOT EXISTS postgres_fdw
                    - sql: CREATE SERVER box_shard1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '${fdw.node.shard1.host}', port '${fdw.node.shard1.port}', dbname '${fdw.node.shard1.dbname}')
                    - sql: CREATE SERVER box_shard2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '${fdw.node.shard2.host}', port '${fdw.node.shard2.port}', dbname '${fdw.node.shard2.dbname}')
                    - sql: CREATE SERVER legacy FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '1', dbname 'old')
                    - sql: CREATE USER MAPPING FOR CURRENT_USER SERVER box_shard1 OPTIONS (user '${fdw.node.shard1.username}', password '${fdw.node.shard1.password}')
                    - sql: CREATE USER MAPPING FOR CURRENT_USER SERVER box_shard2 OPTIONS (user '${fdw.node.shard2.username}', password '${fdw.node.shard2.password}')
              - changeSet:
                  id: partitions
                  author: it
                  changes:
                    - sql: CREATE SCHEMA box1_schema; CREATE TABLE box1_schema.temperatures (reading_date date, city text) PARTITION BY RANGE (reading_date)
                    - sql: CREATE FOREIGN TABLE box1_schema.temperatures_2016 PARTITION OF box1_schema.temperatures FOR VALUES FROM ('2016-01-01') TO ('2017-01-01') SERVER box_shard1 OPTIONS (schema_name 'box2_schema', table_name 'temperatures_2016')
                    - sql: CREATE FOREIGN TABLE box1_schema.temperatures_2017 PARTITION OF box1_schema.temperatures FOR VALUES FROM ('2017-01-01') TO ('2018-01-01') SERVER box_shard2 OPTIONS (schema_name 'box2_schema', table_name 'temperatures_2017')
                    - sql: CREATE TABLE box1_schema.temps_default PARTITION OF box1_schema.temperatures DEFAULT
            """;
    private static final String LATER = """
              - changeSet:
                  id: later
                  author: it
                  changes:
                    - sql: CREATE TABLE box1_schema.later (id int)
            """;
    private static final String CHROMIUM = "/usr/bin/chromium";

    @TempDir
    Path directory;

    static Stream<Integer> majors() {
        return SharedNodes.testMajors().stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void drawsBothShardsWithTheBoundsPostgresPrints(int major) throws Exception {
        try (EngineNodes nodes = new EngineNodes(directory, "graph" + major, SharedNodes.node(major, "engine"))) {
            nodes.changelog("shard1.yaml", SHARD.replace("${year}", "2016"));
            nodes.changelog("shard2.yaml", SHARD.replace("${year}", "2017"));
            nodes.changelog("coordinator.yaml", COORDINATOR);
            List<NodeDefinition> definitions = List.of(nodes.node("shard1", "shard1.yaml"),
                    nodes.node("shard2", "shard2.yaml"), nodes.node("coordinator", "coordinator.yaml", "shard1", "shard2"));
            assertFalse(nodes.run(nodes.request(Goal.UPDATE, definitions).build()).failed(), String.join("\n", nodes.log));
            nodes.changelog("coordinator.yaml", COORDINATOR + LATER);
            Path out = directory.resolve("out");
            Files.writeString(out.resolve("verify.json"), """
                    {"goal":"verify","finishedAt":"2026-11-25T19:05:00Z","clean":false,
                     "nodes":[{"node":"shard1","clean":true,"findings":[]},
                              {"node":"shard2","clean":false,"findings":[{"node":"shard2","object":"box2_schema.temperatures_2017",
                               "kind":"bounds-check","message":"no CHECK constraint for FOR VALUES FROM ('2017-01-01') TO ('2018-01-01')",
                               "fix":"add createBoundsCheck to shard2's changelog"}]}]}
                    """, StandardCharsets.UTF_8);
            String report = Files.readString(out.resolve("report.json"));

            TopologyGraph.Output files = new TopologyGraph(nodes.engine(), new CollectingLog(nodes.log))
                    .write(nodes.request(Goal.STATUS, definitions).build());

            String bound2016 = bound(nodes, "temperatures_2016");
            String bound2017 = bound(nodes, "temperatures_2017");
            assertEquals(report, Files.readString(out.resolve("report.json")), "graph keeps the last run's report");
            List<String> texts = svgTexts(Files.readString(files.svg()));
            for (String expected : List.of("coordinator", "shard1", "shard2", "temperatures_2016  " + bound2016,
                    "temperatures_2017  " + bound2017, "temps_default  " + bound(nodes, "temps_default"),
                    "box_shard1 -> shard1", "box_shard2 -> shard2", "legacy -> outside the topology",
                    "foreign on shard2 via box_shard2: box2_schema.temperatures_2017", "box2_schema.temperatures_2016",
                    "1 changeset(s) pending", "coordinator.yaml::later::it", "last update: OK (2 applied, ",
                    "verify: 1 finding(s)")) {
                assertTrue(texts.stream().anyMatch(t -> t.equals(expected) || expected.endsWith(", ")
                        && t.startsWith(expected)), expected + " not in " + texts);
            }
            String version = nodes.query("coordinator", "SHOW server_version").get(0);
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("PostgreSQL " + version + "  ")), texts.toString());
            String mermaid = Files.readString(files.mermaid());
            assertTrue(mermaid.contains("temperatures_2016<br/>" + bound2016 + "<br/>foreign on shard1 via box_shard1"),
                    mermaid);
            assertTrue(mermaid.contains("box2_schema.temperatures_2017<br/>" + bound2017), mermaid);

            String html = Files.readString(files.html());
            for (String text : List.of(html, Files.readString(files.svg()), mermaid)) {
                assertFalse(text.contains(nodes.password()), "no password in any file");
            }
            for (String forbidden : List.of("http:", "https:", "src=", "href=", "url(", "@import")) {
                assertFalse(html.contains(forbidden), forbidden + " in report.html");
            }
            Document page = Jsoup.parse(rendered(files.html()));
            List<List<String>> partitions = rows(page, "partitions");
            assertEquals(List.of(
                    List.of("coordinator", "box1_schema.temperatures RANGE (reading_date)", "box1_schema.temperatures_2016",
                            bound2016, "shard1 (server box_shard1)", "box2_schema.temperatures_2016"),
                    List.of("coordinator", "box1_schema.temperatures RANGE (reading_date)", "box1_schema.temperatures_2017",
                            bound2017, "shard2 (server box_shard2)", "box2_schema.temperatures_2017"),
                    List.of("coordinator", "box1_schema.temperatures RANGE (reading_date)", "box1_schema.temps_default",
                            "DEFAULT", "coordinator (local)", "")), partitions);
            assertEquals(List.of("shard1", "shard2", "coordinator"), rows(page, "nodes").stream().map(r -> r.get(0)).toList());
            assertEquals(List.of("shard1", "OK", "shard2", "OK", "coordinator", "OK"), rows(page, "run").stream()
                    .flatMap(r -> r.subList(0, 2).stream()).toList());
            assertEquals(List.of("shard2", "box2_schema.temperatures_2017", "bounds-check: no CHECK constraint for "
                    + bound2017, "add createBoundsCheck to shard2's changelog"), rows(page, "verify").get(1));
            assertTrue(page.select("#picture svg text").stream().anyMatch(t -> t.wholeText().equals("temperatures_2017  "
                    + bound2017)), page.select("#picture").outerHtml());
        }
    }

    /** The partition's bound as PostgreSQL prints it. */
    private static String bound(EngineNodes nodes, String partition) throws Exception {
        return nodes.query("coordinator", "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = '"
                + partition + "'").get(0);
    }

    /** The cells of each data row of table {@code id}. */
    private static List<List<String>> rows(Document page, String id) {
        List<List<String>> rows = new ArrayList<>();
        for (Element row : page.select("table#" + id + " tr:has(td)")) {
            rows.add(row.select("td").stream().map(Element::text).toList());
        }
        return rows;
    }

    /**
     * The page's DOM after a real browser loaded it (headless Chromium's {@code --dump-dom}) when Chromium is
     * installed; otherwise the file itself, parsed by jsoup alone. The test's output says which.
     */
    private String rendered(Path html) throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            System.out.println("GraphIT: " + CHROMIUM + " is not installed; report.html read with jsoup only");
            return Files.readString(html);
        }
        System.out.println("GraphIT: report.html opened in headless Chromium");
        Path profile = Files.createDirectories(directory.resolve("chromium-profile"));
        Path dom = directory.resolve("dom.html");
        Process process = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(directory.resolve("chromium.log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish: " + Files.readString(directory.resolve("chromium.log")));
        }
        assertEquals(0, process.exitValue(), Files.readString(directory.resolve("chromium.log")));
        String text = Files.readString(dom);
        assertTrue(text.contains("<table id=\"partitions\">"), "Chromium's DOM: " + text);
        return text;
    }

    private static List<String> svgTexts(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        NodeList nodes = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** Collects the graph's log lines with the engine's. */
    private record CollectingLog(List<String> lines) implements TopologyLog {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
            lines.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            lines.add("WARN " + message);
        }

        @Override
        public void error(String message) {
            lines.add("ERROR " + message);
        }
    }
}
