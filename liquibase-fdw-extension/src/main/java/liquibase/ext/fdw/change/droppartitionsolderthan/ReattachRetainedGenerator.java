package liquibase.ext.fdw.change.droppartitionsolderthan;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/**
 * Renders the rollback of a detach/moveToSchema retention as one DO block: every partition the ledger recorded goes
 * back to its schema and is attached again with the bound PostgreSQL printed when it was detached; refuses when the
 * ledger has no record of the change.
 */
public class ReattachRetainedGenerator extends PostgresOnlyGenerator<ReattachRetainedStatement> {

    @Override
    public ValidationErrors validate(ReattachRetainedStatement statement, Database database,
            SqlGeneratorChain<ReattachRetainedStatement> chain) {
        return new ValidationErrors().checkRequiredField("tableName", statement.getTableName());
    }

    @Override
    public Sql[] generateSql(ReattachRetainedStatement s, Database database, SqlGeneratorChain<ReattachRetainedStatement> chain) {
        String parent = qualified(database, s.getSchemaName(), s.getTableName());
        String ledger = RetentionLedger.name(database);
        String ledgerLiteral = SqlLiterals.quote(ledger);
        String keyValues = SqlLiterals.quote(s.getKey().id()) + ", " + SqlLiterals.quote(s.getKey().author()) + ", "
                + SqlLiterals.quote(parent);
        String key = DropPartitionsOlderThanGenerator.KEY;
        String noRecord = s.getLocation() + ": cannot re-attach the partitions the change detached from " + parent + ": "
                + ledger + " holds no record for changeset id '" + s.getKey().id() + "' by '" + s.getKey().author()
                + "' (the record was deleted). Attach them yourself and give the changeset an explicit <rollback>.";
        String body = String.join("\n",
                "DECLARE",
                "  parent regclass := " + SqlLiterals.quote(parent) + "::regclass;",
                "  r record;",
                "  header bigint;",
                "BEGIN",
                "  IF to_regclass(" + ledgerLiteral + ") IS NOT NULL THEN",
                "    EXECUTE format('SELECT count(*) FROM %s WHERE " + key + " AND partition IS NULL', " + ledgerLiteral + ")",
                "      INTO header USING " + keyValues + ";",
                "  END IF;",
                "  IF coalesce(header, 0) = 0 THEN",
                "    RAISE EXCEPTION USING MESSAGE = " + SqlLiterals.quote(noRecord) + ";",
                "  END IF;",
                "  FOR r IN EXECUTE format('SELECT partition, schema_name, bound, kept_as, kind FROM %s WHERE " + key
                        + " AND partition IS NOT NULL ORDER BY done_at DESC', " + ledgerLiteral + ") USING " + keyValues,
                "  LOOP",
                "    IF r.kept_as <> r.partition THEN",
                "      EXECUTE format('ALTER %s %s SET SCHEMA %I', CASE r.kind WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,"
                        + " r.kept_as, r.schema_name);",
                "    END IF;",
                "    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s %s', parent, r.partition, r.bound);",
                "  END LOOP;",
                "  EXECUTE format('DELETE FROM %s WHERE " + key + "', " + ledgerLiteral + ") USING " + keyValues + ";",
                "  IF NOT EXISTS (SELECT FROM " + ledger + ") THEN",
                "    DROP TABLE " + ledger + ";",
                "  END IF;",
                "END");
        return new Sql[] {new UnparsedSql(DropPartitionsOlderThanGenerator.doBlock(body))};
    }
}
