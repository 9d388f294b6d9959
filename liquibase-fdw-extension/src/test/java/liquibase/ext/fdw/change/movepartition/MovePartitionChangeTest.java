package liquibase.ext.fdw.change.movepartition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import liquibase.database.Database;
import liquibase.database.OfflineConnection;
import liquibase.database.core.PostgresDatabase;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.statement.SqlStatement;
import org.junit.jupiter.api.Test;

/** movePartition's validation wording, its pinned checksum and its inverse (a statement that reads the ledger). */
class MovePartitionChangeTest {

    private static Database postgres(int major) {
        PostgresDatabase database = new PostgresDatabase();
        database.setConnection(new OfflineConnection("offline:postgresql?version=" + major + ".0",
                new ClassLoaderResourceAccessor()));
        return database;
    }

    private static MovePartitionChange toServer() {
        MovePartitionChange change = new MovePartitionChange();
        change.setTableName("temperatures");
        change.setPartitionName("temperatures_2017");
        change.setToServerName("box3");
        change.setToRemoteSchemaName("box3_schema");
        change.setToRemoteTableName("temperatures_2017");
        return change;
    }

    @Test
    void validationNamesAttributeAndFix() {
        Database database = postgres(17);
        assertEquals(List.of(), toServer().validate(database).getErrorMessages());

        MovePartitionChange both = toServer();
        both.setToLocal(true);
        assertEquals(List.of("movePartition: toLocal=\"true\" and toServerName/toRemoteSchemaName/toRemoteTableName"
                + " exclude each other; move either to a local table or to a server."), both.validate(database).getErrorMessages());

        MovePartitionChange nowhere = new MovePartitionChange();
        nowhere.setPartitionName("temperatures_2017");
        assertEquals(List.of("movePartition: attribute 'tableName' is required; set tableName to the partitioned table.",
                "movePartition: attribute 'toServerName' is required; set toServerName to the server to move to, or toLocal=\"true\".",
                "movePartition: attribute 'toRemoteSchemaName' is required; set toRemoteSchemaName to the target table's schema.",
                "movePartition: attribute 'toRemoteTableName' is required; set toRemoteTableName to the target table."),
                nowhere.validate(database).getErrorMessages());

        MovePartitionChange local = new MovePartitionChange();
        local.setTableName("temperatures");
        local.setPartitionName("temperatures_2017");
        local.setToLocal(true);
        local.setCreateRemoteTable(true);
        assertEquals(List.of("movePartition: createRemoteTable=\"true\" needs a server to create the table on; remove it,"
                + " or set toServerName instead of toLocal."), local.validate(database).getErrorMessages());
    }

    @Test
    void checksumIsPinned() {
        assertEquals(PINNED, toServer().generateCheckSum().toString());
        MovePartitionChange created = toServer();
        created.setCreateRemoteTable(true);
        assertNotEquals(PINNED, created.generateCheckSum().toString());
    }

    private static final String PINNED = "9:ff85afc7511559e6226834a86aa2d8b6";

    @Test
    void rollbackMovesBackThroughTheLedger() throws Exception {
        MovePartitionChange change = toServer();
        assertNull(change.createInverses());
        SqlStatement[] back = change.generateRollbackStatements(postgres(17));
        MovePartitionBackStatement statement = assertInstanceOf(MovePartitionBackStatement.class, back[0]);
        assertEquals("temperatures_2017", statement.getPartitionName());
    }
}
