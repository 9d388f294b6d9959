package liquibase.ext.fdw.topology.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The three renderings of one model: the SVG read back with an XML parser, the Mermaid text, and the HTML report
 * (self-contained: no address of any kind). The model is the sample's layout; {@code GraphIT} reads it from live nodes.
 */
class GraphPictureTest {
    static final String BOUND_2016 = "FOR VALUES FROM ('2016-01-01') TO ('2017-01-01')";
    static final String BOUND_2017 = "FOR VALUES FROM ('2017-01-01') TO ('2018-01-01')";

    static GraphModel sample(GraphModel.LastRun lastRun, GraphModel.Verification verification) {
        GraphModel.Node coordinator = new GraphModel.Node("coordinator", "localhost:5433/coordinator", "17.6",
                List.of("shard1", "shard2"), List.of("coordinator/changelog.yaml::demo-rows::alice"), null,
                List.of(new GraphModel.Server("box_shard1", "postgres_fdw", "localhost", "5434", "shard1", "shard1",
                                List.of(new GraphModel.Mapping("postgres", "postgres"))),
                        new GraphModel.Server("legacy", "postgres_fdw", "10.0.0.9", null, "old", null, List.of())),
                List.of(new GraphModel.Parent("box1_schema", "temperatures", "RANGE (reading_date)", List.of(
                        new GraphModel.Partition("box1_schema", "temperatures_2016", BOUND_2016, "box_shard1", "shard1",
                                "box2_schema.temperatures_2016", false),
                        new GraphModel.Partition("box1_schema", "temperatures_2017", BOUND_2017, "box_shard2", "shard2",
                                "box2_schema.temperatures_2017", false),
                        new GraphModel.Partition("box1_schema", "temps_default", "DEFAULT", null, null, null, false)))));
        GraphModel.Node shard1 = new GraphModel.Node("shard1", "localhost:5434/shard1", "17.6", List.of(), List.of(),
                null, List.of(), List.of());
        GraphModel.Node shard2 = new GraphModel.Node("shard2", "localhost:5435/shard2", "17.6", List.of(), List.of(),
                null, List.of(), List.of());
        return new GraphModel("topology.yaml", List.of(coordinator, shard1, shard2), lastRun, verification);
    }

    static GraphModel.LastRun lastRun() {
        return new GraphModel.LastRun("update", "2026-11-25T19:00:00Z", "FAILED", List.of(
                new GraphModel.RunRow("shard1", "OK", 2, 0, 0, 120, null),
                new GraphModel.RunRow("coordinator", "FAILED", 1, 0, 0, 300, "relation \"x\" already exists")));
    }

    static GraphModel.Verification verification() {
        return new GraphModel.Verification("2026-11-25T19:05:00Z", false, List.of(
                new GraphModel.VerifyRow("shard1", true, List.of()),
                new GraphModel.VerifyRow("shard2", false, List.of(new GraphModel.Finding("shard2",
                        "public.temperatures", "column-type", "temp is text, the coordinator expects numeric",
                        "ALTER TABLE public.temperatures ALTER COLUMN temp TYPE numeric")))));
    }

    @Test
    void svgNamesEveryNodePartitionAndBound() throws Exception {
        String svg = new SvgPicture(sample(lastRun(), verification())).render();

        List<String> texts = texts(svg);
        for (String expected : List.of("coordinator", "shard1", "shard2", "temperatures_2016  " + BOUND_2016,
                "temperatures_2017  " + BOUND_2017, "temps_default  DEFAULT",
                "foreign on shard1 via box_shard1: box2_schema.temperatures_2016", "box_shard1 -> shard1",
                "legacy -> outside the topology", "mapping postgres as postgres", "1 changeset(s) pending",
                "last update: FAILED (1 applied, 300 ms)", "verify: 1 finding(s)", "verify: clean", "up to date",
                "box2_schema.temperatures_2017")) {
            assertTrue(texts.contains(expected), expected + " not in " + texts);
        }
        assertEquals(svg, new SvgPicture(sample(lastRun(), verification())).render(), "the same model, the same file");
        assertFalse(svg.contains("DOCTYPE"), "no DTD to fetch: " + svg);
    }

    @Test
    void aGoalThatChangesNothingShowsNoCount() throws Exception {
        GraphModel.LastRun status = new GraphModel.LastRun("status", "2026-11-25T19:00:00Z", "OK",
                List.of(new GraphModel.RunRow("shard1", "OK", 0, 1, 0, 41, null)));

        List<String> texts = texts(new SvgPicture(sample(status, null)).render());

        assertTrue(texts.contains("last status: OK (41 ms)"), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.startsWith("verify:")), texts.toString());
    }

    @Test
    void mermaidHasASubgraphPerNodeAndAnEdgePerForeignPartition() {
        String mermaid = new MermaidPicture(sample(null, null)).render();

        assertTrue(mermaid.startsWith("%% liquibase-fdw topology of topology.yaml\nflowchart LR\n"), mermaid);
        for (String node : List.of("coordinator", "shard1", "shard2")) {
            assertTrue(mermaid.contains("[\"" + node + " · PostgreSQL 17.6"), mermaid);
        }
        assertTrue(mermaid.contains("temperatures_2016<br/>FOR VALUES FROM ('2016-01-01') TO ('2017-01-01')"
                + "<br/>foreign on shard1 via box_shard1"), mermaid);
        assertEquals(2, mermaid.lines().filter(l -> l.contains(" -->|box_shard")).count(), mermaid);
        assertTrue(mermaid.contains("box2_schema.temperatures_2017<br/>" + BOUND_2017), mermaid);
        assertEquals("a #quot;b#quot; #lt;c#gt; #35;1 #124;", MermaidPicture.label("a \"b\" <c> #1 |"));
    }

    @Test
    void htmlIsSelfContainedAndShowsTheLastRunAndVerification() {
        GraphModel model = sample(lastRun(), verification());
        String html = new HtmlReport(model, new SvgPicture(model).render()).render();

        assertNoAddress(html);
        assertTrue(html.contains("<td class=\"bound\">FOR VALUES FROM (&#39;2016-01-01&#39;) TO (&#39;2017-01-01&#39;)</td>"),
                html);
        assertTrue(html.contains("<td>coordinator</td><td><span class=\"bad\">FAILED</span></td><td>1</td>"), html);
        assertTrue(html.contains("relation &quot;x&quot; already exists"), html);
        assertTrue(html.contains("<span class=\"bad\">column-type</span>: temp is text, the coordinator expects numeric"),
                html);
        assertTrue(html.contains("<svg "), html);
    }

    @Test
    void htmlSaysWhatIsNotThereYet() {
        GraphModel model = sample(null, null);
        String html = new HtmlReport(model, new SvgPicture(model).render()).render();

        assertTrue(html.contains("<p id=\"verification\">Not verified yet (no verify.json).</p>"), html);
        assertTrue(html.contains("<p id=\"last-run\">No run recorded yet (no report.json).</p>"), html);
    }

    /** Nothing the page could fetch: no scheme, no protocol-relative reference, no src or href attribute. */
    static void assertNoAddress(String html) {
        for (String forbidden : List.of("http:", "https:", "//www", "src=", "href=", "url(", "@import")) {
            assertFalse(html.contains(forbidden), forbidden + " in " + html);
        }
    }

    /** The content of every {@code <text>} element, read with the JDK's XML parser. */
    static List<String> texts(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The SVG doctype names a DTD on the web: the parser must not fetch it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", document.getDocumentElement().getLocalName());
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
