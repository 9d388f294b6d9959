package example.temperatures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.ext.fdw.junit.FdwNodes;
import liquibase.ext.fdw.junit.FdwTopology;
import org.junit.jupiter.api.Test;

/**
 * A user's test of the sample topology: the coordinator and both shards started from Maven artifacts, every
 * changelog applied, then a reading written through the coordinator must land on the shard that holds its year.
 */
@FdwTopology(value = "../sample-changelogs/src/main/liquibase/topology.yaml", update = true)
class TemperaturesShardingIT {

    FdwNodes nodes;

    @Test
    void aReadingWrittenThroughTheCoordinatorLandsOnTheShardOfItsYear() throws SQLException {
        try (Connection c = nodes.dataSource("coordinator").getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO box1_schema.temperatures (reading_date, city, temp)"
                    + " VALUES (DATE '2016-03-01', 'Lisbon', 18), (DATE '2017-07-14', 'Paris', 30)");
        }
        assertEquals(1, count(nodes.dataSource("shard1"), "box2_schema.temperatures_2016", "Lisbon"));
        assertEquals(1, count(nodes.dataSource("shard2"), "box2_schema.temperatures_2017", "Paris"));
        assertEquals(0, count(nodes.dataSource("coordinator"), "box1_schema.temps_default", "Paris"));
    }

    private static int count(DataSource node, String table, String city) throws SQLException {
        try (Connection c = node.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE city = ?")) {
            ps.setString(1, city);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
