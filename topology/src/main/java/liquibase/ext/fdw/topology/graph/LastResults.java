package liquibase.ext.fdw.topology.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.topology.TopologyException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the engine's {@code report.json} and the verification's {@code verify.json} from the output directory. JSON
 * is read by SnakeYAML (the engine's YAML parser; JSON is YAML), so no JSON library joins the plugin's classpath.
 */
final class LastResults {
    private LastResults() {
    }

    /** The last run, or null when {@code report.json} does not exist. */
    static GraphModel.LastRun lastRun(Path directory) {
        Map<String, Object> json = read(directory.resolve("report.json"));
        if (json == null) {
            return null;
        }
        List<GraphModel.RunRow> rows = new ArrayList<>();
        for (Map<String, Object> node : list(json.get("nodes"))) {
            rows.add(new GraphModel.RunRow(text(node.get("node")), text(node.get("result")), number(node.get("applied")),
                    number(node.get("skipped")), number(node.get("pending")), number(node.get("millis")),
                    text(node.get("message"))));
        }
        return new GraphModel.LastRun(text(json.get("goal")), text(json.get("started")), text(json.get("result")), rows);
    }

    /** The last verification, or null when {@code verify.json} does not exist. */
    static GraphModel.Verification verification(Path directory) {
        Map<String, Object> json = read(directory.resolve("verify.json"));
        if (json == null) {
            return null;
        }
        List<GraphModel.VerifyRow> rows = new ArrayList<>();
        for (Map<String, Object> node : list(json.get("nodes"))) {
            List<GraphModel.Finding> findings = new ArrayList<>();
            for (Map<String, Object> finding : list(node.get("findings"))) {
                findings.add(new GraphModel.Finding(text(finding.get("node")), text(finding.get("object")),
                        text(finding.get("kind")), text(finding.get("message")), text(finding.get("fix"))));
            }
            rows.add(new GraphModel.VerifyRow(text(node.get("node")), Boolean.TRUE.equals(node.get("clean")), findings));
        }
        return new GraphModel.Verification(text(json.get("finishedAt")), Boolean.TRUE.equals(json.get("clean")), rows);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new TopologyException(file + " is not a JSON object; run the goal that writes it again.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof TopologyException known) {
                throw known;
            }
            throw new TopologyException("Cannot read " + file + ": " + e.getMessage()
                    + "; run the goal that writes it again, or delete it.", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        List<Map<String, Object>> list = new ArrayList<>();
        if (value instanceof List<?> items) {
            items.stream().filter(Map.class::isInstance).forEach(item -> list.add((Map<String, Object>) item));
        }
        return list;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
