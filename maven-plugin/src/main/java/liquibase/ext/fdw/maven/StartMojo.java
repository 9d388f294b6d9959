package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.TopologyEngine;
import org.apache.maven.plugins.annotations.Mojo;

/** Starts the embedded nodes and leaves them running after the build, for psql and for faster goals. */
@Mojo(name = "start", requiresProject = true, threadSafe = true)
public class StartMojo extends AbstractTopologyMojo {
    @Override
    protected void run(TopologyEngine engine) {
        engine.start(request(Goal.STATUS).build());
    }
}
