package liquibase.ext.fdw.topology;

import java.lang.ref.WeakReference;
import liquibase.lockservice.LockServiceFactory;

/**
 * Registers {@link TopologyLockService} with Liquibase's current lock service factory when the service loader did
 * not (a host with its own service locator); Liquibase drops the factory after every command, so this is checked
 * before every command.
 */
final class TopologyLockServices {
    private static WeakReference<LockServiceFactory> registeredWith = new WeakReference<>(null);

    private TopologyLockServices() {
    }

    static synchronized void register() {
        LockServiceFactory factory = LockServiceFactory.getInstance();
        if (registeredWith.get() != factory) {
            factory.register(new TopologyLockService());
            registeredWith = new WeakReference<>(factory);
        }
    }
}
