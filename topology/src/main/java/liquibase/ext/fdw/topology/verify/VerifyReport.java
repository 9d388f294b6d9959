package liquibase.ext.fdw.topology.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.topology.internal.Json;

/**
 * The outcome of {@code verify}: every checked node in topology order with its findings (none when it is clean),
 * written as {@code verify.json} for tools (the graph goal reads it).
 */
public final class VerifyReport {
    private final Instant finishedAt;
    private final List<NodeFindings> nodes;

    /** A node and what was found on it, in the order the checks found it. */
    public record NodeFindings(String node, List<Finding> findings) {
        public NodeFindings {
            findings = List.copyOf(findings);
        }

        public boolean clean() {
            return findings.isEmpty();
        }
    }

    /** {@code findings} by node name; every name of {@code nodeOrder} gets an entry, in that order. */
    public VerifyReport(Instant finishedAt, List<String> nodeOrder, Map<String, List<Finding>> findings) {
        this.finishedAt = finishedAt;
        List<NodeFindings> result = new ArrayList<>();
        for (String node : nodeOrder) {
            result.add(new NodeFindings(node, findings.getOrDefault(node, List.of())));
        }
        this.nodes = List.copyOf(result);
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public List<NodeFindings> nodes() {
        return nodes;
    }

    /** Whether no node has a finding. */
    public boolean clean() {
        return nodes.stream().allMatch(NodeFindings::clean);
    }

    /** Every finding, node by node. */
    public List<Finding> findings() {
        return nodes.stream().flatMap(n -> n.findings().stream()).toList();
    }

    /** One line per finding, and for each clean node one line saying so. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (NodeFindings node : nodes) {
            if (node.clean()) {
                lines.add("[" + node.node() + "] clean: no drift found");
            } else {
                node.findings().forEach(f -> lines.add(f.line()));
            }
        }
        return lines;
    }

    /** Writes {@code verify.json} into {@code directory}. */
    public Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("verify.json");
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        return file;
    }

    /** The report as JSON: goal, finishedAt, clean, and nodes with their findings. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"goal\":\"verify\",\"finishedAt\":")
                .append(Json.string(DateTimeFormatter.ISO_INSTANT.format(finishedAt)))
                .append(",\"clean\":").append(clean()).append(",\"nodes\":[");
        String nodeSeparator = "";
        for (NodeFindings node : nodes) {
            json.append(nodeSeparator).append("{\"node\":").append(Json.string(node.node())).append(",\"clean\":")
                    .append(node.clean()).append(",\"findings\":[");
            String separator = "";
            for (Finding f : node.findings()) {
                json.append(separator).append("{\"node\":").append(Json.string(f.node()))
                        .append(",\"object\":").append(Json.string(f.object()))
                        .append(",\"kind\":").append(Json.string(f.kind()))
                        .append(",\"message\":").append(Json.string(f.message()))
                        .append(",\"fix\":").append(Json.string(f.fix())).append('}');
                separator = ",";
            }
            json.append("]}");
            nodeSeparator = ",";
        }
        return json.append("]}\n").toString();
    }

}
