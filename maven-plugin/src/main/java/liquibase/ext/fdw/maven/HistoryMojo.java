package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;

/** Lists the changesets applied on each node. */
@Mojo(name = "history", requiresProject = true, threadSafe = true)
public class HistoryMojo extends AbstractRunnerMojo {
    @Override
    protected Goal goal() {
        return Goal.HISTORY;
    }
}
