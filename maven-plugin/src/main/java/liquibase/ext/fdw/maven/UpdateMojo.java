package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;

/** Applies every node's pending changesets, dependencies first, independent nodes in parallel. */
@Mojo(name = "update", requiresProject = true, threadSafe = true)
public class UpdateMojo extends AbstractRunnerMojo {
    @Override
    protected Goal goal() {
        return Goal.UPDATE;
    }
}
