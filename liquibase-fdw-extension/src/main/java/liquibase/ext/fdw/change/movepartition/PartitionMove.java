package liquibase.ext.fdw.change.movepartition;

import liquibase.ext.fdw.partition.MoveKey;
import liquibase.ext.fdw.sql.SqlLiterals;

/**
 * The DO block that moves a partition, shared by the move and its inverse (which reads the target from the ledger).
 *
 * <p>In the changeset's transaction: writes to the partition are blocked (local: {@code LOCK TABLE ... IN SHARE
 * MODE}; foreign: a {@code CREATE TRIGGER} on it, which takes the same SHARE ROW EXCLUSIVE lock, since PostgreSQL
 * cannot LOCK a foreign table), reads go on. The rows are copied into a new table beside the partition (local, or a
 * foreign table on the target server, whose remote table must be empty), counted and checksummed on both sides
 * under fixed settings, and on a match the old partition is emptied (foreign) and swapped for the new one with the
 * same bound. A mismatch raises, which rolls back the coordinator's transaction and postgres_fdw's remote ones: the
 * old layout stays. The origin is recorded in {@value #LEDGER} so the inverse can move the partition back.
 */
final class PartitionMove {
    /** Where each moved partition came from, in Liquibase's schema; dropped when the last record goes. */
    static final String LEDGER = "fdw_moved_partitions";

    private static final String KEY = "id = $1 AND author = $2 AND partition = $3";
    private static final String FIX = "  PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true),"
            + " set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true),"
            + " set_config('bytea_output', 'hex', true);";
    private static final String RESTORE = "  PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true),"
            + " set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true),"
            + " set_config('bytea_output', saved[5], true);";

    /** Which part of the move a block runs: all of it, or the two halves around a copy made outside the block. */
    enum Mode {
        /** Copy through postgres_fdw, verify and swap: the whole move in one block. */
        FULL,
        /** Checks, locks the partition and creates the (empty) target; the rows are copied by the caller. */
        PREPARE,
        /** After the caller's copy: compares the counts and checksums it measured, then swaps and records. */
        FINISH
    }

    /** Counts and checksums measured on both sides by a copy made outside the block (for {@link Mode#FINISH}). */
    record Verified(long sourceRows, String sourceSum, long targetRows, String targetSum) {
    }

    /** The count and checksum of {@code relation}'s rows over the listed columns, as the block computes them. */
    static final String CHECKSUM = "SELECT count(*), coalesce(sum(hashtextextended(x::text, 0)), 0)"
            + " FROM %s t CROSS JOIN LATERAL (SELECT %s) x";

    /** The settings the checksum is computed under, so both sides render values the same way. */
    static final String[][] CHECKSUM_SETTINGS = {{"TimeZone", "UTC"}, {"DateStyle", "ISO, MDY"},
        {"IntervalStyle", "postgres"}, {"extra_float_digits", "1"}, {"bytea_output", "hex"}};

    private PartitionMove() {
    }

    /** The forward move to the target the changelog names ({@code toServer} null for a local table). */
    static String forward(String parent, String partition, String ledger, MoveKey key, String location, boolean toLocal,
            String toServer, String toSchema, String toTable, boolean createRemote) {
        return forward(parent, partition, ledger, key, location, toLocal, toServer, toSchema, toTable, createRemote,
                Mode.FULL, null);
    }

    /** The forward move's block in {@code mode} ({@code verified} only for {@link Mode#FINISH}). */
    static String forward(String parent, String partition, String ledger, MoveKey key, String location, boolean toLocal,
            String toServer, String toSchema, String toTable, boolean createRemote, Mode mode, Verified verified) {
        String target = String.join("\n",
                "  to_local := " + toLocal + ";",
                "  to_server := " + literal(toServer) + ";",
                "  to_schema := " + literal(toSchema) + ";",
                "  to_table := " + literal(toTable) + ";",
                "  to_options := NULL;",
                "  create_remote := " + createRemote + ";");
        return block(parent, partition, ledger, key, location, target, true, mode, verified);
    }

    /** The inverse: moves the partition back to where the ledger says it came from, and forgets the record. */
    static String back(String parent, String partition, String ledger, MoveKey key, String location) {
        return back(parent, partition, ledger, key, location, Mode.FULL, null);
    }

    /** The inverse's block in {@code mode} ({@code verified} only for {@link Mode#FINISH}). */
    static String back(String parent, String partition, String ledger, MoveKey key, String location, Mode mode,
            Verified verified) {
        String noRecord = location + ": cannot move " + partition + " back: " + ledger + " holds no record of where it"
                + " came from for changeset id '" + key.id() + "' by '" + key.author() + "' (deleted, or the change did"
                + " not run); move it yourself with movePartition and give the changeset an explicit <rollback>.";
        String target = String.join("\n",
                "  IF to_regclass(" + SqlLiterals.quote(ledger) + ") IS NOT NULL THEN",
                "    -- created_table came later: a record written before it reads as false",
                "    EXECUTE format('SELECT from_local, from_server, from_schema, from_table, from_options,"
                        + " coalesce((to_jsonb(l) ->> ''created_table'')::boolean, false) FROM %s l WHERE " + KEY + "', "
                        + SqlLiterals.quote(ledger) + ")",
                "      INTO to_local, to_server, to_schema, to_table, to_options, drop_remote USING " + keyValues(key, partition) + ";",
                "  END IF;",
                "  IF to_local IS NULL THEN",
                "    RAISE EXCEPTION USING MESSAGE = " + SqlLiterals.quote(noRecord) + ";",
                "  END IF;",
                "  create_remote := false;");
        return block(parent, partition, ledger, key, location, target, false, mode, verified);
    }

    private static String block(String parent, String partition, String ledger, MoveKey key, String location,
            String target, boolean record, Mode mode, Verified verified) {
        boolean prepare = mode != Mode.FINISH;
        boolean finish = mode != Mode.PREPARE;
        String where = location + ": cannot move " + partition + ": ";
        String body = String.join("\n",
                "DECLARE",
                "  parent regclass := " + SqlLiterals.quote(parent) + "::regclass;",
                "  part regclass := " + SqlLiterals.quote(partition) + "::regclass;",
                "  to_local boolean;",
                "  to_server text;",
                "  to_schema text;",
                "  to_table text;",
                "  to_options text;",
                "  create_remote boolean;",
                "  created boolean := false;",
                "  drop_remote boolean := false;",
                "  old_node text;",
                "  drop_conn text;",
                "  bound text;",
                "  kind \"char\";",
                "  nsp text;",
                "  rel text;",
                "  tmp text;",
                "  cols text;",
                "  tcols text;",
                "  defs text;",
                "  from_server text;",
                "  from_schema text;",
                "  from_table text;",
                "  from_options text;",
                "  n_src bigint;",
                "  n_dst bigint;",
                "  s_src numeric;",
                "  s_dst numeric;",
                "  saved text[] := ARRAY[current_setting('TimeZone'), current_setting('DateStyle'),"
                        + " current_setting('IntervalStyle'), current_setting('extra_float_digits'), current_setting('bytea_output')];",
                "BEGIN",
                target,
                when(mode == Mode.FINISH, "  created := coalesce(nullif(current_setting('fdw.move_created', true), ''), 'false')::boolean;"),
                "  SELECT pg_get_expr(c.relpartbound, c.oid), c.relkind, n.nspname, c.relname INTO bound, kind, nsp, rel",
                "    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_inherits i ON i.inhrelid = c.oid",
                "    WHERE c.oid = part AND i.inhparent = parent;",
                "  IF bound IS NULL THEN",
                "    RAISE EXCEPTION USING MESSAGE = format(" + message(where + "it is not a partition of %s.") + ", parent);",
                "  END IF;",
                "  IF kind NOT IN ('r', 'f') THEN",
                "    RAISE EXCEPTION USING MESSAGE = " + SqlLiterals.quote(where + "only a plain table or a foreign table"
                        + " moves; a partition that is itself partitioned does not.") + ";",
                "  END IF;",
                "  IF kind = 'f' THEN",
                "    SELECT s.srvname, coalesce((SELECT option_value FROM pg_options_to_table(ft.ftoptions) WHERE option_name = 'schema_name'), nsp),",
                "        coalesce((SELECT option_value FROM pg_options_to_table(ft.ftoptions) WHERE option_name = 'table_name'), rel),",
                "        (SELECT string_agg(format('%I %L', option_name, option_value), ', ') FROM pg_options_to_table(ft.ftoptions)"
                        + " WHERE option_name NOT IN ('schema_name', 'table_name'))",
                "      INTO from_server, from_schema, from_table, from_options",
                "      FROM pg_foreign_table ft JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE ft.ftrelid = part;",
                "    IF NOT to_local AND from_server = to_server AND from_schema = to_schema AND from_table = to_table THEN",
                "      RAISE EXCEPTION USING MESSAGE = format(" + message(where + "it already reads %s.%s on server %s.")
                        + ", to_schema, to_table, to_server);",
                "    END IF;",
                "    -- PostgreSQL cannot LOCK a foreign table; CREATE TRIGGER takes the same lock (writers wait, readers"
                        + " do not) and goes with the table.",
                when(prepare, "    EXECUTE format('CREATE TRIGGER fdw_move_lock BEFORE UPDATE ON %s FOR EACH ROW"
                        + " EXECUTE FUNCTION suppress_redundant_updates_trigger()', part);"),
                "  ELSE",
                "    IF to_local THEN",
                "      RAISE EXCEPTION USING MESSAGE = " + SqlLiterals.quote(where + "it is a local table already.") + ";",
                "    END IF;",
                when(prepare, "    EXECUTE format('LOCK TABLE %s IN SHARE MODE', part);"),
                "  END IF;",
                "  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum),",
                "      string_agg(quote_ident(attname) || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN"
                        + " coalesce(' CONSTRAINT ' || quote_ident(",
                "        -- PostgreSQL 18 names NOT NULL constraints: the new table keeps the partition's names",
                "        (SELECT co.conname FROM pg_constraint co JOIN pg_attribute pa ON pa.attrelid = co.conrelid AND pa.attnum = co.conkey[1]",
                "          WHERE co.conrelid = part AND co.contype = 'n' AND pa.attname = a.attname)), '') || ' NOT NULL' ELSE '' END,"
                        + " ', ' ORDER BY attnum)",
                "    INTO cols, tcols, defs FROM pg_attribute a WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';",
                "  tmp := left(rel, 50) || '_fdw_move';",
                when(prepare, "  IF to_local THEN",
                "    EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS"
                        + " INCLUDING GENERATED)', nsp, tmp, parent);",
                "  ELSE",
                "    IF create_remote THEN",
                "      -- postgres_fdw runs no DDL: dblink does, through the same server and user mapping; this commits on its own.",
                "      SELECT r.missing INTO created FROM dblink(to_server, format('SELECT to_regclass(%L) IS NULL',"
                        + " format('%I.%I', to_schema, to_table))) AS r(missing boolean);",
                "      IF created THEN",
                "        PERFORM dblink_exec(to_server, format('CREATE TABLE %I.%I (%s)', to_schema, to_table, defs));",
                "      END IF;",
                "    END IF;",
                "    EXECUTE format('CREATE FOREIGN TABLE %I.%I (%s) SERVER %I OPTIONS (schema_name %L, table_name %L%s)',",
                "      nsp, tmp, defs, to_server, to_schema, to_table, coalesce(', ' || to_options, ''));",
                "    EXECUTE format('SELECT count(*) FROM (SELECT FROM %I.%I LIMIT 1) x', nsp, tmp) INTO n_dst;",
                "    IF n_dst > 0 THEN",
                "      RAISE EXCEPTION USING MESSAGE = format(" + message(where + "the target table %s.%s on server %s"
                        + " holds rows already; the move needs it empty (delete them, or name another table).")
                        + ", to_schema, to_table, to_server);",
                "    END IF;",
                "  END IF;"),
                when(mode == Mode.PREPARE, "  PERFORM set_config('fdw.move_created', created::text, true);"),
                when(mode == Mode.FULL, "  EXECUTE format('INSERT INTO %I.%I (%s) SELECT %s FROM %s', nsp, tmp, cols, cols, part);",
                FIX,
                "  EXECUTE format('SELECT count(*), coalesce(sum(hashtextextended(x::text, 0)), 0)'",
                "    || ' FROM %s t CROSS JOIN LATERAL (SELECT %s) x', part, tcols) INTO n_src, s_src;",
                "  EXECUTE format('SELECT count(*), coalesce(sum(hashtextextended(x::text, 0)), 0)'",
                "    || ' FROM %I.%I t CROSS JOIN LATERAL (SELECT %s) x', nsp, tmp, tcols) INTO n_dst, s_dst;",
                RESTORE),
                when(mode == Mode.FINISH, verified == null ? "" : "  n_src := " + verified.sourceRows() + "; s_src := "
                        + numeric(verified.sourceSum()) + "; n_dst := " + verified.targetRows() + "; s_dst := "
                        + numeric(verified.targetSum()) + ";"),
                when(finish, "  IF n_src <> n_dst OR s_src <> s_dst THEN",
                "    RAISE EXCEPTION USING MESSAGE = format(" + message(where + "the copy does not match: %s rows with"
                        + " checksum %s in the partition, %s rows with checksum %s in the copy; nothing changed.")
                        + ", n_src, s_src, n_dst, s_dst);",
                "  END IF;",
                "  IF to_local THEN",
                "    -- validated now, so ATTACH skips its scan while the parent is locked",
                "    EXECUTE format('ALTER TABLE %I.%I ADD CONSTRAINT fdw_move_bound CHECK (%s)', nsp, tmp,"
                        + " pg_get_partition_constraintdef(part));",
                "  END IF;",
                "  IF kind = 'f' AND drop_remote THEN",
                "    -- The table the move created goes once this transaction commits: a session on its server waits for"
                        + " the TRUNCATE's lock and drops it only if the TRUNCATE committed (the table's file changed).",
                "    SELECT r.node INTO old_node FROM dblink(from_server, format('SELECT pg_relation_filenode(%L)::text',"
                        + " format('%I.%I', from_schema, from_table))) AS r(node text);",
                "    EXECUTE format('TRUNCATE %s', part);",
                "    drop_conn := 'fdw_move_drop_' || txid_current() || '_' || part::oid;",
                "    PERFORM dblink_connect(drop_conn, from_server);",
                "    PERFORM dblink_send_query(drop_conn, format('DO %s BEGIN LOCK TABLE %I.%I IN ACCESS EXCLUSIVE MODE;'"
                        + " || ' IF pg_relation_filenode(%L)::text IS DISTINCT FROM %L THEN DROP TABLE %I.%I; END IF; END %s',",
                "      '$d$', from_schema, from_table, format('%I.%I', from_schema, from_table), old_node, from_schema, from_table, '$d$'));",
                "  ELSIF kind = 'f' THEN",
                // After a COPY the source node's table is no longer read in this transaction: TRUNCATE empties it
                // at once (the parent is locked for the swap anyway); through postgres_fdw a DELETE keeps the scan.
                "    EXECUTE format('" + (mode == Mode.FINISH ? "TRUNCATE %s" : "DELETE FROM %s") + "', part);",
                "  END IF;",
                "  EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, part);",
                "  EXECUTE format(CASE WHEN kind = 'f' THEN 'DROP FOREIGN TABLE %s' ELSE 'DROP TABLE %s' END, part);",
                "  EXECUTE format('ALTER TABLE %I.%I RENAME TO %I', nsp, tmp, rel);",
                "  EXECUTE format('ALTER TABLE %s ATTACH PARTITION %I.%I %s', parent, nsp, rel, bound);",
                "  IF to_local THEN",
                "    EXECUTE format('ALTER TABLE %I.%I DROP CONSTRAINT fdw_move_bound', nsp, rel);",
                "  END IF;",
                record ? String.join("\n",
                        "  IF to_regclass(" + SqlLiterals.quote(ledger) + ") IS NULL THEN",
                        "    CREATE TABLE " + ledger + " (id text NOT NULL, author text NOT NULL, partition text NOT NULL,"
                                + " from_local boolean NOT NULL, from_server text, from_schema text, from_table text,"
                                + " from_options text, row_count bigint NOT NULL, checksum numeric NOT NULL,"
                                + " moved_at timestamptz NOT NULL DEFAULT now());",
                        "  END IF;",
                        "  ALTER TABLE " + ledger + " ADD COLUMN IF NOT EXISTS created_table boolean NOT NULL DEFAULT false;",
                        "  EXECUTE format('INSERT INTO %s (id, author, partition, from_local, from_server, from_schema, from_table,"
                                + " from_options, row_count, checksum, created_table) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)', "
                                + SqlLiterals.quote(ledger) + ")",
                        "    USING " + keyValues(key, partition) + ", kind <> 'f', from_server, from_schema, from_table,"
                                + " from_options, n_src, s_src, created;")
                        : String.join("\n",
                        "  EXECUTE format('DELETE FROM %s WHERE " + KEY + "', " + SqlLiterals.quote(ledger) + ")",
                        "    USING " + keyValues(key, partition) + ";",
                        "  IF NOT EXISTS (SELECT FROM " + ledger + ") THEN",
                        "    DROP TABLE " + ledger + ";",
                        "  END IF;")),
                "END").replaceAll("\n(?:\n)+", "\n");
        String tag = "$fdw$";
        for (int n = 1; body.contains(tag); n++) {
            tag = "$fdw" + n + "$";
        }
        return "DO " + tag + "\n" + body + "\n" + tag;
    }

    /** The lines when {@code on}, else nothing (the empty line left is removed). */
    private static String when(boolean on, String... lines) {
        return on ? String.join("\n", lines) : "";
    }

    private static String numeric(String value) {
        return SqlLiterals.quote(value) + "::numeric";
    }

    private static String literal(String value) {
        return value == null ? "NULL" : SqlLiterals.quote(value);
    }

    private static String keyValues(MoveKey key, String partition) {
        return String.join(", ", SqlLiterals.quote(key.id()), SqlLiterals.quote(key.author()), SqlLiterals.quote(partition));
    }

    /** A message as a literal for format(): the text's own % doubled, the values as %s. */
    private static String message(String text) {
        return SqlLiterals.quote(text.replace("%", "%%").replace("%%s", "%s"));
    }
}
