package liquibase.ext.fdw.changelog;

import java.util.List;
import java.util.Map;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.diff.output.changelog.MissingObjectChangeGenerator;
import liquibase.ext.fdw.change.createusermapping.CreateUserMappingChange;
import liquibase.ext.fdw.snapshot.ForeignServer;
import liquibase.ext.fdw.snapshot.ForeignTable;
import liquibase.ext.fdw.snapshot.Options;
import liquibase.ext.fdw.snapshot.UserMapping;

/**
 * Emits {@code fdw:createUserMapping} for a missing mapping. The password is never read: a mapping that has one gets
 * {@code password="${<server>.password}"}, a changelog parameter to set where the changelog is applied. The mapping
 * of the user who generates the changelog becomes {@code CURRENT_USER}, PUBLIC stays PUBLIC.
 */
public class MissingUserMappingChangeGenerator extends FdwChangeGenerator implements MissingObjectChangeGenerator {

    /** Answers for {@link UserMapping}. */
    public MissingUserMappingChangeGenerator() {
        super(UserMapping.class, PRIORITY_DATABASE, List.of(ForeignServer.class), List.of(ForeignTable.class));
    }

    @Override
    public Change[] fixMissing(DatabaseObject missingObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        UserMapping mapping = (UserMapping) missingObject;
        CreateUserMappingChange change = new CreateUserMappingChange();
        String user = mapping.getUserName();
        String current = referenceDatabase.getConnection() == null ? null : referenceDatabase.getConnection().getConnectionUserName();
        change.setUserName("public".equals(user) ? "PUBLIC" : user.equals(current) ? "CURRENT_USER" : user);
        change.setServerName(mapping.getServerName());
        Map<String, String> options = Options.asMap(mapping.getOptionsAsCreated());
        change.setUser(options.get("user"));
        if (Boolean.TRUE.equals(mapping.getPasswordSet())) {
            change.setPassword("${" + mapping.getServerName() + ".password}");
        }
        change.setOptions(Generators.options(options, List.of("user")));
        return new Change[] {change};
    }
}
