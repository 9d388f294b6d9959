package liquibase.ext.fdw.topology;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.StandardLockService;

/**
 * The lock service Liquibase gets for a node whose lock the topology runner holds for the whole run: acquiring
 * succeeds at once and releasing is left to the runner.
 *
 * <p>Liquibase drops its JVM-wide lock service factory, with every cached lock service, at the end of each
 * command, and a fresh standard service neither knows it holds a lock nor releases it properly. With several nodes
 * running in parallel, one node's command would thus wipe another node's lock state; owning the locks in the runner
 * avoids that. The service is listed in {@code META-INF/services} so that every new factory knows it.
 */
public class TopologyLockService implements LockService {
    private static final Set<Database> OWNED = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private Database database;

    /** Marks {@code database}'s lock as held by the runner. */
    static void own(Database database) {
        OWNED.add(database);
    }

    /** Hands {@code database}'s lock back to Liquibase's standard handling. */
    static void disown(Database database) {
        OWNED.remove(database);
    }

    @Override
    public int getPriority() {
        // Above the standard service, which Liquibase would otherwise pick.
        return PRIORITY_DATABASE + 100;
    }

    @Override
    public boolean supports(Database candidate) {
        return OWNED.contains(candidate);
    }

    @Override
    public void setDatabase(Database value) {
        this.database = value;
    }

    @Override
    public void setChangeLogLockWaitTime(long changeLogLockWaitTime) {
        // The runner took the lock before the run; there is nothing to wait for.
    }

    @Override
    public void setChangeLogLockRecheckTime(long changeLogLocRecheckTime) {
        // See setChangeLogLockWaitTime.
    }

    @Override
    public boolean hasChangeLogLock() {
        return true;
    }

    @Override
    public void waitForLock() {
        // Held by the runner.
    }

    @Override
    public boolean acquireLock() {
        return true;
    }

    @Override
    public void releaseLock() {
        // Released by the runner when the run ends.
    }

    @Override
    public DatabaseChangeLogLock[] listLocks() throws LockException {
        return standard().listLocks();
    }

    @Override
    public void forceReleaseLock() throws LockException, DatabaseException {
        standard().forceReleaseLock();
    }

    @Override
    public void reset() {
        // Stateless.
    }

    @Override
    public void init() throws DatabaseException {
        standard().init();
    }

    @Override
    public void destroy() throws DatabaseException {
        standard().destroy();
    }

    private StandardLockService standard() {
        StandardLockService standard = new StandardLockService();
        standard.setDatabase(database);
        return standard;
    }
}
