package liquibase.ext.fdw.topology;

import java.util.List;

/**
 * Another run holds the Liquibase lock of one or more nodes; nothing was changed on any node. Lists every locked
 * node with its holder and since when.
 */
public class LockHeldException extends TopologyException {
    private static final long serialVersionUID = 1L;
    private final transient List<HeldLock> locks;

    /** One node's lock as recorded in its DATABASECHANGELOGLOCK row. */
    public record HeldLock(String node, String holder, String since) {
        String describe() {
            return "node '" + node + "': the Liquibase lock is held by " + holder + " since " + since;
        }
    }

    public LockHeldException(String node, String holder, String since) {
        this(List.of(new HeldLock(node, holder, since)));
    }

    public LockHeldException(List<HeldLock> locks) {
        super(String.join("; ", locks.stream().map(HeldLock::describe).toList())
                + "; wait for that run to finish, or if it died, release the lock" + (locks.size() > 1 ? "s" : "")
                + ". Nothing was changed on any node.");
        this.locks = List.copyOf(locks);
    }

    public List<HeldLock> locks() {
        return locks;
    }

    /** The first locked node. */
    public String node() {
        return locks.get(0).node();
    }

    public String holder() {
        return locks.get(0).holder();
    }

    public String since() {
        return locks.get(0).since();
    }

    /** The locked nodes' names, comma-separated. */
    public String nodeNames() {
        return String.join(",", locks.stream().map(HeldLock::node).toList());
    }

    /** The locked nodes, each with holder and since, without advice: for a front end's own wording. */
    public String describeLocks() {
        return String.join("; ", locks.stream().map(HeldLock::describe).toList());
    }
}
