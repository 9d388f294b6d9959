package liquibase.ext.fdw.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fingerprint on a real server, per major: what a change leaves is named with PostgreSQL's own rendering (bounds
 * from pg_get_expr, row hashes from hashtextextended), row order does not matter but a duplicated row does, a GRANT
 * undone by its REVOKE is no difference, a changed mapping password is named without its value, and excluded tables
 * are not looked at.
 */
class CatalogFingerprintIT {
    private static final List<String> LIQUIBASE = List.of("DATABASECHANGELOG");

    static List<Integer> majors() {
        return SharedNodes.testMajors();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("majors")
    void namesWhatDiffersInPostgresqlsOwnWords(int major) throws Exception {
        PostgresNode server = SharedNodes.node(major, "fingerprint");
        server.dropDatabase("fingerprint");
        server.createDatabase("fingerprint");
        try (Connection c = server.connect("fingerprint", server.username(), server.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE readings (id int, city text) PARTITION BY RANGE (id)");
            s.execute("CREATE TABLE readings_low PARTITION OF readings FOR VALUES FROM (0) TO (10)");
            s.execute("CREATE TABLE databasechangelog (id text)");
            s.execute("INSERT INTO readings VALUES (1, 'Oslo'), (2, 'Rome')");
            s.execute("CREATE EXTENSION IF NOT EXISTS postgres_fdw");
            s.execute("CREATE SERVER archive FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost')");
            s.execute("CREATE USER MAPPING FOR CURRENT_USER SERVER archive OPTIONS (user 'reader', password 'first-Pw')");
            CatalogFingerprint before = CatalogFingerprint.read(c, LIQUIBASE);

            // Same rows in another order, a GRANT and its REVOKE, Liquibase's table changed: nothing differs.
            s.execute("DELETE FROM readings");
            s.execute("INSERT INTO readings VALUES (2, 'Rome'), (1, 'Oslo')");
            s.execute("GRANT SELECT ON readings TO PUBLIC");
            s.execute("REVOKE SELECT ON readings FROM PUBLIC");
            s.execute("INSERT INTO databasechangelog VALUES ('x')");
            s.execute("ALTER TABLE databasechangelog ADD COLUMN author text");
            assertEquals(List.of(), CatalogFingerprint.differences("n", before, CatalogFingerprint.read(c, LIQUIBASE)));

            // A duplicated row, a wider bound, a grant left, another password.
            s.execute("INSERT INTO readings VALUES (2, 'Rome')");
            s.execute("ALTER TABLE readings DETACH PARTITION readings_low");
            s.execute("ALTER TABLE readings ATTACH PARTITION readings_low FOR VALUES FROM (0) TO (20)");
            s.execute("GRANT SELECT ON readings TO PUBLIC");
            s.execute("ALTER USER MAPPING FOR CURRENT_USER SERVER archive OPTIONS (SET password 'second-Pw')");
            List<String> differences = CatalogFingerprint.differences("n", before, CatalogFingerprint.read(c, LIQUIBASE));

            String owner = server.username();
            String acl = value(s, "SELECT (SELECT string_agg(g::text, ',' ORDER BY g::text) FROM unnest(relacl) g)"
                    + " FROM pg_class WHERE relname = 'readings'");
            String oldBound = "FOR VALUES FROM (0) TO (10)";
            String newBound = value(s, "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'readings_low'");
            String two = value(s, "SELECT hashtextextended('(1,Oslo)', 0)::numeric + hashtextextended('(2,Rome)', 0)");
            String three = value(s, "SELECT " + two + " + hashtextextended('(2,Rome)', 0)");
            assertEquals(List.of(
                    "[n] relation public.readings: before the update partitioned table, owner " + owner + ", partitioned by"
                            + " RANGE (id); after the rollback partitioned table, owner " + owner + ", partitioned by"
                            + " RANGE (id), grants " + acl,
                    "[n] relation public.readings_low: before the update table, owner " + owner + ", partition of"
                            + " readings, bound " + oldBound + "; after the rollback table, owner " + owner
                            + ", partition of readings, bound " + newBound,
                    "[n] user mapping for " + owner + " server archive: a password or sslpassword option differs after"
                            + " the rollback (values not shown)",
                    "[n] rows of public.readings: before the update 2 row(s), checksum " + two + "; after the rollback"
                            + " 3 row(s), checksum " + three,
                    "[n] rows of public.readings_low: before the update 2 row(s), checksum " + two + "; after the"
                            + " rollback 3 row(s), checksum " + three), differences);
            assertFalse(String.join("\n", differences).contains("-Pw"));
        } finally {
            server.dropDatabase("fingerprint");
        }
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
