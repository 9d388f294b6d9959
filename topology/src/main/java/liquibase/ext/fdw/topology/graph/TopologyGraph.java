package liquibase.ext.fdw.topology.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.topology.LiveTopology;
import liquibase.ext.fdw.topology.NodeAddress;
import liquibase.ext.fdw.topology.NodeDefinition;
import liquibase.ext.fdw.topology.NodeResult;
import liquibase.ext.fdw.topology.TopologyEngine;
import liquibase.ext.fdw.topology.TopologyException;
import liquibase.ext.fdw.topology.TopologyLog;
import liquibase.ext.fdw.topology.TopologyRequest;

/**
 * The {@code graph} goal: reads the topology's layout from the live nodes ({@link GraphModel}) and writes it as
 * {@code topology.svg}, {@code topology.mmd} (Mermaid) and a self-contained {@code report.html} into the request's
 * output directory. It changes no node and keeps the last run's {@code report.json}.
 */
public final class TopologyGraph {
    /** The files written, in the order they are listed. */
    public record Output(Path svg, Path mermaid, Path html) {
    }

    private final TopologyEngine engine;
    private final TopologyLog log;

    public TopologyGraph(TopologyEngine engine, TopologyLog log) {
        this.engine = engine;
        this.log = log;
    }

    /** Reads the live layout and writes the three files; what it reads and writes is logged. */
    public Output write(TopologyRequest request) {
        Path directory = request.outputDirectory();
        // Read before the nodes are touched: the picture shows the last run, not this one's status pass.
        GraphModel.LastRun lastRun = LastResults.lastRun(directory);
        GraphModel.Verification verification = LastResults.verification(directory);
        GraphModel model = engine.inspect(request, live -> read(live, lastRun, verification));
        Output files = new Output(directory.resolve("topology.svg"), directory.resolve("topology.mmd"),
                directory.resolve("report.html"));
        try {
            Files.createDirectories(directory);
            String svg = new SvgPicture(model).render();
            write(files.svg(), svg);
            write(files.mermaid(), new MermaidPicture(model).render());
            write(files.html(), new HtmlReport(model, svg).render());
        } catch (IOException e) {
            throw new TopologyException("Cannot write the topology picture to " + directory + ": " + e.getMessage(), e);
        }
        for (GraphModel.Node node : model.nodes()) {
            long foreign = node.parents().stream().flatMap(p -> p.partitions().stream())
                    .filter(GraphModel.Partition::foreign).count();
            log.info("[" + node.name() + "] " + node.servers().size() + " server(s), " + node.parents().size()
                    + " partitioned table(s), " + foreign + " foreign partition(s), "
                    + (node.statusError() != null ? "status unknown" : node.pending().isEmpty() ? "up to date"
                            : node.pending().size() + " changeset(s) pending"));
        }
        log.info("Picture: " + files.svg());
        log.info("Mermaid: " + files.mermaid());
        log.info("Report: " + files.html());
        return files;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The model of the live topology; secrets never enter it (addresses carry no user or password). */
    static GraphModel read(LiveTopology live, GraphModel.LastRun lastRun, GraphModel.Verification verification)
            throws SQLException {
        Map<String, NodeResult> status = new LinkedHashMap<>();
        live.status().results().forEach(result -> status.put(result.node(), result));
        List<NodeDefinition> all = live.topology().nodes();
        CatalogReader.Targets targets = (host, port, dbname, user) -> {
            for (NodeDefinition candidate : all) {
                NodeAddress address = live.address(candidate.name());
                String database = dbname != null ? dbname : user;
                if (CatalogReader.sameHost(host, address.host())
                        && (port == null ? 5432 : parsePort(port)) == address.port()
                        && address.dbname().equals(database)) {
                    return candidate.name();
                }
            }
            return null;
        };
        List<GraphModel.Node> nodes = new ArrayList<>();
        for (NodeDefinition definition : live.selected()) {
            NodeAddress address = live.address(definition.name());
            try (Connection connection = live.connect(definition.name())) {
                CatalogReader reader = new CatalogReader(connection, targets);
                List<GraphModel.Server> servers = reader.servers();
                Map<String, String> serverTargets = new LinkedHashMap<>();
                servers.forEach(server -> serverTargets.put(server.name(), server.target()));
                NodeResult result = status.get(definition.name());
                List<String> pending = result == null ? List.of() : result.lines().stream()
                        .map(line -> line.startsWith("pending ") ? line.substring("pending ".length()) : line).toList();
                String statusError = result == null ? "not read"
                        : result.status() == NodeResult.Status.OK ? null : live.scrub(result.message());
                nodes.add(new GraphModel.Node(definition.name(), address.host() + ":" + address.port() + "/"
                        + address.dbname(), reader.version(), definition.dependsOn(), pending, statusError, servers,
                        reader.parents(serverTargets::get)));
            }
        }
        return new GraphModel(live.topology().source(), nodes, lastRun, verification);
    }

    private static int parsePort(String port) {
        try {
            return Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
