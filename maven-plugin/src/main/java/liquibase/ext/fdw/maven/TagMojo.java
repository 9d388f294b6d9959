package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Tags the current state of every node, for a later {@code fdw:rollback -Dfdw.rollbackTag=<tag>}. */
@Mojo(name = "tag", requiresProject = true, threadSafe = true)
public class TagMojo extends AbstractRunnerMojo {
    /** The tag to set on every node. */
    @Parameter(property = "fdw.tag", required = true)
    protected String tag;

    @Override
    protected Goal goal() {
        return Goal.TAG;
    }

    @Override
    protected String tag() {
        return tag;
    }
}
