package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node passwords are masked wherever they appear in text the runner prints or writes. */
class RedactorTest {

    @Test
    void masksEveryPasswordIncludingRegexCharacters() {
        Redactor redactor = new Redactor(Arrays.asList("s3cr3t.pw", "a+b(c)*$1", null, "", "pw"));
        assertEquals("url x password=******** and ******** again, short pw stays",
                redactor.scrub("url x password=s3cr3t.pw and a+b(c)*$1 again, short pw stays"));
        assertEquals("nothing secret", redactor.scrub("nothing secret"));
        assertEquals("s3cr3tXpw", redactor.scrub("s3cr3tXpw"));
    }

    @Test
    void nodeDefinitionNeverPrintsItsPassword() {
        NodeDefinition node = new NodeDefinition("shard1", "jdbc:postgresql://h/db", "app", "hunter22", null, null,
                "c.yaml", null, null, null, java.util.Map.of(), List.of(), 3);
        assertEquals("node 'shard1' (jdbc:postgresql://h/db)", node.toString());
    }

    @Test
    void masksLikeTheExtensionQuotedLiteralsEvenWhenShortAndUrlPasswords() {
        Redactor redactor = new Redactor(List.of("pw", "it's-secret"));
        assertEquals("CREATE USER MAPPING ... OPTIONS (password '********'); pw in prose stays",
                redactor.scrub("CREATE USER MAPPING ... OPTIONS (password 'pw'); pw in prose stays"));
        assertEquals("OPTIONS (password '********') and ********",
                redactor.scrub("OPTIONS (password 'it''s-secret') and it's-secret"));
        assertEquals("cannot connect to jdbc:postgresql://h/db?user=app&password=********&ssl=true",
                redactor.scrub("cannot connect to jdbc:postgresql://h/db?user=app&password=unknown-to-me&ssl=true"));
    }

    @Test
    void nodePasswordTooShortToMaskIsRefusedBeforeAnyConnection() {
        java.util.Map<String, NodeAddress> addresses = new java.util.LinkedHashMap<>();
        addresses.put("shard2", NodeAddress.fromUrl("shard2", "jdbc:postgresql://127.0.0.1:1/db?password=abc", "app", null));
        addresses.put("shard1", NodeAddress.fromUrl("shard1", "jdbc:postgresql://127.0.0.1:1/db", "app", ""));
        InvalidArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentException.class,
                () -> Redactor.refuseUnmaskable(addresses));
        assertEquals("password", e.argument());
        assertEquals("node 'shard2': its password is shorter than 4 characters, too short to be masked in logs, SQL"
                + " files and messages without masking ordinary words; give the node a password of 4 characters or"
                + " more.", e.getMessage());
        addresses.put("shard2", NodeAddress.fromUrl("shard2", "jdbc:postgresql://127.0.0.1:1/db", "app", "abcd"));
        Redactor.refuseUnmaskable(addresses);
    }
}
