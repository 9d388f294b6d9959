package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.TopologyEngine;
import liquibase.ext.fdw.topology.graph.TopologyGraph;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Draws the topology and its partition layout from the live nodes: {@code topology.svg}, {@code topology.mmd}
 * (Mermaid) and a self-contained {@code report.html} with the last run and verification, in the output directory.
 */
@Mojo(name = "graph", requiresProject = true, threadSafe = true)
public class GraphMojo extends AbstractTopologyMojo {
    /** Liquibase contexts for every node when counting pending changesets, added to each node's own contexts. */
    @Parameter(property = "fdw.contexts")
    protected String contexts;

    /** Liquibase label expression for every node when counting pending changesets. */
    @Parameter(property = "fdw.labels")
    protected String labels;

    @Override
    protected void run(TopologyEngine engine) {
        // Pending changesets are read as fdw:status reads them.
        new TopologyGraph(engine, new MavenTopologyLog(getLog()))
                .write(request(Goal.STATUS).contexts(contexts).labels(labels).build());
    }
}
