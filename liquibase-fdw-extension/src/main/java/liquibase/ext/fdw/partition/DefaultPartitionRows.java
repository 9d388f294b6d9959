package liquibase.ext.fdw.partition;

import java.util.List;
import liquibase.database.Database;
import liquibase.ext.fdw.sql.SqlLiterals;

/**
 * What {@code moveRowsFromDefault="true"} runs, and its inverse.
 *
 * <p>The move is one DO block that, when the parent has a DEFAULT partition, detaches it, runs the statement that
 * creates or attaches the new partition, moves the rows that now belong to the new partition (PostgreSQL's own
 * partition constraint decides which) out of the default partition into the new one, records them in the ledger
 * {@value #LEDGER} next to DATABASECHANGELOG, and attaches the default partition again. All in the changeset's
 * transaction, so a failure leaves nothing half done; with a foreign partition the rows travel to the remote table
 * through postgres_fdw.
 *
 * <p>The ledger holds, per changeset (id and author, see {@link MoveKey}) and partition, one header row (no row data; the number of
 * rows moved) and each distinct moved row as {@code to_json} of its columns in the parent's order, with its number of
 * copies. The inverse reads it and
 * moves back exactly those rows, with their multiplicity, so rows that were in the partition before (on the shard,
 * for a foreign partition) stay where they are; when the record is missing or the rows changed since, it refuses.
 * Row values are turned into JSON under fixed settings (UTC, ISO dates, shortest exact floats, hex bytea), so the
 * session's own settings cannot make an unchanged row look changed; rows are compared as JSON text ({@code json}, not
 * {@code jsonb}, which would turn -0 into 0). Whole rows are written {@code alias.*}: a bare alias would mean a column
 * of that name if the table has one.
 */
public final class DefaultPartitionRows {
    /** The ledger of moved rows, in Liquibase's schema; created by the first move, dropped when the last record goes. */
    public static final String LEDGER = "fdw_moved_rows";

    private static final String SAVE = "  saved text[] := ARRAY[current_setting('TimeZone'), current_setting('DateStyle'),"
            + " current_setting('IntervalStyle'), current_setting('extra_float_digits'), current_setting('bytea_output')];";
    static final String FIX = "    PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true),"
            + " set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true),"
            + " set_config('bytea_output', 'hex', true);";
    private static final String RESTORE = "    PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true),"
            + " set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true),"
            + " set_config('bytea_output', saved[5], true);";
    static final String FIND_DEFAULT = String.join("\n",
            "  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid",
            "    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';");
    static final String COLUMNS = String.join("\n",
            "  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum),",
            "    string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum)",
            "    INTO cols, rcols, tcols FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';");
    static final String KEY = "id = $1 AND author = $2 AND partition = $3";

    /** How the inverse ends once the rows are back in the DEFAULT partition. */
    public enum Ending {
        /** The partition was attached by the change: detach it, keep the table. */
        DETACH,
        /** The partition was created by the change as a local table: drop it (refused while it holds other rows). */
        DROP_TABLE,
        /** The partition was created by the change as a foreign table: drop it; the remote table keeps its other rows. */
        DROP_FOREIGN_TABLE
    }

    private DefaultPartitionRows() {
    }

    /** The ledger's name, quoted and qualified with Liquibase's schema (where DATABASECHANGELOG lives). */
    public static String ledger(Database database) {
        return database.escapeTableName(database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(), LEDGER);
    }

    /**
     * The DO block around {@code statement}; {@code parent} and {@code partition} are the quoted, schema-qualified
     * names as the statement writes them, {@code ledger} is {@link #ledger(Database)}.
     */
    public static String wrap(String parent, String partition, String statement, String ledger, MoveKey key) {
        String body = String.join("\n",
                "DECLARE",
                "  parent regclass := " + SqlLiterals.quote(parent) + "::regclass;",
                "  def regclass;",
                "  cols text;",
                "  rcols text;",
                "  tcols text;",
                SAVE,
                "BEGIN",
                FIND_DEFAULT,
                "  IF def IS NOT NULL THEN",
                "    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);",
                "  END IF;",
                "  " + statement + ";",
                "  IF to_regclass(" + SqlLiterals.quote(ledger) + ") IS NULL THEN",
                "    CREATE TABLE " + ledger + " (id text NOT NULL, author text NOT NULL,"
                        + " partition text NOT NULL, row_data json, copies bigint NOT NULL, moved_at timestamptz NOT NULL DEFAULT now());",
                "  END IF;",
                "  IF def IS NULL THEN",
                "    INSERT INTO " + ledger + " (id, author, partition, row_data, copies) VALUES ("
                        + keyValues(key, partition) + ", NULL, 0);",
                "  ELSE",
                COLUMNS.replace("\n", "\n  ").replaceFirst("^", "  "),
                FIX,
                "    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s), put AS (INSERT INTO %s (%s) SELECT %s FROM moved)'",
                "      || ' INSERT INTO %s (id, author, partition, row_data, copies)'",
                "      || ' SELECT $1, $2, $3, j::json, n FROM (SELECT to_json(m.*)::text AS j, count(*) AS n FROM moved m GROUP BY 1) g'",
                "      || ' UNION ALL SELECT $1, $2, $3, NULL, count(*) FROM moved',",
                "      def, pg_get_partition_constraintdef(" + SqlLiterals.quote(partition) + "::regclass), cols, "
                        + SqlLiterals.quote(partition) + ", cols, cols, " + SqlLiterals.quote(ledger) + ")",
                "      USING " + keyValues(key, partition) + ";",
                RESTORE,
                "    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);",
                "  END IF;",
                "END");
        return doBlock(body);
    }

    /**
     * The inverse of a move into {@code partition}: checks the record, detaches the partition, deletes exactly the
     * recorded rows from it (as many copies as were moved), inserts them into the DEFAULT partition, forgets the
     * record and ends as {@code ending} says. {@code location} names the change in refusals.
     */
    public static String restore(String parent, String partition, Ending ending, String ledger, MoveKey key,
            String location) {
        String where = location + ": cannot roll back the rows moved into " + partition + " from the DEFAULT partition of "
                + parent + ": ";
        String noRecord = where + "there is no record of which rows the change moved (" + ledger + " holds none for"
                + " changeset id '" + key.id() + "' by '" + key.author() + "'; the change ran before"
                + " liquibase-fdw recorded moved rows, or the record was deleted). Move the rows back yourself and give"
                + " the changeset an explicit <rollback>.";
        String noDefault = where + "%s rows would go back, but the parent has no DEFAULT partition any more; attach one,"
                + " then roll back again.";
        String changed = where + "%s of the %s rows it moved are no longer there unchanged (updated or deleted since)."
                + " Put them back as they were moved (" + ledger + " holds them as JSON), or give the changeset an"
                + " explicit <rollback>.";
        String otherRows = where + "the partition holds %s rows the change did not move (inserted since), which dropping"
                + " it would delete; move them elsewhere or delete them, then roll back again.";
        String vanished = where + "%s rows matched the record while deleting, expected %s (changed concurrently); try again.";
        String body = String.join("\n",
                "DECLARE",
                "  parent regclass := " + SqlLiterals.quote(parent) + "::regclass;",
                "  part regclass := " + SqlLiterals.quote(partition) + "::regclass;",
                "  def regclass;",
                "  cols text;",
                "  rcols text;",
                "  tcols text;",
                "  recorded bigint;",
                "  found bigint;",
                SAVE,
                "BEGIN",
                "  IF to_regclass(" + SqlLiterals.quote(ledger) + ") IS NOT NULL THEN",
                "    EXECUTE format('SELECT sum(copies) FROM %s WHERE " + KEY + " AND row_data IS NULL', "
                        + SqlLiterals.quote(ledger) + ")",
                "      INTO recorded USING " + keyValues(key, partition) + ";",
                "  END IF;",
                "  IF recorded IS NULL THEN",
                "    RAISE EXCEPTION USING MESSAGE = " + SqlLiterals.quote(noRecord) + ";",
                "  END IF;",
                FIND_DEFAULT,
                COLUMNS,
                FIX.substring(2),
                "  IF recorded > 0 THEN",
                "    IF def IS NULL THEN",
                "      RAISE EXCEPTION USING MESSAGE = format(" + message(noDefault) + ", recorded);",
                "    END IF;",
                "    EXECUTE format('SELECT coalesce(sum(greatest(r.n - coalesce(p.n, 0), 0)), 0) FROM'",
                "      || ' (SELECT row_data::text AS j, sum(copies) AS n FROM %s WHERE " + KEY + " AND row_data IS NOT NULL GROUP BY 1) r'",
                "      || ' LEFT JOIN (SELECT to_json(x.*)::text AS j, count(*) AS n FROM %s t CROSS JOIN LATERAL (SELECT %s) x GROUP BY 1) p'"
                + "\n      || ' ON p.j = r.j', " + SqlLiterals.quote(ledger) + ", part, tcols)",
                "      INTO found USING " + keyValues(key, partition) + ";",
                "    IF found > 0 THEN",
                "      RAISE EXCEPTION USING MESSAGE = format(" + message(changed) + ", found, recorded);",
                "    END IF;",
                "  END IF;",
                ending == Ending.DROP_TABLE ? String.join("\n",
                        "  EXECUTE format('SELECT count(*) FROM %s', part) INTO found;",
                        "  IF found > recorded THEN",
                        "    RAISE EXCEPTION USING MESSAGE = format(" + message(otherRows) + ", found - recorded);",
                        "  END IF;") : "  -- rows the change did not move stay in the partition",
                "  EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, part);",
                "  IF recorded > 0 THEN",
                "    EXECUTE format('DELETE FROM %s WHERE (tableoid, ctid) IN (SELECT p.tableoid, p.ctid FROM'",
                "      || ' (SELECT t.tableoid, t.ctid, to_json(x.*)::text AS j, row_number() OVER (PARTITION BY to_json(x.*)::text) AS k'",
                "      || ' FROM %s t CROSS JOIN LATERAL (SELECT %s) x) p'",
                "      || ' JOIN (SELECT row_data::text AS j, sum(copies) AS n FROM %s WHERE " + KEY + " AND row_data IS NOT NULL GROUP BY 1) r'",
                "      || ' ON r.j = p.j WHERE p.k <= r.n)', part, part, tcols, " + SqlLiterals.quote(ledger) + ")",
                "      USING " + keyValues(key, partition) + ";",
                "    GET DIAGNOSTICS found = ROW_COUNT;",
                "    IF found <> recorded THEN",
                "      RAISE EXCEPTION USING MESSAGE = format(" + message(vanished) + ", found, recorded);",
                "    END IF;",
                "    EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM %s l CROSS JOIN LATERAL json_populate_record(NULL::%s, l.row_data) r'",
                "      || ' CROSS JOIN LATERAL generate_series(1, l.copies) WHERE l." + KEY.replace(" AND ", " AND l.") + " AND l.row_data IS NOT NULL',",
                "      def, cols, rcols, " + SqlLiterals.quote(ledger) + ", parent)",
                "      USING " + keyValues(key, partition) + ";",
                "  END IF;",
                RESTORE.substring(2),
                "  EXECUTE format('DELETE FROM %s WHERE " + KEY + "', " + SqlLiterals.quote(ledger) + ")",
                "    USING " + keyValues(key, partition) + ";",
                "  IF NOT EXISTS (SELECT FROM " + ledger + ") THEN",
                "    DROP TABLE " + ledger + ";",
                "  END IF;",
                switch (ending) {
                    case DETACH -> "  -- the attached table stays, with the rows it held before";
                    case DROP_TABLE -> "  EXECUTE format('DROP TABLE %s', part);";
                    case DROP_FOREIGN_TABLE -> "  EXECUTE format('DROP FOREIGN TABLE %s', part);";
                },
                "END");
        return doBlock(body);
    }

    static String keyValues(MoveKey key, String partition) {
        return String.join(", ", List.of(SqlLiterals.quote(key.id()), SqlLiterals.quote(key.author()),
                SqlLiterals.quote(partition)));
    }

    /** A message as a literal for format(): the text's own % doubled, the counts as %s. */
    static String message(String text) {
        return SqlLiterals.quote(text.replace("%", "%%").replace("%%s", "%s"));
    }

    static String doBlock(String body) {
        String tag = "$fdw$";
        for (int n = 1; body.contains(tag); n++) {
            tag = "$fdw" + n + "$";
        }
        return "DO " + tag + "\n" + body + "\n" + tag;
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
