package liquibase.ext.fdw.change.createpartition;

import java.util.List;
import java.util.Locale;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.change.ChangeMessages;
import liquibase.ext.fdw.partition.PartitionKey;

/**
 * The rules of {@code createPartition partitionStrategy + partitionKey}: a partition that is itself partitioned
 * (PostgreSQL's sub-partitioning), so that createPartition / createRangePartitions can add partitions under it.
 */
final class SubPartitioning {
    private static final List<String> STRATEGIES = List.of("RANGE", "LIST", "HASH");

    private SubPartitioning() {
    }

    /** The strategy in upper case, or null. */
    static String strategy(String strategy) {
        return strategy == null ? null : strategy.toUpperCase(Locale.ROOT);
    }

    static void validate(CreatePartitionChange change, ValidationErrors errors) {
        String strategy = change.getPartitionStrategy();
        String key = change.getPartitionKey();
        if (strategy == null && key == null) {
            return;
        }
        if (strategy == null || key == null) {
            errors.addError(ChangeMessages.format(change, "sub-partitioning needs both partitionStrategy and partitionKey;"
                    + " set " + (strategy == null ? "partitionStrategy (RANGE, LIST or HASH)" : "partitionKey (the new"
                    + " partition's own key columns or expressions)") + ", or remove " + (strategy == null ? "partitionKey" : "partitionStrategy") + "."));
            return;
        }
        if (!STRATEGIES.contains(strategy.toUpperCase(Locale.ROOT))) {
            errors.addError(ChangeMessages.format(change, "attribute 'partitionStrategy' is '" + strategy
                    + "'; set it to RANGE, LIST or HASH."));
        }
        if (PartitionKey.items(key).stream().anyMatch(String::isEmpty)) {
            errors.addError(ChangeMessages.format(change, "partitionKey '" + key + "' has an empty item; remove the extra comma."));
        }
        if (change.getServerName() != null) {
            errors.addError(ChangeMessages.format(change, "a foreign partition (serverName '" + change.getServerName()
                    + "') cannot be partitioned itself; remove partitionStrategy/partitionKey, or serverName to create a"
                    + " local partitioned partition."));
        }
        if (Boolean.TRUE.equals(change.getMoveRowsFromDefault())) {
            errors.addError(ChangeMessages.format(change, "moveRowsFromDefault=\"true\" cannot move rows into a partition"
                    + " that is itself partitioned, as it has no partitions yet to hold them; create the partition and its"
                    + " sub-partitions without it, then move the rows, or remove partitionStrategy/partitionKey."));
        }
    }
}
