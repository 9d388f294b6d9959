package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;

/** Lists each node's pending changesets. */
@Mojo(name = "status", requiresProject = true, threadSafe = true)
public class StatusMojo extends AbstractRunnerMojo {
    @Override
    protected Goal goal() {
        return Goal.STATUS;
    }
}
