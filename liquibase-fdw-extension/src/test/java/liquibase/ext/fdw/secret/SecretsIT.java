package liquibase.ext.fdw.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import liquibase.Scope;
import liquibase.ext.fdw.test.ChangelogRunner;
import liquibase.ext.fdw.test.TestDatabase;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User-mapping passwords on every output channel of a real update, a failing update, updateSQL and rollbackSQL:
 * Liquibase's log at every level (its executed-SQL lines included), the exception chain of a failed statement,
 * the SQL files and DATABASECHANGELOG. The password is found in none of them; the statements themselves are.
 */
class SecretsIT {
    private static final String PASSWORD = "Pa55-w0rd'\\;ü";

    /** Every message Liquibase logs, at any level. */
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path dir;

    @Test
    void passwordsStayOutOfLogsErrorsSqlOutputAndTheChangelogTable() throws Exception {
        try (TestDatabase db = TestDatabase.create("secrets")) {
            db.execute("CREATE EXTENSION postgres_fdw", "CREATE SERVER box2 FOREIGN DATA WRAPPER postgres_fdw");
            write("ok.xml", "<fdw:createUserMapping userName=\"CURRENT_USER\" serverName=\"box2\" user=\"u\" password=\"${pw}\"/>",
                    "<fdw:alterUserMapping userName=\"CURRENT_USER\" serverName=\"box2\" password=\"${pw}\"/><rollback>"
                    + "<fdw:alterUserMapping userName=\"CURRENT_USER\" serverName=\"box2\" password=\"${pw}\"/></rollback>");
            ChangelogRunner ok = new ChangelogRunner(dir, "ok.xml").parameter("pw", PASSWORD);

            String updateSql = logging(() -> ok.updateSql(db));
            logging(() -> {
                ok.update(db);
                return null;
            });
            String rollbackSql = logging(() -> ok.rollbackCountSql(db, 1));
            assertTrue(logged.stream().anyMatch(m -> m.contains("CREATE USER MAPPING FOR CURRENT_USER SERVER box2 OPTIONS"
                    + " (user 'u', password '********')")), "the executed statement was not logged: " + logged);
            assertTrue(updateSql.contains("password '********'"), updateSql);
            assertTrue(rollbackSql.contains("ALTER USER MAPPING FOR CURRENT_USER SERVER box2 OPTIONS (SET password '********')"),
                    rollbackSql);
            assertEquals("{user=u,\"password=Pa55-w0rd'\\\\;ü\"}", db.scalar("SELECT umoptions FROM pg_user_mappings"));

            write("bad.xml", "<fdw:createUserMapping userName=\"CURRENT_USER\" serverName=\"nowhere\" user=\"u\" password=\"${pw}\"/>");
            ChangelogRunner bad = new ChangelogRunner(dir, "bad.xml").parameter("pw", PASSWORD);
            Exception failure = assertThrows(Exception.class, () -> logging(() -> {
                bad.update(db);
                return null;
            }));
            List<String> chain = new ArrayList<>();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                chain.add(t.toString());
                for (StackTraceElement element : t.getStackTrace()) {
                    chain.add(element.toString());
                }
            }
            String failed = String.join("\n", chain);
            assertTrue(failed.contains("[Failed SQL: (0) CREATE USER MAPPING FOR CURRENT_USER SERVER nowhere OPTIONS"
                    + " (user 'u', password '********')]"), failed);

            String table = String.join("\n", db.query("SELECT * FROM databasechangelog"));
            for (String channel : List.of(String.join("\n", logged), updateSql, rollbackSql, failed, table)) {
                assertFalse(channel.contains("Pa55-w0rd"), channel);
            }
        }
    }

    @Test
    void nestedSecretOptionsStayOutOfLogsErrorsSqlOutputAndTheChangelogTable() throws Exception {
        try (TestDatabase db = TestDatabase.create("secrets")) {
            db.execute("CREATE EXTENSION postgres_fdw", "CREATE SERVER box2 FOREIGN DATA WRAPPER postgres_fdw");
            String options = "<fdw:option name=\"user\" value=\"u\"/><fdw:option name=\"password\" value=\"${pw}\"/>"
                    + "<fdw:option name=\"sslpassword\" value=\"${pw}\"/>";
            write("nested.xml", "<fdw:createUserMapping userName=\"CURRENT_USER\" serverName=\"box2\">" + options
                    + "</fdw:createUserMapping>", "<fdw:alterUserMapping userName=\"CURRENT_USER\" serverName=\"box2\">"
                    + "<fdw:option name=\"password\" value=\"${pw}\" action=\"set\"/></fdw:alterUserMapping><rollback>"
                    + "<fdw:alterUserMapping userName=\"CURRENT_USER\" serverName=\"box2\"><fdw:option name=\"password\""
                    + " value=\"${pw}\" action=\"set\"/></fdw:alterUserMapping></rollback>");
            ChangelogRunner ok = new ChangelogRunner(dir, "nested.xml").parameter("pw", PASSWORD);
            String updateSql = logging(() -> ok.updateSql(db));
            logging(() -> {
                ok.update(db);
                return null;
            });
            String rollbackSql = logging(() -> ok.rollbackCountSql(db, 1));
            assertTrue(updateSql.contains("OPTIONS (user 'u', password '********', sslpassword '********')"), updateSql);
            assertTrue(rollbackSql.contains("OPTIONS (SET password '********')"), rollbackSql);
            assertEquals("{user=u,\"password=Pa55-w0rd'\\\\;ü\",\"sslpassword=Pa55-w0rd'\\\\;ü\"}",
                    db.scalar("SELECT umoptions FROM pg_user_mappings"));

            write("bad-nested.xml", "<fdw:createUserMapping userName=\"CURRENT_USER\" serverName=\"nowhere\">" + options
                    + "</fdw:createUserMapping>");
            ChangelogRunner bad = new ChangelogRunner(dir, "bad-nested.xml").parameter("pw", PASSWORD);
            Exception failure = assertThrows(Exception.class, () -> logging(() -> {
                bad.update(db);
                return null;
            }));
            StringBuilder chain = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                chain.append(t).append('\n');
            }
            assertTrue(chain.toString().contains("password '********', sslpassword '********')]"), chain.toString());

            String table = String.join("\n", db.query("SELECT * FROM databasechangelog"));
            for (String channel : List.of(String.join("\n", logged), updateSql, rollbackSql, chain.toString(), table)) {
                assertFalse(channel.contains("Pa55-w0rd"), channel);
            }
        }
    }

    private void write(String file, String... changes) throws Exception {
        StringBuilder xml = new StringBuilder("<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
                + " xmlns:fdw=\"http://lbfdw.github.io/xml/ns/fdw\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd"
                + " http://lbfdw.github.io/xml/ns/fdw http://lbfdw.github.io/xml/ns/fdw/liquibase-fdw-1.0.xsd\">\n");
        for (int i = 0; i < changes.length; i++) {
            xml.append("  <changeSet id=\"").append(i + 1).append("\" author=\"a\">").append(changes[i]).append("</changeSet>\n");
        }
        Files.writeString(dir.resolve(file), xml.append("</databaseChangeLog>\n").toString());
    }

    private <T> T logging(Scope.ScopedRunnerWithReturn<T> work) throws Exception {
        AbstractLogService capture = new AbstractLogService() {
            @Override
            public int getPriority() {
                return PRIORITY_SPECIALIZED;
            }

            @Override
            public Logger getLog(Class clazz) {
                return new AbstractLogger() {
                    @Override
                    public void log(Level level, String message, Throwable e) {
                        logged.add(message + (e == null ? "" : " " + e));
                    }
                };
            }
        };
        return Scope.child(Map.of(Scope.Attr.logService.name(), capture), work);
    }
}
