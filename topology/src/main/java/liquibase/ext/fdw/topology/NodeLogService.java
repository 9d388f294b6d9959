package liquibase.ext.fdw.topology;

import java.util.logging.Level;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;

/**
 * Liquibase's own log and console output for one node, sent to the topology log prefixed with the node name:
 * warnings stay visible, the rest is debug output, so the build log shows the runner's one line per changeset.
 */
final class NodeLogService extends AbstractLogService {
    private final String node;
    private final TopologyLog log;

    NodeLogService(String node, TopologyLog log) {
        this.node = node;
        this.log = log;
    }

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    @SuppressWarnings({"rawtypes", "try"}) // Liquibase's signature; its logger is AutoCloseable for other reasons.
    public Logger getLog(Class clazz) {
        return new AbstractLogger() {
            @Override
            public void log(Level level, String message, Throwable e) {
                if (message == null || level == Level.OFF) {
                    return;
                }
                String line = "[" + node + "] " + message.strip() + (e == null ? "" : " (" + e + ")");
                if (level.intValue() >= Level.WARNING.intValue()) {
                    log.warn(line);
                } else {
                    log.debug(line);
                }
            }
        };
    }
}
