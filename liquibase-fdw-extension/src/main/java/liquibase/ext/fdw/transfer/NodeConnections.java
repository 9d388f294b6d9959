package liquibase.ext.fdw.transfer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;
import liquibase.Scope;

/**
 * Opens a JDBC connection to the node a foreign server of the coordinator points to, with the runner's own
 * credentials for that node; found in Liquibase's scope under {@link #SCOPE_KEY}. The caller owns (and closes) the
 * connection; credentials never pass through the change.
 *
 * <p>The scope value is an implementation of this interface or, for a runner that cannot see this class (the topology
 * engine does not depend on the extension), a {@code java.util.function.Function<Map<String, String>, Connection>}
 * given the same map as {@link #open}; it throws an unchecked exception (cause: the driver's) when the node is known
 * but cannot be reached.
 */
@FunctionalInterface
public interface NodeConnections {
    /** The Liquibase scope key the runner puts its node connections under. */
    String SCOPE_KEY = "liquibase.ext.fdw.nodeConnections";
    /** Key of the server's name in the map given to {@link #open}; the other keys are the server's options. */
    String SERVER = "server";

    /**
     * A new connection (auto-commit on) to the node that {@code server}'s options ({@code host}, {@code port},
     * {@code dbname}) point to, or null when the runner knows no such node.
     */
    Connection open(Map<String, String> server) throws SQLException;

    /** The node connections of the current scope, or null when the runner offers none (plain Liquibase). */
    @SuppressWarnings("unchecked")
    static NodeConnections current() {
        Object value = Scope.getCurrentScope().get(SCOPE_KEY, Object.class);
        if (value instanceof NodeConnections nodes) {
            return nodes;
        }
        if (value instanceof Function<?, ?> function) {
            Function<Map<String, String>, Connection> open = (Function<Map<String, String>, Connection>) function;
            return server -> {
                try {
                    return open.apply(server);
                } catch (RuntimeException e) {
                    if (e.getCause() instanceof SQLException cause) {
                        throw cause;
                    }
                    throw e;
                }
            };
        }
        return null;
    }
}
