package liquibase.ext.fdw.topology.graph;

import java.util.List;

/**
 * The self-contained {@code report.html}: the picture inline, the nodes, servers and partitions as tables, the last
 * run ({@code report.json}) and the last verification ({@code verify.json}). Styles are inline and nothing refers to
 * another file or address, so it opens the same offline, from a CI artifact or an e-mail.
 */
final class HtmlReport {
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 24px; color: #202124; }
            h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; }
            table { border-collapse: collapse; margin: 8px 0; }
            th, td { border: 1px solid #dadce0; padding: 4px 10px; text-align: left; vertical-align: top; }
            th { background: #f1f3f4; }
            td.bound, td.code { font-family: monospace; white-space: nowrap; }
            .ok { color: #188038; } .bad { color: #c5221f; font-weight: bold; } .warn { color: #b06000; }
            .picture { overflow-x: auto; border: 1px solid #dadce0; padding: 8px; }
            .picture svg { max-width: 100%; height: auto; }
            """;
    private final GraphModel model;
    private final String svg;
    private final StringBuilder out = new StringBuilder();

    /** {@code svg} is the picture as written to {@code topology.svg}. */
    HtmlReport(GraphModel model, String svg) {
        this.model = model;
        this.svg = svg;
    }

    String render() {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>liquibase-fdw topology</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<h1>Topology ").append(escape(model.source())).append("</h1>\n");
        out.append("<div class=\"picture\" id=\"picture\">\n").append(inlineSvg(svg)).append("</div>\n");
        nodes();
        servers();
        partitions();
        lastRun();
        verification();
        return out.append("</body>\n</html>\n").toString();
    }

    private void nodes() {
        out.append("<h2>Nodes</h2>\n<table id=\"nodes\">\n<tr><th>node</th><th>address</th><th>PostgreSQL</th>")
                .append("<th>depends on</th><th>pending changesets</th></tr>\n");
        for (GraphModel.Node node : model.nodes()) {
            String pending = node.statusError() != null ? "<span class=\"bad\">status unknown: "
                    + escape(node.statusError()) + "</span>" : node.pending().isEmpty() ? "<span class=\"ok\">up to date</span>"
                    : "<span class=\"warn\">" + escape(String.join("\n", node.pending())).replace("\n", "<br>") + "</span>";
            row(escape(node.name()), escape(node.address()), escape(node.version()),
                    escape(String.join(", ", node.dependsOn())), pending);
        }
        out.append("</table>\n");
    }

    private void servers() {
        out.append("<h2>Servers and user mappings</h2>\n");
        if (model.nodes().stream().allMatch(n -> n.servers().isEmpty())) {
            out.append("<p>No node defines a foreign server.</p>\n");
            return;
        }
        out.append("<table id=\"servers\">\n<tr><th>node</th><th>server</th><th>address</th><th>points to</th>")
                .append("<th>user mappings</th></tr>\n");
        for (GraphModel.Node node : model.nodes()) {
            for (GraphModel.Server server : node.servers()) {
                List<String> mappings = server.mappings().stream().map(m -> escape(m.localUser()) + " as "
                        + escape(m.remoteUser() == null ? "(no user option)" : m.remoteUser())).toList();
                row(escape(node.name()), escape(server.name()), escape(server.address()),
                        server.target() == null ? "<span class=\"warn\">outside the topology</span>"
                                : escape(server.target()),
                        mappings.isEmpty() ? "<span class=\"warn\">none</span>" : String.join("<br>", mappings));
            }
        }
        out.append("</table>\n");
    }

    private void partitions() {
        out.append("<h2>Partitions</h2>\n");
        if (model.nodes().stream().allMatch(n -> n.parents().isEmpty())) {
            out.append("<p>No node has a partitioned table.</p>\n");
            return;
        }
        out.append("<table id=\"partitions\">\n<tr><th>node</th><th>partitioned table</th><th>partition</th>")
                .append("<th>bound</th><th>lives on</th><th>remote table</th></tr>\n");
        for (GraphModel.Node node : model.nodes()) {
            for (GraphModel.Parent parent : node.parents()) {
                for (GraphModel.Partition partition : parent.partitions()) {
                    String where = !partition.foreign() ? escape(node.name()) + " (local)"
                            : partition.target() == null ? "<span class=\"warn\">server " + escape(partition.server())
                                    + ", outside the topology</span>"
                                    : escape(partition.target()) + " (server " + escape(partition.server()) + ")";
                    out.append("<tr><td>").append(escape(node.name())).append("</td><td class=\"code\">")
                            .append(escape(parent.qualifiedName() + " " + parent.key())).append("</td><td class=\"code\">")
                            .append(escape(partition.schema() + "." + partition.name())).append("</td><td class=\"bound\">")
                            .append(escape(partition.bound())).append("</td><td>").append(where)
                            .append("</td><td class=\"code\">").append(escape(partition.remoteTable() == null ? ""
                                    : partition.remoteTable())).append("</td></tr>\n");
                }
            }
        }
        out.append("</table>\n");
    }

    private void lastRun() {
        out.append("<h2>Last run</h2>\n");
        GraphModel.LastRun run = model.lastRun();
        if (run == null) {
            out.append("<p id=\"last-run\">No run recorded yet (no report.json).</p>\n");
            return;
        }
        out.append("<p id=\"last-run\">").append(escape(run.goal())).append(" started ").append(escape(run.started()))
                .append(": <span class=\"").append("OK".equals(run.result()) ? "ok" : "bad").append("\">")
                .append(escape(run.result())).append("</span></p>\n")
                .append("<table id=\"run\">\n<tr><th>node</th><th>result</th><th>applied</th><th>skipped</th>")
                .append("<th>pending</th><th>time</th><th>message</th></tr>\n");
        for (GraphModel.RunRow row : run.rows()) {
            row(escape(row.node()), "<span class=\"" + ("OK".equals(row.result()) ? "ok" : "bad") + "\">"
                    + escape(row.result()) + "</span>", String.valueOf(row.applied()), String.valueOf(row.skipped()),
                    String.valueOf(row.pending()), row.millis() + " ms", escape(row.message() == null ? "" : row.message()));
        }
        out.append("</table>\n");
    }

    private void verification() {
        out.append("<h2>Verification</h2>\n");
        GraphModel.Verification verification = model.verification();
        if (verification == null) {
            out.append("<p id=\"verification\">Not verified yet (no verify.json).</p>\n");
            return;
        }
        out.append("<p id=\"verification\">Finished ").append(escape(verification.finishedAt())).append(": ")
                .append(verification.clean() ? "<span class=\"ok\">clean</span>" : "<span class=\"bad\">drift</span>")
                .append("</p>\n<table id=\"verify\">\n<tr><th>node</th><th>object</th><th>what differs</th>")
                .append("<th>fix</th></tr>\n");
        for (GraphModel.VerifyRow row : verification.rows()) {
            if (row.findings().isEmpty()) {
                row(escape(row.node()), "", row.clean() ? "<span class=\"ok\">clean</span>" : "", "");
            }
            for (GraphModel.Finding finding : row.findings()) {
                row(escape(row.node()), escape(finding.object()), "<span class=\"bad\">" + escape(finding.kind())
                        + "</span>: " + escape(finding.message()), escape(finding.fix()));
            }
        }
        out.append("</table>\n");
    }

    /** A table row of cells already escaped. */
    private void row(String... cells) {
        out.append("<tr>");
        for (String cell : cells) {
            out.append("<td>").append(cell).append("</td>");
        }
        out.append("</tr>\n");
    }

    /**
     * The SVG as an element of the HTML page: without its XML declaration and doctype, and without namespace
     * declarations, which HTML gives inline {@code <svg>} itself and which would be the page's only addresses.
     */
    static String inlineSvg(String svg) {
        String element = svg.substring(svg.indexOf("<svg"));
        int end = element.indexOf('>');
        String start = element.substring(0, end).replaceAll("\\s+xmlns(:\\w+)?=\"[^\"]*\"", "");
        return start + element.substring(end);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
