package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.EmbeddedNodes;
import liquibase.ext.fdw.topology.NodeDefinition;
import liquibase.ext.fdw.topology.Topology;
import org.apache.maven.plugins.annotations.Mojo;

/** Stops the embedded nodes; their data stays under the nodes directory for the next start. */
@Mojo(name = "stop", requiresProject = true, threadSafe = true)
public class StopMojo extends AbstractTopologyMojo {
    @Override
    protected void run(Topology topology) {
        EmbeddedNodes embedded = embeddedNodes();
        for (NodeDefinition node : selected(topology)) {
            if (node.embedded()) {
                boolean wasRunning = embedded.isRunning(node, topology.postgresVersion());
                embedded.stop(node, topology.postgresVersion());
                getLog().info("[" + node.name() + "] " + (wasRunning ? "stopped" : "was not running"));
            }
        }
    }
}
