package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.TopologyEngine;
import org.apache.maven.plugins.annotations.Mojo;

/** Stops the embedded nodes; their data stays under the nodes directory for the next start. */
@Mojo(name = "stop", requiresProject = true, threadSafe = true)
public class StopMojo extends AbstractTopologyMojo {
    @Override
    protected void run(TopologyEngine engine) {
        engine.stop(request(Goal.STATUS).build());
    }
}
