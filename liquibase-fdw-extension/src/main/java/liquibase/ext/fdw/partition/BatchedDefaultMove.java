package liquibase.ext.fdw.partition;

import liquibase.ext.fdw.sql.SqlLiterals;

/**
 * What {@code moveRowsFromDefault="true"} with {@code moveRowsBatchSize} runs: the move of {@link DefaultPartitionRows}
 * cut into short transactions, so the parent is exclusively locked for one batch at a time instead of the whole move.
 *
 * <p>One DO block, run outside a transaction block (the changeset has {@code runInTransaction="false"}), so it can
 * COMMIT between batches, as pg_partman's {@code partition_data_proc} does. It first reads, without an exclusive lock,
 * which rows of the requested bound sit in the DEFAULT partition, and cuts the bound into steps of about the batch size:
 * for a range, the key of every n-th row (in key order) ends a step; for a list, values are gathered until they hold n
 * rows. Each batch is then one transaction that detaches the DEFAULT partition (ACCESS EXCLUSIVE on the parent until the
 * commit) and the partition if an earlier batch attached it, attaches the partition with the bound grown to the step
 * ({@code FROM from TO step}, or {@code IN (values so far)}), moves the rows PostgreSQL's partition constraint now
 * assigns to it out of the DEFAULT partition (with the ledger record of {@link DefaultPartitionRows}, appended per
 * batch), attaches the DEFAULT partition again and commits. The last batch attaches the requested bound. At every
 * commit each row is in exactly one partition of the parent, so readers never miss or double a row; rows written
 * meanwhile land in the partition (moved steps) or the DEFAULT partition (later steps, moved by a later batch).
 *
 * <p>An interrupted move leaves the batches done committed: the partition attached with a part of the bound, the
 * ledger holding their rows. Running the changeset again continues from there (an attached partition with a record of
 * this changeset is taken as such a move; without a record it is refused). The rollback is the single-transaction
 * {@link DefaultPartitionRows#restore}, which reads the record of every batch.
 */
public final class BatchedDefaultMove {
    /**
     * Test hook: a session setting naming the batch after whose commit the backend terminates itself, to prove that an
     * interrupted move leaves every row visible once and that running the changeset again finishes it.
     */
    public static final String TERMINATE_AFTER_BATCH = "liquibase_fdw.test_terminate_after_batch";

    /** The CHECK constraint a local partition carries between the validation of a step and its batch. */
    static final String CHECK = "fdw_batch_move_bound";

    private BatchedDefaultMove() {
    }

    /**
     * The DO block moving the rows of {@code bounds} from the DEFAULT partition of {@code parent} into
     * {@code partition} (quoted, schema-qualified names) and attaching it, {@code batchSize} rows per transaction.
     */
    public static String batched(String parent, String partition, PartitionBounds bounds, long batchSize, String ledger,
            MoveKey key, String location) {
        String where = location + ": cannot move the rows of " + partition + "'s range from the DEFAULT partition of "
                + parent + " in batches: ";
        String notOurs = where + partition + " is already a partition of " + parent + " and " + ledger + " holds no rows"
                + " moved by changeset id '" + key.id() + "' by '" + key.author() + "', so it is no interrupted batched move"
                + " to continue; detach it first.";
        String orphan = where + ledger + " holds rows moved by changeset id '" + key.id() + "' by '" + key.author()
                + "' but " + partition + " is not attached to " + parent + "; put those rows back or delete the record,"
                + " then run the changeset again.";
        String expressionKey = where + "moveRowsBatchSize needs a partition key of plain columns, and " + parent
                + " is partitioned by %s; remove moveRowsBatchSize to move in one transaction.";
        boolean range = bounds.kind() == PartitionBounds.Kind.RANGE;
        String body = String.join("\n",
                "-- moveRowsFromDefault in batches of about " + batchSize + " rows: one transaction per batch;"
                        + " run outside a transaction block",
                "DECLARE",
                "  parent regclass := " + SqlLiterals.quote(parent) + "::regclass;",
                "  part regclass := " + SqlLiterals.quote(partition) + "::regclass;",
                "  def regclass;",
                "  cols text;",
                "  rcols text;",
                "  tcols text;",
                "  keys text;",
                "  keytext text;",
                "  tkeys text;",
                "  rkeys text;",
                "  local boolean := (SELECT relkind = 'r' FROM pg_class WHERE oid = part);",
                "  cond text;",
                "  whole text;",
                "  steps text[] := '{}';",
                "  step text;",
                "  vals text[] := '{}';",
                "  gathered bigint := 0;",
                "  rec record;",
                "  attached boolean;",
                "  recorded bigint;",
                "  hook int := nullif(current_setting(" + SqlLiterals.quote(TERMINATE_AFTER_BATCH) + ", true), '')::int;",
                "BEGIN",
                DefaultPartitionRows.FIND_DEFAULT,
                DefaultPartitionRows.COLUMNS,
                "  attached := EXISTS (SELECT FROM pg_inherits WHERE inhrelid = part AND inhparent = parent);",
                "  IF to_regclass(" + SqlLiterals.quote(ledger) + ") IS NOT NULL THEN",
                "    EXECUTE format('SELECT sum(copies) FROM %s WHERE " + DefaultPartitionRows.KEY + " AND row_data IS NULL', "
                        + SqlLiterals.quote(ledger) + ")",
                "      INTO recorded USING " + DefaultPartitionRows.keyValues(key, partition) + ";",
                "  END IF;",
                "  IF attached AND recorded IS NULL THEN",
                "    RAISE EXCEPTION USING MESSAGE = " + SqlLiterals.quote(notOurs) + ";",
                "  ELSIF NOT attached AND recorded IS NOT NULL THEN",
                "    RAISE EXCEPTION USING MESSAGE = " + SqlLiterals.quote(orphan) + ";",
                "  END IF;",
                "  IF def IS NOT NULL THEN",
                "    -- The steps, read without an exclusive lock; the bound's own condition comes from PostgreSQL, through",
                "    -- a scratch partition of a temporary copy of the parent.",
                "    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n),",
                "      string_agg('coalesce(quote_literal(' || quote_ident(a.attname) || '::text), ''NULL'')', ' || '', '' || ' ORDER BY k.n),",
                "      string_agg('t.' || quote_ident(a.attname), ', ' ORDER BY k.n), string_agg('r.' || quote_ident(a.attname), ', ' ORDER BY k.n)",
                "      INTO keys, keytext, tkeys, rkeys FROM pg_partitioned_table p CROSS JOIN LATERAL unnest(p.partattrs::int2[]) WITH ORDINALITY k(att, n)",
                "      JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = k.att WHERE p.partrelid = parent;",
                "    IF EXISTS (SELECT FROM pg_partitioned_table p, unnest(p.partattrs::int2[]) k WHERE p.partrelid = parent AND k = 0) THEN",
                "      RAISE EXCEPTION USING MESSAGE = format(" + DefaultPartitionRows.message(expressionKey)
                        + ", pg_get_partkeydef(parent));",
                "    END IF;",
                DefaultPartitionRows.FIX.substring(2),
                "    DROP TABLE IF EXISTS pg_temp.fdw_batch_probe;",
                "    EXECUTE format('CREATE TEMP TABLE fdw_batch_probe (LIKE %s) PARTITION BY %s', parent, pg_get_partkeydef(parent));",
                "    EXECUTE 'CREATE TEMP TABLE fdw_batch_probe_part PARTITION OF fdw_batch_probe ' || " + SqlLiterals.quote(bounds.sql()) + ";",
                "    whole := pg_get_partition_constraintdef('fdw_batch_probe_part'::regclass);",
                "    DROP TABLE fdw_batch_probe_part;",
                range ? String.join("\n",
                        "    -- A step ends at the key of every n-th row, never at or below a key the partition holds already.",
                        "    EXECUTE format('SELECT coalesce(array_agg(b ORDER BY n), ''{}'') FROM (SELECT DISTINCT ON (b) b, n FROM'",
                        "      || ' (SELECT row_number() OVER (ORDER BY %1$s) AS n, %2$s AS b, %1$s FROM %3$s WHERE %4$s) r'",
                        "      || ' WHERE n %% %5$s = 1 AND n > 1 AND b <> (SELECT %2$s FROM %3$s WHERE %4$s ORDER BY %1$s LIMIT 1)'",
                        "      || ' AND NOT EXISTS (SELECT FROM %6$s t WHERE %4$s AND (%7$s) >= (%8$s)) ORDER BY b, n) s',",
                        "      keys, keytext, def, whole, " + batchSize + ", part, tkeys, rkeys) INTO steps;",
                        "    SELECT coalesce(array_agg(" + SqlLiterals.quote("FOR VALUES FROM (" + bounds.fromSql() + ") TO (")
                                + " || s || ')' ORDER BY n), '{}') INTO steps FROM unnest(steps) WITH ORDINALITY u(s, n);")
                        : String.join("\n",
                        "    -- Values the partition holds already go into the first step.",
                        "    FOR rec IN EXECUTE format('SELECT v, sum(n) AS n, bool_or(held) AS held FROM (SELECT %1$s AS v, count(*) AS n,'",
                        "        || ' false AS held FROM %2$s WHERE %3$s GROUP BY %4$s UNION ALL SELECT %1$s, 0, true FROM %5$s WHERE %3$s'",
                        "        || ' GROUP BY %4$s) x GROUP BY v ORDER BY bool_or(held) DESC, v', keytext, def, whole, keys, part) LOOP",
                        "      vals := vals || rec.v;",
                        "      gathered := gathered + rec.n;",
                        "      IF gathered >= " + batchSize + " AND NOT rec.held THEN",
                        "        steps := steps || ('FOR VALUES IN (' || array_to_string(vals, ', ') || ')');",
                        "        gathered := 0;",
                        "      END IF;",
                        "    END LOOP;"),
                "    COMMIT;",
                "  END IF;",
                "  FOR i IN 1 .. cardinality(steps) + 1 LOOP",
                "    step := CASE WHEN i <= cardinality(steps) THEN steps[i] ELSE " + SqlLiterals.quote(bounds.sql()) + " END;",
                "    IF local AND def IS NOT NULL THEN",
                "      -- A CHECK of the step's bound, validated without the parent's lock, spares ATTACH its scan of the table.",
                "      EXECUTE 'CREATE TEMP TABLE fdw_batch_probe_part PARTITION OF fdw_batch_probe ' || step;",
                "      cond := pg_get_partition_constraintdef('fdw_batch_probe_part'::regclass);",
                "      DROP TABLE fdw_batch_probe_part;",
                "      IF EXISTS (SELECT FROM pg_constraint WHERE conrelid = part AND conname = " + SqlLiterals.quote(CHECK) + ") THEN",
                "        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT " + CHECK + "', part);",
                "      END IF;",
                "      EXECUTE format('ALTER TABLE %s ADD CONSTRAINT " + CHECK + " CHECK (%s) NOT VALID', part, cond);",
                "      COMMIT;",
                "      EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT " + CHECK + "', part);",
                "      COMMIT;",
                "    END IF;",
                DefaultPartitionRows.FIX.substring(2),
                "    IF def IS NOT NULL THEN",
                "      EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);",
                "    END IF;",
                "    IF attached THEN",
                "      EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, part);",
                "    END IF;",
                "    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s %s', parent, part, step);",
                "    attached := true;",
                "    IF local AND def IS NOT NULL THEN",
                "      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT " + CHECK + "', part);",
                "    END IF;",
                "    IF to_regclass(" + SqlLiterals.quote(ledger) + ") IS NULL THEN",
                "      CREATE TABLE " + ledger + " (id text NOT NULL, author text NOT NULL,"
                        + " partition text NOT NULL, row_data json, copies bigint NOT NULL, moved_at timestamptz NOT NULL DEFAULT now());",
                "    END IF;",
                "    IF def IS NULL THEN",
                "      INSERT INTO " + ledger + " (id, author, partition, row_data, copies) VALUES ("
                        + DefaultPartitionRows.keyValues(key, partition) + ", NULL, 0);",
                "    ELSE",
                "      EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s), put AS (INSERT INTO %s (%s) SELECT %s FROM moved)'",
                "        || ' INSERT INTO %s (id, author, partition, row_data, copies)'",
                "        || ' SELECT $1, $2, $3, j::json, n FROM (SELECT to_json(m.*)::text AS j, count(*) AS n FROM moved m GROUP BY 1) g'",
                "        || ' UNION ALL SELECT $1, $2, $3, NULL, count(*) FROM moved',",
                "        def, pg_get_partition_constraintdef(part), cols, part, cols, cols, " + SqlLiterals.quote(ledger) + ")",
                "        USING " + DefaultPartitionRows.keyValues(key, partition) + ";",
                "      EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);",
                "    END IF;",
                "    COMMIT;",
                "    IF hook = i THEN",
                "      PERFORM pg_terminate_backend(pg_backend_pid());",
                "      PERFORM pg_sleep(60);",
                "    END IF;",
                "  END LOOP;",
                "  DROP TABLE IF EXISTS fdw_batch_probe;",
                "END");
        return DefaultPartitionRows.doBlock(body);
    }
}
