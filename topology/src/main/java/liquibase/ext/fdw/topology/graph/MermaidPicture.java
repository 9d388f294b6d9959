package liquibase.ext.fdw.topology.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link GraphModel} as a Mermaid flowchart: a subgraph per node, a box per server, partitioned table and
 * partition (with its bound), and an edge from each foreign partition to the table it reads on its node. Ids are
 * numbered in model order, so the same topology gives the same text.
 */
final class MermaidPicture {
    private final GraphModel model;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    MermaidPicture(GraphModel model) {
        this.model = model;
    }

    String render() {
        out.append("%% liquibase-fdw topology of ").append(comment(model.source())).append('\n');
        out.append("flowchart LR\n");
        Map<String, Map<String, List<String>>> held = new LinkedHashMap<>();
        List<String> edges = new ArrayList<>();
        for (GraphModel.Node node : model.nodes()) {
            for (GraphModel.Parent parent : node.parents()) {
                for (GraphModel.Partition partition : parent.partitions()) {
                    if (partition.target() != null) {
                        held.computeIfAbsent(partition.target(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(partition.remoteTable(), k -> new ArrayList<>()).add(partition.bound());
                    }
                }
            }
        }
        for (GraphModel.Node node : model.nodes()) {
            out.append("  subgraph ").append(id("node:" + node.name())).append("[\"")
                    .append(label(node.name() + " · PostgreSQL " + node.version() + " · " + node.address()))
                    .append("\"]\n");
            out.append("    ").append(id("status:" + node.name())).append("[\"")
                    .append(label(status(node))).append("\"]\n");
            for (GraphModel.Server server : node.servers()) {
                StringBuilder text = new StringBuilder("server " + label(server.name()) + "<br/>" + label(server.address()));
                server.mappings().forEach(m -> text.append("<br/>mapping ").append(label(m.localUser())).append(" as ")
                        .append(label(m.remoteUser() == null ? "(no user option)" : m.remoteUser())));
                text.append("<br/>").append(server.target() == null ? "outside the topology" : "node " + label(server.target()));
                out.append("    ").append(id("server:" + node.name() + ":" + server.name())).append("[\"")
                        .append(text).append("\"]\n");
                if (server.target() != null) {
                    edges.add(id("server:" + node.name() + ":" + server.name()) + " -.-> "
                            + id("status:" + server.target()));
                }
            }
            for (GraphModel.Parent parent : node.parents()) {
                String parentId = id("parent:" + node.name() + ":" + parent.qualifiedName());
                out.append("    ").append(parentId).append("[(\"").append(label(parent.qualifiedName()))
                        .append("<br/>").append(label(parent.key())).append("\")]\n");
                for (GraphModel.Partition partition : parent.partitions()) {
                    String partitionId = id("partition:" + node.name() + ":" + partition.schema() + "."
                            + partition.name());
                    String where = !partition.foreign() ? "local" : partition.target() == null
                            ? "foreign via " + partition.server() + ", outside the topology"
                            : "foreign on " + partition.target() + " via " + partition.server();
                    out.append("    ").append(partitionId).append("[\"").append(label(partition.name())).append("<br/>")
                            .append(label(partition.bound())).append("<br/>").append(label(where)).append("\"]\n");
                    out.append("    ").append(parentId).append(" --- ").append(partitionId).append('\n');
                    if (partition.target() != null) {
                        edges.add(partitionId + " -->|" + label(partition.server()) + "| "
                                + id("held:" + partition.target() + ":" + partition.remoteTable()));
                    }
                }
            }
            held.getOrDefault(node.name(), Map.of()).forEach((table, bounds) -> out.append("    ")
                    .append(id("held:" + node.name() + ":" + table)).append("[\"").append(label(table)).append("<br/>")
                    .append(label(String.join(", ", bounds))).append("\"]\n"));
            out.append("  end\n");
        }
        edges.forEach(edge -> out.append("  ").append(edge).append('\n'));
        return out.toString();
    }

    private String status(GraphModel.Node node) {
        String text = node.statusError() != null ? "status unknown: " + node.statusError()
                : node.pending().isEmpty() ? "up to date" : node.pending().size() + " changeset(s) pending: "
                        + String.join(", ", node.pending());
        if (model.lastRun() != null) {
            for (GraphModel.RunRow row : model.lastRun().rows()) {
                if (row.node().equals(node.name())) {
                    text += " · last " + model.lastRun().goal() + ": " + row.result();
                }
            }
        }
        return text;
    }

    /** A stable id per object: n0, n1, ... in the order objects are first met. */
    private String id(String key) {
        return ids.computeIfAbsent(key, k -> "n" + ids.size());
    }

    /** Text inside a quoted Mermaid label: quotes and the characters Mermaid reads as markup become entities. */
    static String label(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("#quot;");
                case '<' -> escaped.append("#lt;");
                case '>' -> escaped.append("#gt;");
                case '#' -> escaped.append("#35;");
                case '|' -> escaped.append("#124;");
                case '\n', '\r' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String comment(String text) {
        return text == null ? "" : text.replaceAll("\\R", " ");
    }
}
