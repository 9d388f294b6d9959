package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The topology file: every key read into the model, and errors that name file, line, node, key and fix, word for word. */
class TopologyLoaderTest {
    private static final Path DIR = Path.of("/project/src/main/liquibase");

    private static Topology parse(String yaml) {
        return TopologyLoader.parse(yaml, "topology.yaml", DIR, 17);
    }

    private static String error(String yaml) {
        return assertThrows(TopologyException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void readsAtomic() {
        assertEquals(true, parse("atomic: true\nnodes:\n  a: { changeLogFile: a.yaml }\n").atomic());
        assertEquals(false, parse("nodes:\n  a: { changeLogFile: a.yaml }\n").atomic());
        assertEquals("topology.yaml line 1: 'atomic' is 'yes'; write true or false.",
                error("atomic: yes\nnodes:\n  a: { changeLogFile: a.yaml }\n"));
    }

    @Test
    void readsEveryKey() {
        Topology topology = parse(String.join("\n",
                "embedded: { postgresVersion: 16 }",
                "nodes:",
                "  coordinator:",
                "    changeLogFile: coordinator/changelog.yaml",
                "    dependsOn: [shard1, shard2]",
                "    contexts: demo",
                "    labels: eu",
                "    defaultSchemaName: box1_schema",
                "  shard1: { changeLogFile: shard/changelog.yaml, properties: { shard.year: 2016 } }",
                "  shard2:",
                "    url: jdbc:postgresql://box2:5432/shard2",
                "    username: app",
                "    passwordEnv: BOX2_PASSWORD",
                "    changeLogFile: shard/changelog.yaml",
                "  shard3: { url: 'jdbc:postgresql://box3/shard3', serverId: box3, changeLogFile: shard/changelog.yaml, dependsOn: shard1 }",
                ""));
        assertEquals(16, topology.postgresVersion());
        assertEquals(DIR, topology.changeLogDirectory());
        assertEquals(List.of("coordinator", "shard1", "shard2", "shard3"), topology.nodes().stream().map(NodeDefinition::name).toList());
        NodeDefinition coordinator = topology.node("coordinator");
        assertEquals(List.of("shard1", "shard2"), coordinator.dependsOn());
        assertEquals("demo", coordinator.contexts());
        assertEquals("eu", coordinator.labels());
        assertEquals("box1_schema", coordinator.defaultSchemaName());
        assertEquals(true, coordinator.embedded());
        assertEquals(Map.of("shard.year", "2016"), topology.node("shard1").properties());
        NodeDefinition shard2 = topology.node("shard2");
        assertEquals("jdbc:postgresql://box2:5432/shard2", shard2.url());
        assertEquals("app", shard2.username());
        assertEquals("BOX2_PASSWORD", shard2.passwordEnv());
        assertEquals(false, shard2.embedded());
        assertEquals("box3", topology.node("shard3").serverId());
        assertEquals(List.of("shard1"), topology.node("shard3").dependsOn());
        assertEquals(3, coordinator.line());
    }

    @Test
    void errorsNameFileLineNodeKeyAndFix() {
        assertEquals("topology.yaml line 7: node 'shard1' has unknown key 'dependOn'; did you mean 'dependsOn'?", error(String.join("\n",
                "nodes:",
                "  coordinator:",
                "    changeLogFile: coordinator/changelog.yaml",
                "    dependsOn: [shard1]",
                "  shard1:",
                "    changeLogFile: shard/changelog.yaml",
                "    dependOn: [coordinator]", "")));
        assertEquals("topology.yaml line 2: node 'coordinator' depends on unknown node 'shard3'; known nodes are coordinator, shard1.",
                error(String.join("\n",
                        "nodes:",
                        "  coordinator: { changeLogFile: c.yaml, dependsOn: [shard1, shard3] }",
                        "  shard1: { changeLogFile: s.yaml }", "")));
        assertEquals("topology.yaml: dependsOn forms a cycle: coordinator -> shard1 -> reports -> coordinator; remove one of these dependencies.",
                error(String.join("\n",
                        "nodes:",
                        "  coordinator: { changeLogFile: c.yaml, dependsOn: [shard1] }",
                        "  shard1: { changeLogFile: s.yaml, dependsOn: [reports] }",
                        "  reports: { changeLogFile: r.yaml, dependsOn: coordinator }", "")));
        assertEquals("topology.yaml: the file is empty; declare the nodes under 'nodes'.", error(""));
        assertEquals("topology.yaml: key 'nodes' is missing; declare the nodes under 'nodes'.", error("embedded: { postgresVersion: 17 }\n"));
    }

    @Test
    void everyErrorCarriesTheFileAndALine() {
        for (String yaml : List.of(
                "nodes: [a, b]\n",
                "nodes:\n  a: { changeLogFile: c.yaml, properties: [x] }\n",
                "nodes:\n  a: { changeLogFile: [c.yaml] }\n",
                "embedded: { postgresVersion: seventeen }\nnodes:\n  a: { changeLogFile: c.yaml }\n",
                "nodes:\n  a: { changeLogFile: c.yaml }\n  a: { changeLogFile: d.yaml }\n",
                "nodes:\n  a: { changeLogFile: c.yaml\n",
                "nodes:\n  a: { changeLogFile: c.yaml, dependsOn: [a] }\n",
                "nodes:\n  a: { changeLogFile: c.yaml }\nnode: {}\n")) {
            String message = error(yaml);
            assertEquals(true, message.startsWith("topology.yaml"), message);
            assertEquals(true, message.endsWith(".") || message.endsWith("?"), message);
        }
    }

    @Test
    void nodeNamesNameFilesSoOnlySafeCharactersAreAllowed() {
        assertEquals("topology.yaml line 2: node name '../../../escaped' may only contain letters, digits, '_', '.' and"
                + " '-' (and not only dots), since it names the node's files and directories; rename it.",
                error("nodes:\n  ../../../escaped: { changeLogFile: c.yaml }\n"));
        assertEquals("topology.yaml line 3: node name '..' may only contain letters, digits, '_', '.' and"
                + " '-' (and not only dots), since it names the node's files and directories; rename it.",
                error("nodes:\n  a: { changeLogFile: c.yaml }\n  '..': { changeLogFile: c.yaml }\n"));
        assertEquals("inline nodes: node name 'a b' may only contain letters, digits, '_', '.' and '-' (and not only"
                + " dots), since it names the node's files and directories; rename it.",
                assertThrows(TopologyException.class, () -> new Topology("inline nodes", DIR, 17, List.of(
                        new NodeDefinition("a b", null, null, null, null, null, "c.yaml", null, null, null, Map.of(),
                                List.of(), 0)))).getMessage());
        assertEquals(List.of("shard-1.eu_west"), parse("nodes:\n  shard-1.eu_west: { changeLogFile: c.yaml }\n")
                .nodes().stream().map(NodeDefinition::name).toList());
    }

    @Test
    void duplicatesAreErrorsWithTheirLines() {
        assertEquals("topology.yaml line 4: node 'a' is declared twice (first on line 2); give each node a unique name.",
                error("nodes:\n  a: { changeLogFile: c.yaml }\n  b: { changeLogFile: c.yaml }\n  a: { changeLogFile: d.yaml }\n"));
        assertEquals("topology.yaml line 4: node 'a' has key 'changeLogFile' twice (first on line 3); keep one.",
                error("nodes:\n  a:\n    changeLogFile: c.yaml\n    changeLogFile: d.yaml\n"));
        assertEquals("topology.yaml line 3: the top level has key 'nodes' twice (first on line 1); keep one.",
                error("nodes:\n  a: { changeLogFile: c.yaml }\nnodes:\n  b: { changeLogFile: c.yaml }\n"));
    }

    @Test
    void yamlSyntaxErrorsAreOneLineWithFileLineAndColumn() {
        assertEquals("topology.yaml:3:1: not valid YAML: expected ',' or '}', but got <stream end> (while parsing a flow"
                + " mapping).", error("nodes:\n  a: { changeLogFile: c.yaml\n"));
        assertEquals("topology.yaml:2:7: not valid YAML: mapping values are not allowed here.",
                error("nodes:\n  a: b: c\n"));
    }
}
