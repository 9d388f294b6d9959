package liquibase.ext.fdw.topology;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liquibase.Scope;
import liquibase.ext.fdw.topology.verify.Finding;
import liquibase.ext.fdw.topology.verify.VerifyOptions;
import liquibase.ext.fdw.topology.verify.VerifyReport;
import liquibase.ext.fdw.topology.verify.internal.DriftChecks;
import liquibase.ext.fdw.topology.verify.internal.VerifyNode;

/**
 * {@code verify} over the whole topology: connects to every node as the runner does, but takes no Liquibase lock and
 * changes nothing (the catalog checks run on read-only connections); every finding is masked with the nodes'
 * passwords before it is reported.
 */
final class VerifyRun {
    private final Topology topology;
    private final Map<String, NodeAddress> addresses;
    private final TopologyRequest.Timeouts timeouts;
    private final TopologyLog rawLog;

    VerifyRun(Topology topology, Map<String, NodeAddress> addresses, TopologyLog log, TopologyRequest.Timeouts timeouts) {
        this.topology = topology;
        this.addresses = addresses;
        this.timeouts = timeouts;
        this.rawLog = log;
    }

    /** The findings of every selected node, in topology order. */
    VerifyReport run(List<NodeDefinition> selected, RunSettings settings, VerifyOptions options) {
        TopologyRunner runner = new TopologyRunner(topology, addresses, rawLog, timeouts);
        Redactor redactor = runner.redactor();
        TopologyLog log = new RedactingLog(rawLog, redactor);
        NodeScopes scopes = new NodeScopes(topology.changeLogDirectory(), log, Thread.currentThread().getContextClassLoader(),
                null);
        MaskedStandardStreams streams = new MaskedStandardStreams(redactor);
        try {
            return Scope.child(scopes.run(), () -> inScope(runner, redactor, scopes, selected, settings, options));
        } catch (TopologyException e) {
            throw Masked.of(e, redactor);
        } catch (Exception e) {
            throw Masked.wrap(e, redactor);
        } finally {
            streams.close();
        }
    }

    private VerifyReport inScope(TopologyRunner runner, Redactor redactor, NodeScopes scopes, List<NodeDefinition> selected,
            RunSettings settings, VerifyOptions options) throws Exception {
        NodeConnector connector = new NodeConnector(timeouts, UUID.randomUUID().toString());
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        List<NodeSession> sessions = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        try {
            for (NodeDefinition node : selected) {
                order.add(node.name());
                sessions.add(NodeSession.open(node, addresses.get(node.name()), connector));
            }
            for (NodeSession session : sessions) {
                String name = session.node().name();
                // Liquibase creates its tables on a node that has none, even to validate: everything it writes is
                // held in one transaction and rolled back, so verify leaves every node as it was.
                DeferredCommits commits = session.commits();
                commits.hold();
                List<Finding> found;
                try {
                    found = scopes.inNode(name, () -> new ChangelogDrift(session, runner.parameters(session.node(),
                            settings), settings).findings());
                } finally {
                    commits.target().rollback();
                    commits.release();
                }
                findings.computeIfAbsent(name, n -> new ArrayList<>()).addAll(found);
            }
            // Every node of the topology, selected or not: a coordinator's servers may point at any of them.
            List<VerifyNode> nodes = new ArrayList<>();
            for (NodeDefinition node : topology.nodes()) {
                NodeAddress address = addresses.get(node.name());
                Connection connection = connector.connect(address);
                connections.add(connection);
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    // Enforced by the server for every statement (pgjdbc's setReadOnly does nothing in auto-commit).
                    statement.execute("SET default_transaction_read_only = on");
                }
                nodes.add(new VerifyNode(node.name(), address.host(), address.port(), address.dbname(), connection));
            }
            for (Finding finding : new DriftChecks(nodes, options).run()) {
                if (order.contains(finding.node())) {
                    findings.computeIfAbsent(finding.node(), n -> new ArrayList<>()).add(finding);
                }
            }
        } finally {
            connections.forEach(VerifyRun::closeQuietly);
            sessions.forEach(NodeSession::close);
        }
        Map<String, List<Finding>> masked = new LinkedHashMap<>();
        findings.forEach((node, list) -> masked.put(node, list.stream().map(f -> new Finding(f.node(),
                redactor.scrub(f.object()), f.kind(), redactor.scrub(f.message()), redactor.scrub(f.fix()))).toList()));
        return new VerifyReport(Instant.now(), order, masked);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing was written on it.
        }
    }
}
