package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.Goal;
import org.apache.maven.plugins.annotations.Mojo;

/** Writes the SQL a rollback would run to {@code target/fdw/<node>-rollback.sql}, changing nothing. */
@Mojo(name = "rollbackSQL", requiresProject = true, threadSafe = true)
public class RollbackSqlMojo extends AbstractRollbackMojo {
    @Override
    protected Goal goal() {
        return Goal.ROLLBACK_SQL;
    }
}
