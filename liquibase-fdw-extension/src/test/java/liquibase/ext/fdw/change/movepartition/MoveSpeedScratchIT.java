package liquibase.ext.fdw.change.movepartition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import liquibase.ext.fdw.transfer.NodeConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

class MoveSpeedScratchIT {
    @Test
    void measure(@TempDir Path dir) throws Exception {
        int rows = Integer.getInteger("rows", 1_000_000);
        try (TestDatabase a = TestDatabase.create(17, "shard_a"); TestDatabase b = TestDatabase.create(17, "shard_b");
                TestDatabase coordinator = TestDatabase.create(17, "coordinator")) {
            String cols = "(reading_date date NOT NULL, city varchar(100), temp numeric)";
            a.execute("CREATE SCHEMA box", "CREATE TABLE box.t2017 " + cols,
                    "INSERT INTO box.t2017 SELECT date '2017-01-01' + i % 365, 'city ' || (i % 1000), (i % 500) / 10.0 FROM generate_series(1, " + rows + ") i");
            b.execute("CREATE SCHEMA box", "CREATE TABLE box.direct " + cols);
            coordinator.execute("CREATE EXTENSION dblink", "CREATE EXTENSION postgres_fdw",
                    "CREATE SERVER a FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '" + a.node().port() + "', dbname '" + a.name() + "', batch_size '1000')",
                    "CREATE USER MAPPING FOR CURRENT_USER SERVER a OPTIONS (user '" + a.node().username() + "', password '" + a.node().password() + "')",
                    "CREATE SERVER b FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '" + b.node().port() + "', dbname '" + b.name() + "', batch_size '1000')",
                    "CREATE USER MAPPING FOR CURRENT_USER SERVER b OPTIONS (user '" + b.node().username() + "', password '" + b.node().password() + "')",
                    "CREATE TABLE temps " + cols + " PARTITION BY RANGE (reading_date)",
                    "CREATE FOREIGN TABLE temps_2017 PARTITION OF temps FOR VALUES FROM ('2017-01-01') TO ('2018-01-01') SERVER a OPTIONS (schema_name 'box', table_name 't2017')");
            byte[] data;
            try (Connection c = a.connect()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY box.t2017 TO STDOUT", out);
                data = out.toByteArray();
            }
            Files.writeString(dir.resolve("move.xml"), String.join("\n",
                    "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\" xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\">",
                    "  <changeSet id='move' author='a'>",
                    "    <fdw:movePartition tableName='temps' partitionName='temps_2017' toServerName='b'",
                    "        toRemoteSchemaName='box' toRemoteTableName='t2017' createRemoteTable='true'/>",
                    "  </changeSet>", "</databaseChangeLog>", ""));
            ChangelogRunner move = new ChangelogRunner(dir, "move.xml");
            NodeConnections nodes = server -> (server.get("dbname").equals(a.name()) ? a : b).connect();
            List<Long> direct = new ArrayList<>();
            List<Long> moved = new ArrayList<>();
            List<Long> fdw = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                b.execute("TRUNCATE box.direct");
                long t = System.nanoTime();
                try (Connection c = b.connect()) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY box.direct FROM STDIN", new ByteArrayInputStream(data));
                }
                direct.add((System.nanoTime() - t) / 1_000_000);
                t = System.nanoTime();
                Scope.child(Map.of(NodeConnections.SCOPE_KEY, nodes), () -> move.update(coordinator));
                moved.add((System.nanoTime() - t) / 1_000_000);
                move.rollbackCount(coordinator, 1);
                waitGone(b);
                if (i == 0) {
                    t = System.nanoTime();
                    move.update(coordinator);
                    fdw.add((System.nanoTime() - t) / 1_000_000);
                    move.rollbackCount(coordinator, 1);
                    waitGone(b);
                }
            }
            Collections.sort(direct);
            Collections.sort(moved);
            System.out.println("MEASURE rows=" + rows + " direct COPY ms " + direct + " movePartition(COPY) ms " + moved
                    + " movePartition(fdw) ms " + fdw + " ratio(median) " + (double) direct.get(1) / moved.get(1));
        }
    }

    private static void waitGone(TestDatabase b) throws Exception {
        while (!"0".equals(b.scalar("SELECT count(*) FROM pg_class WHERE oid = to_regclass('box.t2017')"))) {
            Thread.sleep(50);
        }
    }
}
