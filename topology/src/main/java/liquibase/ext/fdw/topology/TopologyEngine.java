package liquibase.ext.fdw.topology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import liquibase.ext.fdw.nodes.PostgresBinaries;
import liquibase.ext.fdw.topology.testrollback.UpdateTestingRollback;
import liquibase.ext.fdw.topology.verify.DriftException;
import liquibase.ext.fdw.topology.verify.VerifyOptions;
import liquibase.ext.fdw.topology.verify.VerifyReport;

/**
 * The engine's entry point for every front end: turns a {@link TopologyRequest} into a loaded topology, node
 * addresses (embedded nodes started, external ones with their secrets), run settings, and runs the goal.
 */
public final class TopologyEngine {
    private static final ReentrantLock ONE_RUN_AT_A_TIME = new ReentrantLock();
    private final TopologyLog log;

    /** {@code log} receives the engine's progress lines, already masked. */
    public TopologyEngine(TopologyLog log) {
        this.log = log;
    }

    /**
     * Runs the request's goal on the selected nodes: the summary table and the report's path are logged, and
     * {@code report.json} is written to the output directory. Node failures are in the report; problems found
     * before any node changed are thrown.
     */
    public RunReport run(TopologyRequest request) {
        // Liquibase keeps JVM-wide registries (lock services, executors, history services) that each command
        // resets; two runs in one JVM (a parallel Maven build) would reset each other's, so runs take turns.
        ONE_RUN_AT_A_TIME.lock();
        try {
            return runAlone(request);
        } finally {
            ONE_RUN_AT_A_TIME.unlock();
        }
    }

    private RunReport runAlone(TopologyRequest request) {
        if (request.goal() == Goal.VERIFY) {
            throw new InvalidArgumentException("goal", "verify is not a runner goal; call verify(request, options).");
        }
        Topology topology = topology(request);
        List<NodeDefinition> selected = topology.select(request.nodes());
        RunSettings settings = settings(request, topology);
        EmbeddedNodes embedded = embeddedNodes(request);
        try {
            Map<String, NodeAddress> addresses = addresses(topology, request, embedded, false);
            TopologyRunner runner = new TopologyRunner(topology, addresses, log, request.timeouts());
            RunReport report = request.goal() == Goal.UPDATE_TESTING_ROLLBACK
                    ? new UpdateTestingRollback(runner, addresses, log).run(selected, settings)
                    : runner.run(selected, settings);
            log.info("");
            report.summaryTable().forEach(log::info);
            try {
                log.info("Report: " + report.write(request.outputDirectory()));
            } catch (IOException e) {
                throw new TopologyException("Cannot write report.json to " + request.outputDirectory() + ": "
                        + e.getMessage(), e);
            }
            return report;
        } finally {
            embedded.stopStarted();
        }
    }

    /**
     * Runs the status goal on the selected nodes (without writing {@code report.json}, which keeps the last run's
     * result) and hands the reachable topology to {@code inspection}; embedded nodes this call started are stopped
     * afterwards. Failures are thrown with every password masked.
     */
    public <T> T inspect(TopologyRequest request, LiveTopology.Inspection<T> inspection) {
        ONE_RUN_AT_A_TIME.lock();
        try {
            Topology topology = topology(request);
            List<NodeDefinition> selected = topology.select(request.nodes());
            RunSettings settings = settings(request, topology).withGoal(Goal.STATUS);
            EmbeddedNodes embedded = embeddedNodes(request);
            try {
                Map<String, NodeAddress> addresses = addresses(topology, request, embedded, false);
                TopologyRunner runner = new TopologyRunner(topology, addresses, log, request.timeouts());
                RunReport status = runner.run(selected, settings);
                LiveTopology live = new LiveTopology(topology, selected, addresses, status,
                        new NodeConnector(request.timeouts(), "inspect"), runner.redactor());
                try {
                    return inspection.inspect(live);
                } catch (SQLException e) {
                    throw new TopologyException(runner.redactor().scrub(Failures.describe(e)));
                } catch (TopologyException e) {
                    throw Masked.of(e, runner.redactor());
                }
            } finally {
                embedded.stopStarted();
            }
        } finally {
            ONE_RUN_AT_A_TIME.unlock();
        }
    }

    /**
     * Compares what each coordinator believes with what the nodes hold, and each node's changelog with its history,
     * without taking any lock or changing anything: one line per finding (or per clean node) is logged and {@code
     * verify.json} written to the output directory. Throws {@link DriftException} on drift when {@code options} say
     * so, after the report is written.
     */
    public VerifyReport verify(TopologyRequest request, VerifyOptions options) {
        ONE_RUN_AT_A_TIME.lock();
        try {
            return verifyAlone(request, options);
        } finally {
            ONE_RUN_AT_A_TIME.unlock();
        }
    }

    private VerifyReport verifyAlone(TopologyRequest request, VerifyOptions options) {
        Topology topology = topology(request);
        List<NodeDefinition> selected = topology.select(request.nodes());
        RunSettings settings = settings(request, topology);
        EmbeddedNodes embedded = embeddedNodes(request);
        try {
            Map<String, NodeAddress> addresses = addresses(topology, request, embedded, false);
            VerifyReport report = new VerifyRun(topology, addresses, log, request.timeouts()).run(selected, settings, options);
            for (VerifyReport.NodeFindings node : report.nodes()) {
                if (node.clean()) {
                    log.info("[" + node.node() + "] clean: no drift found");
                } else {
                    node.findings().forEach(f -> log.error(f.line()));
                }
            }
            try {
                log.info("Verify report: " + report.write(request.outputDirectory()));
            } catch (IOException e) {
                throw new TopologyException("Cannot write verify.json to " + request.outputDirectory() + ": "
                        + e.getMessage(), e);
            }
            if (!report.clean() && options.failOnDrift()) {
                throw new DriftException(report);
            }
            return report;
        } finally {
            embedded.stopStarted();
        }
    }

    /** Starts the selected embedded nodes and leaves them running; logs how to reach each. */
    public void start(TopologyRequest request) {
        Topology topology = topology(request);
        EmbeddedNodes embedded = embeddedNodes(request);
        for (NodeDefinition node : topology.select(request.nodes())) {
            if (!node.embedded()) {
                log.info("[" + node.name() + "] external node at " + NodeAddress.maskUrl(node.url()) + "; nothing to start");
                continue;
            }
            NodeAddress address = embedded.start(node, topology.postgresVersion(), true);
            log.info("[" + node.name() + "] PostgreSQL " + topology.postgresVersion() + " running: psql -h "
                    + address.host() + " -p " + address.port() + " -U " + address.username() + " " + address.dbname()
                    + " (password in " + embedded.directory(node).resolve("node.properties") + ")");
        }
    }

    /** Stops the selected embedded nodes; their data stays. */
    public void stop(TopologyRequest request) {
        Topology topology = topology(request);
        EmbeddedNodes embedded = embeddedNodes(request);
        for (NodeDefinition node : topology.select(request.nodes())) {
            if (node.embedded()) {
                boolean wasRunning = embedded.isRunning(node, topology.postgresVersion());
                embedded.stop(node, topology.postgresVersion());
                log.info("[" + node.name() + "] " + (wasRunning ? "stopped" : "was not running"));
            }
        }
    }

    /**
     * The topology the request describes: the file or the inline nodes, with the changelog directory and embedded
     * PostgreSQL major overridden when the request says so, checked for a changelog directory and a major that exist.
     */
    public static Topology topology(TopologyRequest request) {
        int defaultMajor = request.postgresVersion() != null ? request.postgresVersion() : PostgresBinaries.defaultMajor();
        Topology topology;
        if (request.inlineNodes() != null && !request.inlineNodes().isEmpty()) {
            Path directory = request.changeLogDirectory() != null ? request.changeLogDirectory()
                    : request.inlineChangeLogDirectory();
            topology = new Topology(request.inlineSource(), directory.toAbsolutePath(), defaultMajor,
                    request.inlineNodes());
        } else {
            topology = TopologyLoader.load(request.topologyFile(), defaultMajor);
            if (request.changeLogDirectory() != null) {
                topology = new Topology(topology.source(), request.changeLogDirectory().toAbsolutePath(),
                        topology.postgresVersion(), topology.nodes(), topology.atomic());
            }
        }
        if (!Files.isDirectory(topology.changeLogDirectory())) {
            throw new MissingFileException("changeLogDirectory", topology.changeLogDirectory(), topology.source()
                    + ": changelog directory " + topology.changeLogDirectory() + " does not exist.", null);
        }
        if (request.postgresVersion() != null && request.postgresVersion() != topology.postgresVersion()) {
            topology = new Topology(topology.source(), topology.changeLogDirectory(), request.postgresVersion(),
                    topology.nodes(), topology.atomic());
        }
        if (!PostgresBinaries.supportedMajors().contains(topology.postgresVersion())) {
            throw new InvalidArgumentException("postgresVersion", topology.source() + ": embedded PostgreSQL "
                    + topology.postgresVersion() + " is not available; choose one of "
                    + PostgresBinaries.supportedMajors() + ".");
        }
        return topology;
    }

    /** The runner's settings: the goal's arguments, filters, failure handling and the merged changelog parameters. */
    static RunSettings settings(TopologyRequest request, Topology topology) {
        return new RunSettings(request.goal(), request.contexts(), request.labels(),
                request.parallelism() == null ? Integer.MAX_VALUE : request.parallelism(), request.onFailure(),
                request.rollbackCount(), request.tag(), request.rollbackDate(), request.outputDirectory(),
                properties(request), request.force(), (request.goal() == Goal.UPDATE
                        || request.goal() == Goal.UPDATE_TESTING_ROLLBACK)
                        && (request.atomic() != null ? request.atomic() : topology.atomic()));
    }

    /** Changelog parameters for every node: the property file's entries, then the request's own (which win). */
    static Map<String, String> properties(TopologyRequest request) {
        Map<String, String> result = new LinkedHashMap<>();
        if (request.propertyFile() != null) {
            Properties loaded = new Properties();
            try (InputStream in = Files.newInputStream(request.propertyFile())) {
                loaded.load(in);
            } catch (IOException e) {
                throw new MissingFileException("propertyFile", request.propertyFile(), "Cannot read property file "
                        + request.propertyFile() + ": " + e.getMessage(), e);
            }
            loaded.stringPropertyNames().stream().sorted().forEach(name -> result.put(name, loaded.getProperty(name)));
        }
        result.putAll(request.properties());
        return result;
    }

    /** Starts the embedded nodes (all of them: changelogs may refer to any node) and resolves the others. */
    private static Map<String, NodeAddress> addresses(Topology topology, TopologyRequest request, EmbeddedNodes embedded,
            boolean keepRunning) {
        ExternalNodes external = new ExternalNodes(request.credentials(), request.environment());
        Map<String, NodeAddress> addresses = new LinkedHashMap<>();
        for (NodeDefinition node : topology.nodes()) {
            addresses.put(node.name(), node.embedded()
                    ? embedded.start(node, topology.postgresVersion(), keepRunning)
                    : external.resolve(node));
        }
        return addresses;
    }

    private static EmbeddedNodes embeddedNodes(TopologyRequest request) {
        return new EmbeddedNodes(request.nodesDirectory(), request.binaries());
    }
}
