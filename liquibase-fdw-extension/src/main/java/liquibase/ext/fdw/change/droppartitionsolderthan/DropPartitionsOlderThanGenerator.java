package liquibase.ext.fdw.change.droppartitionsolderthan;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/**
 * Renders retention as one DO block: the partitions whose upper bound is at or before the cutoff (read from the
 * catalog when it runs, compared in the key's type; an upper bound of MAXVALUE is never past it) are detached, then
 * kept, dropped or moved to the retention schema; the newest partition is always kept, the DEFAULT partition never
 * touched. Kept partitions are recorded in
 * {@link RetentionLedger} for the rollback.
 */
public class DropPartitionsOlderThanGenerator extends PostgresOnlyGenerator<DropPartitionsOlderThanStatement> {
    static final String KEY = "id = $1 AND author = $2 AND parent = $3";

    @Override
    public ValidationErrors validate(DropPartitionsOlderThanStatement statement, Database database,
            SqlGeneratorChain<DropPartitionsOlderThanStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName())
                .checkRequiredField("olderThan", statement.getCutoff()).checkRequiredField("mode", statement.getMode());
    }

    @Override
    public Sql[] generateSql(DropPartitionsOlderThanStatement s, Database database,
            SqlGeneratorChain<DropPartitionsOlderThanStatement> chain) {
        String parent = qualified(database, s.getSchemaName(), s.getTableName());
        String ledger = RetentionLedger.name(database);
        String keyValues = keyValues(s, parent);
        boolean keeps = s.getMode() != RetentionMode.DROP;
        String loc = s.getLocation();
        String notRange = loc + ": " + parent + " is not partitioned by RANGE on one date, timestamp, timestamptz, smallint,"
                + " integer, bigint or numeric column, so the age of its partitions is unknown; dropPartitionsOlderThan"
                + " works on such range keys only.";
        String intervalOnNumber = loc + ": olderThan=\"" + s.getCutoff().text() + "\" is an interval before now, but the"
                + " partition key of " + parent + " is %s; give a value of the key instead, e.g. olderThan=\"1000\".";
        String kept = loc + ": keeps %s, the newest partition of " + parent + ", although it is past the cutoff: a"
                + " partitioned table keeps at least one partition, as with pg_partman.";
        String relation = "CASE kinds[k] WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END";
        String body = String.join("\n",
                "DECLARE",
                "  parent regclass := " + SqlLiterals.quote(parent) + "::regclass;",
                "  keytype regtype;",
                "  cutoff text;",
                "  r record;",
                "  parts text[] := '{}';",
                "  schemas text[] := '{}';",
                "  names text[] := '{}';",
                "  bounds text[] := '{}';",
                "  kinds text[] := '{}';",
                "  olders boolean[] := '{}';",
                "  total int;",
                "BEGIN",
                "  SELECT a.atttypid::regtype INTO keytype FROM pg_partitioned_table p",
                "    JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]",
                "    WHERE p.partrelid = parent AND p.partstrat = 'r' AND p.partnatts = 1;",
                "  IF keytype IS NULL OR keytype NOT IN ('date'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype,",
                "      'smallint'::regtype, 'integer'::regtype, 'bigint'::regtype, 'numeric'::regtype) THEN",
                "    RAISE EXCEPTION USING MESSAGE = " + SqlLiterals.quote(notRange) + ";",
                "  END IF;",
                s.getCutoff().interval() ? String.join("\n",
                        "  IF keytype NOT IN ('date'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype) THEN",
                        "    RAISE EXCEPTION USING MESSAGE = format(" + message(intervalOnNumber) + ", keytype);",
                        "  END IF;",
                        "  cutoff := format('(now() - %L::interval)', " + SqlLiterals.quote(s.getCutoff().text()) + ");")
                        : "  cutoff := format('%L::%s', " + SqlLiterals.quote(s.getCutoff().text()) + ", keytype);",
                "  FOR r IN EXECUTE format('SELECT n.nspname::text AS nspname, c.relname::text AS relname, c.relkind::text AS kind,'",
                "      || ' pg_get_expr(c.relpartbound, c.oid) AS bound, coalesce(u.v::%1$s <= %2$s, false) AS older'",
                "      || ' FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace'",
                "      || ' CROSS JOIN LATERAL (SELECT nullif(btrim(substring(pg_get_expr(c.relpartbound, c.oid) FROM %3$L), %4$L), %6$L) AS v) u'",
                "      || ' WHERE i.inhparent = $1 AND pg_get_expr(c.relpartbound, c.oid) <> %5$L ORDER BY u.v::%1$s NULLS LAST',",
                "      keytype, cutoff, " + SqlLiterals.quote(" TO \\((.*)\\)$") + ", '''', 'DEFAULT', 'MAXVALUE') USING parent",
                "  LOOP",
                "    parts := parts || format('%I.%I', r.nspname, r.relname);",
                "    schemas := schemas || r.nspname;",
                "    names := names || r.relname;",
                "    bounds := bounds || r.bound;",
                "    kinds := kinds || r.kind;",
                "    olders := olders || r.older;",
                "  END LOOP;",
                "  total := coalesce(array_length(parts, 1), 0);",
                keeps ? String.join("\n",
                        "  IF to_regclass(" + SqlLiterals.quote(ledger) + ") IS NULL THEN",
                        "    CREATE TABLE " + ledger + " (id text NOT NULL, author text NOT NULL, parent text NOT NULL,"
                                + " partition text, schema_name text, bound text, kept_as text, kind text,"
                                + " done_at timestamptz NOT NULL DEFAULT clock_timestamp());",
                        "  END IF;",
                        "  INSERT INTO " + ledger + " (id, author, parent) VALUES (" + keyValues + ");")
                        : "  -- mode drop: nothing is kept, so nothing is recorded",
                "  FOR k IN 1 .. total LOOP",
                "    CONTINUE WHEN NOT olders[k];",
                "    IF k = total THEN",
                "      RAISE NOTICE '%', format(" + message(kept) + ", parts[k]);",
                "      CONTINUE;",
                "    END IF;",
                "    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, parts[k]);",
                switch (s.getMode()) {
                    case DETACH -> "    INSERT INTO " + ledger + " (id, author, parent, partition, schema_name, bound, kept_as, kind)"
                            + " VALUES (" + keyValues + ", parts[k], schemas[k], bounds[k], parts[k], kinds[k]);";
                    case DROP -> "    EXECUTE format('DROP %s %s', " + relation + ", parts[k]);";
                    case MOVE_TO_SCHEMA -> String.join("\n",
                            "    EXECUTE format('ALTER %s %s SET SCHEMA %I', " + relation + ", parts[k], "
                                    + SqlLiterals.quote(s.getRetentionSchema()) + ");",
                            "    INSERT INTO " + ledger + " (id, author, parent, partition, schema_name, bound, kept_as, kind)"
                                    + " VALUES (" + keyValues + ", parts[k], schemas[k], bounds[k], format('%I.%I', "
                                    + SqlLiterals.quote(s.getRetentionSchema()) + ", names[k]), kinds[k]);");
                },
                "  END LOOP;",
                "END");
        return new Sql[] {new UnparsedSql(doBlock(body))};
    }

    static String keyValues(DropPartitionsOlderThanStatement s, String parent) {
        return SqlLiterals.quote(s.getKey().id()) + ", " + SqlLiterals.quote(s.getKey().author()) + ", " + SqlLiterals.quote(parent);
    }

    /** A message as a literal for format(): the text's own % doubled, the placeholders as %s. */
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
}
