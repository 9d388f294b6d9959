package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.EmbeddedNodes;
import liquibase.ext.fdw.topology.NodeAddress;
import liquibase.ext.fdw.topology.NodeDefinition;
import liquibase.ext.fdw.topology.Topology;
import org.apache.maven.plugins.annotations.Mojo;

/** Starts the embedded nodes and leaves them running after the build, for psql and for faster goals. */
@Mojo(name = "start", requiresProject = true, threadSafe = true)
public class StartMojo extends AbstractTopologyMojo {
    @Override
    protected void run(Topology topology) {
        EmbeddedNodes embedded = embeddedNodes();
        for (NodeDefinition node : selected(topology)) {
            if (!node.embedded()) {
                getLog().info("[" + node.name() + "] external node at " + node.url() + "; nothing to start");
                continue;
            }
            NodeAddress address = embedded.start(node, topology.postgresVersion(), true);
            getLog().info("[" + node.name() + "] PostgreSQL " + topology.postgresVersion() + " running: psql -h "
                    + address.host() + " -p " + address.port() + " -U " + address.username() + " " + address.dbname()
                    + " (password in " + embedded.directory(node).resolve("node.properties") + ")");
        }
    }
}
