package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;

/** Validates each node's changelog against the node (syntax, preconditions' structure, checksums). */
@Mojo(name = "validate", requiresProject = true, threadSafe = true)
public class ValidateMojo extends AbstractRunnerMojo {
    @Override
    protected Goal goal() {
        return Goal.VALIDATE;
    }
}
