package liquibase.ext.fdw.maven;

import java.io.File;
import java.util.Date;
import java.util.Map;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.OnFailure;
import liquibase.ext.fdw.topology.RunReport;
import liquibase.ext.fdw.topology.TopologyEngine;
import liquibase.ext.fdw.topology.TopologyRequest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that run Liquibase on the nodes: the runner's parameters; the engine prints the summary and report.json. */
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

    /** Whether releaseLocks frees even a live run's lock; only releaseLocks sets it. */
    protected boolean force() {
        return false;
    }

    /** Atomic mode for update (two-phase commit); null leaves it to the topology file. Only update sets it. */
    protected Boolean atomic() {
        return null;
    }

    @Override
    protected final void run(TopologyEngine engine) throws MojoFailureException {
        TopologyRequest request = request(goal())
                .contexts(contexts)
                .labels(labels)
                .parallelism(parallelism)
                .onFailure(OnFailure.parse(onFailure))
                .rollbackCount(rollbackCount())
                .tag(tag())
                .rollbackDate(rollbackDate())
                .propertyFile(propertyFile == null ? null : propertyFile.toPath())
                .properties(expressionVariables)
                .force(force())
                .atomic(atomic())
                .build();
        RunReport report = engine.run(request);
        if (report.failed()) {
            String failure = report.firstFailure();
            throw new MojoFailureException("fdw:" + goal().goalName() + " failed on "
                    + (failure == null ? "the topology" : failure));
        }
    }
}
