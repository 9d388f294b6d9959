package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;

/** Writes the SQL an update would run to {@code target/fdw/<node>.sql}, changing nothing. */
@Mojo(name = "updateSQL", requiresProject = true, threadSafe = true)
public class UpdateSqlMojo extends AbstractRunnerMojo {
    @Override
    protected Goal goal() {
        return Goal.UPDATE_SQL;
    }
}
