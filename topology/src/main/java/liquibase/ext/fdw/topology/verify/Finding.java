package liquibase.ext.fdw.topology.verify;

/**
 * One difference between what the topology declares and what a node holds: the node where it lies, the object, a
 * short kebab-case kind, what differs and how to fix it.
 *
 * @param node the node holding the object that differs (the node to fix, or the coordinator for its own objects)
 * @param object the object, schema-qualified where it has a schema ({@code box2_schema.temperatures_2017}), a server
 *     name, a user mapping ({@code role@server}) or a changeset ({@code path::id::author})
 * @param kind what kind of drift, e.g. {@code column-type}, {@code bounds-check-missing}
 * @param message what differs
 * @param fix what to do about it
 */
public record Finding(String node, String object, String kind, String message, String fix) {

    /** The finding as one line: {@code [node] object: kind: message; fix: fix}. */
    public String line() {
        return "[" + node + "] " + object + ": " + kind + ": " + message + "; fix: " + fix;
    }
}
