package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Releases the Liquibase lock of each node, for a lock left behind by a killed process. A lock whose run is still
 * connected to the node is not released unless {@code force} is set; unreachable nodes are listed, the others freed.
 */
@Mojo(name = "releaseLocks", requiresProject = true, threadSafe = true)
public class ReleaseLocksMojo extends AbstractRunnerMojo {
    /** Frees the lock even when the run holding it is still connected to the node. */
    @Parameter(property = "fdw.force", defaultValue = "false")
    protected boolean force;

    @Override
    protected Goal goal() {
        return Goal.RELEASE_LOCKS;
    }

    @Override
    protected boolean force() {
        return force;
    }
}
