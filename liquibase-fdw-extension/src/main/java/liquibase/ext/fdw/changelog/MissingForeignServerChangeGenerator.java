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
import liquibase.ext.fdw.change.createforeignserver.CreateForeignServerChange;
import liquibase.ext.fdw.snapshot.Extension;
import liquibase.ext.fdw.snapshot.ForeignServer;
import liquibase.ext.fdw.snapshot.Options;
import liquibase.ext.fdw.snapshot.UserMapping;

/** Emits {@code fdw:createForeignServer} with its options (host, port, dbname as attributes) for a missing server. */
public class MissingForeignServerChangeGenerator extends FdwChangeGenerator implements MissingObjectChangeGenerator {

    /** Answers for {@link ForeignServer}. */
    public MissingForeignServerChangeGenerator() {
        super(ForeignServer.class, PRIORITY_DATABASE, List.of(Extension.class), List.of(UserMapping.class));
    }

    @Override
    public Change[] fixMissing(DatabaseObject missingObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        ForeignServer server = (ForeignServer) missingObject;
        CreateForeignServerChange change = new CreateForeignServerChange();
        change.setServerName(server.getName());
        if (!"postgres_fdw".equals(server.getFdwName())) {
            change.setFdwName(server.getFdwName());
        }
        change.setType(server.getType());
        change.setVersion(server.getVersion());
        Map<String, String> options = Options.asMap(server.getOptionsAsCreated());
        List<String> shorthands = Generators.shorthands(server.getOptionsAsCreated(), List.of("host", "port", "dbname"));
        change.setHost(shorthands.contains("host") ? options.get("host") : null);
        change.setPort(shorthands.contains("port") ? options.get("port") : null);
        change.setDbname(shorthands.contains("dbname") ? options.get("dbname") : null);
        change.setOptions(Generators.options(options, shorthands));
        return new Change[] {change};
    }
}
