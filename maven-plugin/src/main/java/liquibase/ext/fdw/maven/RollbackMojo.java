package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;

/** Rolls back every node (reverse dependency order) by count, tag or date. */
@Mojo(name = "rollback", requiresProject = true, threadSafe = true)
public class RollbackMojo extends AbstractRollbackMojo {
    @Override
    protected Goal goal() {
        return Goal.ROLLBACK;
    }
}
