package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Applies every node's pending changesets, dependencies first, independent nodes in parallel. */
@Mojo(name = "update", requiresProject = true, threadSafe = true)
public class UpdateMojo extends AbstractRunnerMojo {
    /**
     * All nodes commit or none does: each node's changesets in one transaction ended by PREPARE TRANSACTION, committed
     * everywhere once all prepared. Default: the topology file's {@code atomic}.
     */
    @Parameter(property = "fdw.atomic")
    protected Boolean atomic;

    @Override
    protected Boolean atomic() {
        return atomic;
    }

    @Override
    protected Goal goal() {
        return Goal.UPDATE;
    }
}
