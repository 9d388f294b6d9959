package liquibase.ext.fdw.partition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import liquibase.database.Database;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database's TimeZone that createRangePartitions defaults to is what PostgreSQL gives a session whose client sets
 * none: asked through dblink (libpq sends no TimeZone, unlike pgjdbc, which sends the JVM's), with the zone coming
 * from the configuration file, then ALTER DATABASE, then ALTER ROLE ... IN DATABASE. The JVM's zone plays no part.
 */
@Tag("timezone")
class ServerFactsIT {

    @Test
    void defaultZoneIsWhatASessionWithoutAClientZoneGets() throws Exception {
        try (TestDatabase db = TestDatabase.create("series")) {
            db.execute("CREATE EXTENSION dblink");
            String user = db.node().username();
            String conninfo = "host=127.0.0.1 port=" + db.node().port() + " dbname=" + db.name() + " user=" + user
                    + (db.node().password() == null ? "" : " password=" + db.node().password());
            String show = "SELECT tz FROM dblink('" + conninfo.replace("'", "''") + "', 'SHOW TimeZone') AS t(tz text)";
            assertEquals(ZoneId.of(db.scalar(show)), defaultZone(db));
            db.execute("ALTER DATABASE " + db.name() + " SET timezone = 'Europe/Oslo'");
            assertEquals("Europe/Oslo", db.scalar(show));
            assertEquals(ZoneId.of("Europe/Oslo"), defaultZone(db));
            try {
                db.execute("ALTER ROLE \"" + user + "\" IN DATABASE " + db.name() + " SET timezone = 'Asia/Tokyo'");
                assertEquals("Asia/Tokyo", db.scalar(show));
                assertEquals(ZoneId.of("Asia/Tokyo"), defaultZone(db));
            } finally {
                db.execute("ALTER ROLE \"" + user + "\" IN DATABASE " + db.name() + " RESET timezone");
            }
        }
    }

    private static ZoneId defaultZone(TestDatabase db) throws Exception {
        try (Database database = db.liquibaseDatabase()) {
            return ServerFacts.defaultZone(database);
        }
    }
}
