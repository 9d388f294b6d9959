package liquibase.ext.fdw.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import liquibase.ext.fdw.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liquibase.fdw.revealSecrets} is a Liquibase configuration property: the Liquibase command line (in a JVM of
 * its own, with the extension on its classpath) lists it in {@code --help} and reads it from a system property, the
 * environment and the defaults file; without it, update-sql masks the user-mapping password.
 */
class RevealSecretsCliIT {
    private static final String SECRET = "Reveal-Me-42";

    @TempDir
    Path dir;

    @Test
    void everyConfigurationSourceRevealsAndTheDefaultMasks() throws Exception {
        try (TestDatabase db = TestDatabase.create("reveal")) {
            db.execute("CREATE EXTENSION postgres_fdw", "CREATE SERVER box2 FOREIGN DATA WRAPPER postgres_fdw");
            Files.writeString(dir.resolve("changelog.xml"), "<databaseChangeLog"
                    + " xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\" xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\""
                    + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                    + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                    + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd"
                    + " http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">\n"
                    + "  <changeSet id=\"1\" author=\"reveal\">\n"
                    + "    <fdw:createUserMapping userName=\"CURRENT_USER\" serverName=\"box2\" user=\"u\" password=\""
                    + SECRET + "\"/>\n  </changeSet>\n</databaseChangeLog>\n");
            Files.writeString(dir.resolve("reveal.properties"), "liquibase.fdw.revealSecrets: true\n");
            Map<String, String> connection = Map.of("LIQUIBASE_COMMAND_URL", db.jdbcUrl(),
                    "LIQUIBASE_COMMAND_USERNAME", db.node().username(), "LIQUIBASE_COMMAND_PASSWORD", db.node().password());
            String masked = "CREATE USER MAPPING FOR CURRENT_USER SERVER box2 OPTIONS (user 'u', password '********');";
            String revealed = "CREATE USER MAPPING FOR CURRENT_USER SERVER box2 OPTIONS (user 'u', password '" + SECRET + "');";

            String byDefault = liquibase(connection, List.of(), "update-sql", "--changelog-file=changelog.xml");
            assertTrue(byDefault.contains(masked), byDefault);
            assertFalse(byDefault.contains(SECRET), byDefault);

            String bySystemProperty = liquibase(connection, List.of("-Dliquibase.fdw.revealSecrets=true"), "update-sql",
                    "--changelog-file=changelog.xml");
            assertTrue(bySystemProperty.contains(revealed), bySystemProperty);

            Map<String, String> environment = new java.util.HashMap<>(connection);
            environment.put("LIQUIBASE_FDW_REVEAL_SECRETS", "true");
            String byEnvironment = liquibase(environment, List.of(), "update-sql", "--changelog-file=changelog.xml");
            assertTrue(byEnvironment.contains(revealed), byEnvironment);

            String byDefaultsFile = liquibase(connection, List.of(), "--defaults-file=reveal.properties", "update-sql",
                    "--changelog-file=changelog.xml");
            assertTrue(byDefaultsFile.contains(revealed), byDefaultsFile);

            String explicitlyOff = liquibase(environment, List.of(), "--fdw-reveal-secrets=false", "update-sql",
                    "--changelog-file=changelog.xml");
            assertTrue(explicitlyOff.contains(masked), explicitlyOff);

            String help = liquibase(Map.of(), List.of(), "--help");
            assertTrue(help.replaceAll("\\s+", " ").contains("--fdw-reveal-secrets=PARAM Write the real value of secret"
                    + " postgres_fdw options (password, sslpassword) into SQL output (update-sql, rollback-sql) instead of"
                    + " '********'. Statements sent to a database always carry the real value. DEFAULT: false"
                    + " (defaults file: 'liquibase.fdw.revealSecrets', environment variable: 'LIQUIBASE_FDW_REVEAL_SECRETS')"),
                    help);
            assertEquals("0", db.scalar("SELECT count(*) FROM pg_user_mappings"), "update-sql changed the database");
        }
    }

    private String liquibase(Map<String, String> environment, List<String> jvmArguments, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmArguments);
        command.add("liquibase.integration.commandline.LiquibaseCommandLine");
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(dir, "liquibase", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Only what the test gives: an inherited LIQUIBASE_* variable must not decide the outcome.
        builder.environment().keySet().removeIf(name -> name.startsWith("LIQUIBASE_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("liquibase " + String.join(" ", arguments) + " did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
