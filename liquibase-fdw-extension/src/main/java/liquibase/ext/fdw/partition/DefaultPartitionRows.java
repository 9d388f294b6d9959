package liquibase.ext.fdw.partition;

import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;
import liquibase.ext.fdw.sql.Identifiers;
import liquibase.ext.fdw.sql.SqlLiterals;

/**
 * What {@code moveRowsFromDefault="true"} runs: one DO block that, when the parent has a DEFAULT partition, detaches
 * it, runs the statement that creates or attaches the new partition, moves the rows that now belong to the new
 * partition (PostgreSQL's own partition constraint decides which) out of the default partition into the new one,
 * and attaches the default partition again. All in the changeset's transaction, so a failure leaves nothing half
 * done; with a foreign partition the rows travel to the remote table through postgres_fdw.
 */
public final class DefaultPartitionRows {
    private DefaultPartitionRows() {
    }

    /**
     * The DO block around {@code statement}; {@code parent} and {@code partition} are the quoted, schema-qualified
     * names as the statement writes them.
     */
    public static String wrap(String parent, String partition, String statement) {
        String body = String.join("\n",
                "DECLARE",
                "  parent regclass := " + SqlLiterals.quote(parent) + "::regclass;",
                "  def regclass;",
                "  cols text;",
                "BEGIN",
                "  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid",
                "    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';",
                "  IF def IS NOT NULL THEN",
                "    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);",
                "  END IF;",
                "  " + statement + ";",
                "  IF def IS NOT NULL THEN",
                "    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols FROM pg_attribute",
                "      WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';",
                "    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s) INSERT INTO %s (%s) SELECT %s FROM moved',",
                "      def, pg_get_partition_constraintdef(" + SqlLiterals.quote(partition) + "::regclass), cols, "
                        + SqlLiterals.quote(partition) + ", cols, cols);",
                "    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);",
                "  END IF;",
                "END");
        return "DO " + tag(body) + "\n" + body + "\n" + tag(body);
    }

    /**
     * The rollback of a partition created with moveRowsFromDefault: detach it, move its rows back into the parent's
     * DEFAULT partition (from the remote table too, for a foreign partition), then drop it, so that undoing the change
     * loses no rows. Names are already quoted.
     */
    public static String restoreAndDrop(String parent, String partition, boolean foreign) {
        String body = String.join("\n",
                "DECLARE",
                "  parent regclass := " + SqlLiterals.quote(parent) + "::regclass;",
                "  part regclass := " + SqlLiterals.quote(partition) + "::regclass;",
                "  def regclass;",
                "  cols text;",
                "BEGIN",
                "  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid",
                "    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';",
                "  EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, part);",
                "  IF def IS NOT NULL THEN",
                "    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols FROM pg_attribute",
                "      WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';",
                "    EXECUTE format('WITH moved AS (DELETE FROM %s RETURNING %s) INSERT INTO %s (%s) SELECT %s FROM moved',",
                "      part, cols, def, cols, cols);",
                "  END IF;",
                "  EXECUTE format('DROP " + (foreign ? "FOREIGN " : "") + "TABLE %s', part);",
                "END");
        return "DO " + tag(body) + "\n" + body + "\n" + tag(body);
    }

    /** {@link #restoreAndDrop} as a change, for inverses (built before the database is known). */
    public static Change rollback(String parentSchema, String parent, String partitionSchema, String partition,
            boolean foreign) {
        RawSQLChange change = new RawSQLChange(restoreAndDrop(Identifiers.quoted(parentSchema, parent),
                Identifiers.quoted(partitionSchema, partition), foreign));
        change.setSplitStatements(false);
        change.setStripComments(false);
        return change;
    }

    private static String tag(String body) {
        String tag = "$fdw$";
        for (int n = 1; body.contains(tag); n++) {
            tag = "$fdw" + n + "$";
        }
        return tag;
    }

    /**
     * The message for PostgreSQL's "updated partition constraint for default partition ... would be violated" when
     * moveRowsFromDefault is off, or null for any other error.
     */
    public static String explain(String location, String parent, String partition, PartitionBounds bounds,
            String sqlState, String message) {
        if (!"23514".equals(sqlState) || message == null || !message.contains("for default partition")) {
            return null;
        }
        return location + ": rows of " + partition + "'s range (" + bounds.sql() + ") sit in the DEFAULT partition of "
                + parent + ", so PostgreSQL refuses the new partition; add moveRowsFromDefault=\"true\" to move them into "
                + partition + " in the same transaction, or move them yourself first. (" + message + ")";
    }
}
