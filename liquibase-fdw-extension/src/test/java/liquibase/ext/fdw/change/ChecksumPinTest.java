package liquibase.ext.fdw.change;

import static liquibase.ext.fdw.change.FdwChangesTest.parse;
import static liquibase.ext.fdw.change.FdwChangesTest.postgres;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.ext.fdw.test.Changelogs;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checksums are a public contract: pinned values for changes with and without secrets, equal whatever the password
 * (attribute or nested {@code password}/{@code sslpassword} option, any case), and different when anything else
 * changes.
 */
class ChecksumPinTest {
    private static final String CHANGES = String.join("\n",
            Changelogs.XML_OPEN,
            "  <changeSet id=\"attribute\" author=\"a\">",
            "    <fdw:createUserMapping userName=\"CURRENT_USER\" serverName=\"box2\" user=\"u\" password=\"${pw}\"/>",
            "  </changeSet>",
            "  <changeSet id=\"nested\" author=\"a\">",
            "    <fdw:createUserMapping userName=\"CURRENT_USER\" serverName=\"box2\">",
            "      <fdw:option name=\"user\" value=\"${user}\"/>",
            "      <fdw:option name=\"password\" value=\"${pw}\"/>",
            "      <fdw:option name=\"sslpassword\" value=\"${pw}\"/>",
            "    </fdw:createUserMapping>",
            "  </changeSet>",
            "  <changeSet id=\"alter\" author=\"a\">",
            "    <fdw:alterUserMapping userName=\"CURRENT_USER\" serverName=\"box2\">",
            "      <fdw:option name=\"PASSWORD\" value=\"${pw}\" action=\"set\"/>",
            "    </fdw:alterUserMapping>",
            "  </changeSet>",
            "  <changeSet id=\"server\" author=\"a\">",
            "    <fdw:createForeignServer serverName=\"box2\" host=\"h\" port=\"5432\" dbname=\"${user}\">",
            "      <fdw:option name=\"fetch_size\" value=\"100\"/>",
            "    </fdw:createForeignServer>",
            "  </changeSet>",
            "  <changeSet id=\"partition\" author=\"a\">",
            "    <fdw:createPartition tableName=\"t_2016\" parentTableName=\"t\" from=\"2016-01-01\" to=\"2017-01-01\"/>",
            "  </changeSet>",
            "  <changeSet id=\"move\" author=\"a\">",
            "    <fdw:attachRangePartition tableName=\"t\" partitionName=\"t_2017\" from=\"2017-01-01\" to=\"2018-01-01\"",
            "        moveRowsFromDefault=\"true\"/>",
            "    <fdw:attachListPartition tableName=\"c\" partitionName=\"c_n\" values=\"Oslo\" moveRowsFromDefault=\"true\"/>",
            "  </changeSet>",
            "</databaseChangeLog>", "");

    @TempDir
    Path dir;

    private List<String> checksums(String password, String user) throws Exception {
        Files.writeString(dir.resolve("c.xml"), CHANGES);
        ResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(dir),
                new ClassLoaderResourceAccessor(getClass().getClassLoader()));
        ChangeLogParameters parameters = new ChangeLogParameters(postgres(17));
        parameters.set("pw", password);
        parameters.set("user", user);
        DatabaseChangeLog log = Scope.child(java.util.Map.of(Scope.Attr.resourceAccessor.name(), accessor),
                (Scope.ScopedRunnerWithReturn<DatabaseChangeLog>) () ->
                ChangeLogParserFactory.getInstance().getParser("c.xml", accessor).parse("c.xml", parameters, accessor));
        List<String> sums = new ArrayList<>();
        for (ChangeSet changeSet : log.getChangeSets()) {
            sums.add(changeSet.getId() + " " + changeSet.generateCheckSum(ChecksumVersion.latest()));
        }
        return sums;
    }

    @Test
    void checksumsArePinnedAndIgnorePasswords() throws Exception {
        List<String> pinned = checksums("one", "u");
        // move pins attach with moveRowsFromDefault from before moveRowsBatchSize existed.
        // attribute, server and partition are the checksums of the releases before nested secrets were left out.
        assertEquals(List.of("attribute 9:65762b4774f29c6f7eac94b01bbbe1bc", "nested 9:bca757e2ef71eefa60163db01b3152af",
                "alter 9:1f445ffa04b92ee0e0fb7e09d08be91b", "server 9:0eb9ddc13fd8a15516a742daa04b7b54",
                "partition 9:78378e8cd6e5a1e7c047db71eaeaa59f", "move 9:7d777fda3349dcbd15cebe95a2aa2889"), pinned);
        assertEquals(pinned, checksums("a-very-different-password", "u"));
        List<String> otherUser = checksums("one", "v");
        assertEquals(pinned.get(0), otherUser.get(0));
        assertNotEquals(pinned.get(1), otherUser.get(1));
        assertNotEquals(pinned.get(3), otherUser.get(3));
    }
}
