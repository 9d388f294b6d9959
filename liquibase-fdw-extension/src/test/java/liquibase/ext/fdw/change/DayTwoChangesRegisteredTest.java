package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.ext.fdw.test.GoldenSql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import org.junit.jupiter.api.Test;

/**
 * Liquibase's factories see every day-two change type and a generator for each of its example statements: a broken
 * META-INF/services entry is only logged by Liquibase, so it is checked here.
 */
class DayTwoChangesRegisteredTest {
    private static final List<String> NAMES = List.of("createBoundsCheck", "dropPartitionsOlderThan", "addShard",
            "createPublication", "alterPublication", "dropPublication", "createSubscription", "alterSubscription",
            "dropSubscription");

    @Test
    void everyDayTwoChangeTypeIsRegisteredWithAGenerator() {
        ChangeFactory factory = Scope.getCurrentScope().getSingleton(ChangeFactory.class);
        var database = GoldenSql.offlinePostgres(17);
        for (String name : NAMES) {
            assertEquals(true, factory.getDefinedChanges().contains(name), name + " is not registered");
            Change change = factory.create(name);
            for (var property : factory.getChangeMetaData(change).getParameters().values()) {
                if (!String.class.equals(property.getDataTypeClass())) {
                    continue; // booleans and option lists keep their defaults
                }
                Object example = property.getExampleValue(database);
                if (example != null) {
                    property.setValue(change, example);
                }
            }
            for (SqlStatement statement : change.generateStatements(database)) {
                assertEquals(true, SqlGeneratorFactory.getInstance().supports(statement, database),
                        name + ": no generator for " + statement.getClass().getSimpleName());
            }
        }
    }
}
