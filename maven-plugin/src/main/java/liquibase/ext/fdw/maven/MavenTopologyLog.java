package liquibase.ext.fdw.maven;

import liquibase.ext.fdw.topology.TopologyLog;
import org.apache.maven.plugin.logging.Log;

/** The topology runner's output on Maven's build log. */
final class MavenTopologyLog implements TopologyLog {
    private final Log log;

    MavenTopologyLog(Log log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }
}
