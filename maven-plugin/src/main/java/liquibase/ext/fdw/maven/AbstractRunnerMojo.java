package liquibase.ext.fdw.maven;

import java.io.File;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import liquibase.ext.fdw.topology.EmbeddedNodes;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.NodeAddress;
import liquibase.ext.fdw.topology.OnFailure;
import liquibase.ext.fdw.topology.RunReport;
import liquibase.ext.fdw.topology.RunSettings;
import liquibase.ext.fdw.topology.Topology;
import liquibase.ext.fdw.topology.TopologyRunner;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that run Liquibase on the nodes: the runner's parameters, the summary table and report.json. */
public abstract class AbstractRunnerMojo extends AbstractTopologyMojo {
    /** Liquibase contexts for every node, added to each node's own contexts. */
    @Parameter(property = "fdw.contexts")
    protected String contexts;

    /** Liquibase label expression for every node, combined (and) with each node's own labels. */
    @Parameter(property = "fdw.labels")
    protected String labels;

    /** How many nodes of one dependency level run at once; default: all nodes of the level. */
    @Parameter(property = "fdw.parallelism")
    protected Integer parallelism;

    /** What a failing node does to the run: stop, continue (with nodes not depending on it) or rollback. */
    @Parameter(property = "fdw.onFailure", defaultValue = "stop")
    protected String onFailure;

    /** A properties file whose entries become changelog parameters on every node. */
    @Parameter(property = "fdw.propertyFile")
    protected File propertyFile;

    /**
     * Changelog parameters for every node, as in liquibase-maven-plugin (a node's own properties in the topology
     * win).
     */
    @Parameter(alias = "expressionVars")
    protected Map<String, String> expressionVariables;

    /** The goal run on each node. */
    protected abstract Goal goal();

    /** Count of changesets to roll back; only rollback goals set it. */
    protected Integer rollbackCount() {
        return null;
    }

    /** Tag to roll back to, or to set; only rollback and tag goals set it. */
    protected String tag() {
        return null;
    }

    /** Date to roll back to; only rollback goals set it. */
    protected Date rollbackDate() throws MojoFailureException {
        return null;
    }

    @Override
    protected final void run(Topology topology) throws MojoExecutionException, MojoFailureException {
        RunSettings settings = new RunSettings(goal(), contexts, labels,
                parallelism == null ? Integer.MAX_VALUE : parallelism, OnFailure.parse(onFailure), rollbackCount(),
                tag(), rollbackDate(), outputDirectory.toPath(), loadProperties(propertyFile, expressionVariables));
        EmbeddedNodes embedded = embeddedNodes();
        try {
            Map<String, NodeAddress> addresses = addresses(topology, embedded, false);
            TopologyRunner runner = new TopologyRunner(topology, addresses, new MavenTopologyLog(getLog()));
            RunReport report = runner.run(selected(topology), settings);
            List<String> table = report.summaryTable();
            getLog().info("");
            table.forEach(getLog()::info);
            try {
                getLog().info("Report: " + report.write(outputDirectory.toPath()));
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write report.json to " + outputDirectory + ": " + e.getMessage(), e);
            }
            if (report.failed()) {
                String failure = report.firstFailure();
                throw new MojoFailureException("fdw:" + goal().goalName() + " failed on "
                        + (failure == null ? "the topology" : failure));
            }
        } finally {
            embedded.stopStarted();
        }
    }
}
