package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Updates the topology, rolls back what the update applied (dependents first), fails when any node's catalogs or
 * rows differ from before the update, then updates again.
 */
@Mojo(name = "updateTestingRollback", requiresProject = true, threadSafe = true)
public class UpdateTestingRollbackMojo extends AbstractRunnerMojo {
    @Override
    protected Goal goal() {
        return Goal.UPDATE_TESTING_ROLLBACK;
    }
}
