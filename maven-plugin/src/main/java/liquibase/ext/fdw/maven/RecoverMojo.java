package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Finishes what a crashed atomic update left prepared on the nodes: commits a run's prepared transactions when its
 * decision was recorded, rolls them back otherwise, and reports what it did per node.
 */
@Mojo(name = "recover", requiresProject = true, threadSafe = true)
public class RecoverMojo extends AbstractRunnerMojo {
    @Override
    protected Goal goal() {
        return Goal.RECOVER;
    }
}
