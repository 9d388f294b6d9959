package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;

/** Releases the Liquibase lock of each node, for a lock left behind by a killed process. */
@Mojo(name = "releaseLocks", requiresProject = true, threadSafe = true)
public class ReleaseLocksMojo extends AbstractRunnerMojo {
    @Override
    protected Goal goal() {
        return Goal.RELEASE_LOCKS;
    }
}
