package liquibase.ext.fdw.topology;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a topology YAML file through snakeyaml's node tree, so that every error names the file, the line, the node
 * and the key.
 */
public final class TopologyLoader {
    static final Set<String> TOP_KEYS = Set.of("embedded", "nodes", "atomic");
    // provider and image choose how a test front end (liquibase-fdw-junit) starts the nodes; the engine itself
    // always starts embedded nodes with the launcher, so it only checks they are scalars.
    static final Set<String> EMBEDDED_KEYS = Set.of("postgresVersion", "provider", "image");
    static final Set<String> NODE_KEYS = Set.of("url", "username", "password", "passwordEnv", "serverId",
            "changeLogFile", "contexts", "labels", "defaultSchemaName", "properties", "dependsOn");

    private final String source;

    private TopologyLoader(String source) {
        this.source = source;
    }

    /** Loads {@code file}; changelog paths are relative to its directory. */
    public static Topology load(Path file, int defaultPostgresVersion) {
        if (!Files.isRegularFile(file)) {
            throw new MissingFileException("topologyFile", file, "Topology file " + file + " does not exist.", null);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.getFileName().toString(), file.toAbsolutePath().getParent(), defaultPostgresVersion);
        } catch (IOException e) {
            throw new MissingFileException("topologyFile", file, "Cannot read topology file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML text; {@code source} names it in messages. */
    public static Topology parse(String yaml, String source, Path changeLogDirectory, int defaultPostgresVersion) {
        return parse(new StringReader(yaml), source, changeLogDirectory, defaultPostgresVersion);
    }

    private static Topology parse(Reader reader, String source, Path changeLogDirectory, int defaultPostgresVersion) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new TopologyException(syntaxError(source, e));
        }
        return new TopologyLoader(source).topology(root, changeLogDirectory, defaultPostgresVersion);
    }

    /** One line: file:line:column, what the parser found and what it expected, without snakeyaml's excerpt. */
    static String syntaxError(String source, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
        String problem = e.getProblem() == null ? "" : e.getProblem().replaceAll("\\s+", " ").trim();
        String context = e.getContext() == null ? "" : " (" + e.getContext().replaceAll("\\s+", " ").trim() + ")";
        return where + ": not valid YAML: " + problem + context + ".";
    }

    private Topology topology(Node root, Path changeLogDirectory, int defaultPostgresVersion) {
        if (root == null) {
            throw new TopologyException(source + ": the file is empty; declare the nodes under 'nodes'.");
        }
        MappingNode top = mapping(root, "the top level", "a mapping with 'nodes' (and optionally 'embedded')");
        int postgresVersion = defaultPostgresVersion;
        boolean atomic = false;
        List<NodeDefinition> nodes = new ArrayList<>();
        boolean sawNodes = false;
        Map<String, Integer> seenTop = new LinkedHashMap<>();
        for (NodeTuple tuple : top.getValue()) {
            String key = key(tuple, TOP_KEYS, "the top level");
            once(seenTop, key, tuple, "the top level");
            if (key.equals("atomic")) {
                atomic = bool(tuple.getValueNode(), "'atomic'");
            } else if (key.equals("embedded")) {
                MappingNode embedded = mapping(tuple.getValueNode(), "'embedded'", "a mapping like { postgresVersion: 17 }");
                for (NodeTuple setting : embedded.getValue()) {
                    String embeddedKey = key(setting, EMBEDDED_KEYS, "'embedded'");
                    if (embeddedKey.equals("postgresVersion")) {
                        postgresVersion = integer(setting.getValueNode(), "'embedded.postgresVersion'");
                    } else {
                        scalar(setting.getValueNode(), "'embedded." + embeddedKey + "'");
                    }
                }
            } else {
                sawNodes = true;
                MappingNode declared = mapping(tuple.getValueNode(), "'nodes'", "a mapping of node names to node settings");
                Map<String, Integer> seenNodes = new LinkedHashMap<>();
                for (NodeTuple node : declared.getValue()) {
                    String name = scalar(node.getKeyNode(), "a node name");
                    if (seenNodes.containsKey(name)) {
                        throw new TopologyException(source + " line " + line(node.getKeyNode()) + ": node '" + name
                                + "' is declared twice (first on line " + seenNodes.get(name)
                                + "); give each node a unique name.");
                    }
                    seenNodes.put(name, line(node.getKeyNode()));
                    nodes.add(node(node));
                }
            }
        }
        if (!sawNodes) {
            throw new TopologyException(source + ": key 'nodes' is missing; declare the nodes under 'nodes'.");
        }
        return new Topology(source, changeLogDirectory, postgresVersion, nodes, atomic);
    }

    private NodeDefinition node(NodeTuple tuple) {
        String name = scalar(tuple.getKeyNode(), "a node name");
        String what = "node '" + name + "'";
        MappingNode body = mapping(tuple.getValueNode(), what, "a mapping with at least changeLogFile");
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> dependsOn = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (NodeTuple entry : body.getValue()) {
            String key = key(entry, NODE_KEYS, what);
            once(seen, key, entry, what);
            Node value = entry.getValueNode();
            if (key.equals("properties")) {
                for (NodeTuple property : mapping(value, what + " key 'properties'", "a mapping of names to values").getValue()) {
                    properties.put(scalar(property.getKeyNode(), "a property name"),
                            scalar(property.getValueNode(), what + " property value"));
                }
            } else if (key.equals("dependsOn")) {
                if (value instanceof SequenceNode sequence) {
                    for (Node item : sequence.getValue()) {
                        dependsOn.add(scalar(item, what + " key 'dependsOn'"));
                    }
                } else {
                    for (String item : scalar(value, what + " key 'dependsOn'").split(",")) {
                        if (!item.isBlank()) {
                            dependsOn.add(item.trim());
                        }
                    }
                }
            } else {
                values.put(key, scalar(value, what + " key '" + key + "'"));
            }
        }
        int line = line(tuple.getKeyNode());
        if (values.get("changeLogFile") == null) {
            throw new TopologyException(source + " line " + line + ": " + what
                    + " has no changeLogFile; add changeLogFile: <path relative to the topology file>.");
        }
        if (values.get("url") == null && (values.get("username") != null || values.get("passwordEnv") != null
                || values.get("serverId") != null || values.get("password") != null)) {
            throw new TopologyException(source + " line " + line + ": " + what
                    + " has credentials but no url; embedded nodes manage their own credentials, so add a url or remove them.");
        }
        return new NodeDefinition(name, values.get("url"), values.get("username"), values.get("password"),
                values.get("passwordEnv"), values.get("serverId"), values.get("changeLogFile"), values.get("contexts"),
                values.get("labels"), values.get("defaultSchemaName"), properties, dependsOn, line);
    }

    /** Rejects a key given twice in one mapping (YAML would silently keep the last one). */
    private void once(Map<String, Integer> seen, String key, NodeTuple tuple, String where) {
        Integer first = seen.putIfAbsent(key, line(tuple.getKeyNode()));
        if (first != null) {
            throw new TopologyException(source + " line " + line(tuple.getKeyNode()) + ": " + where + " has key '" + key
                    + "' twice (first on line " + first + "); keep one.");
        }
    }

    private String key(NodeTuple tuple, Set<String> allowed, String where) {
        String key = scalar(tuple.getKeyNode(), "a key of " + where);
        if (!allowed.contains(key)) {
            String suggestion = Suggestions.closest(key, allowed);
            throw new TopologyException(source + " line " + line(tuple.getKeyNode()) + ": " + where
                    + " has unknown key '" + key + "'; " + (suggestion != null ? "did you mean '" + suggestion + "'?"
                    : "allowed keys are " + String.join(", ", allowed.stream().sorted().toList()) + "."));
        }
        return key;
    }

    private MappingNode mapping(Node node, String what, String expected) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw new TopologyException(source + " line " + line(node) + ": " + what + " must be " + expected + ".");
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new TopologyException(source + " line " + line(node) + ": " + what + " must be a single value.");
    }

    private boolean bool(Node node, String what) {
        String value = scalar(node, what);
        if (!value.equals("true") && !value.equals("false")) {
            throw new TopologyException(source + " line " + line(node) + ": " + what + " is '" + value
                    + "'; write true or false.");
        }
        return Boolean.parseBoolean(value);
    }

    private int integer(Node node, String what) {
        String text = scalar(node, what);
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new TopologyException(source + " line " + line(node) + ": " + what + " is '" + text
                    + "', not a number; write a PostgreSQL major such as 17.");
        }
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
