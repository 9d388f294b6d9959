package liquibase.ext.fdw.changelog;

import java.util.List;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorChain;
import liquibase.ext.fdw.changelog.internal.Generators;
import liquibase.structure.DatabaseObject;
import liquibase.diff.output.changelog.MissingObjectChangeGenerator;
import liquibase.ext.fdw.change.createextension.CreateExtensionChange;
import liquibase.ext.fdw.snapshot.Extension;
import liquibase.ext.fdw.snapshot.ForeignServer;
import liquibase.structure.core.Table;

/** Emits {@code fdw:createExtension} for a missing extension, before any server or table. */
public class MissingExtensionChangeGenerator extends FdwChangeGenerator implements MissingObjectChangeGenerator {

    /** Answers for {@link Extension}. */
    public MissingExtensionChangeGenerator() {
        super(Extension.class, PRIORITY_DATABASE, List.of(), List.of(ForeignServer.class, Table.class));
    }

    @Override
    public Change[] fixMissing(DatabaseObject missingObject, DiffOutputControl control, Database referenceDatabase,
            Database comparisonDatabase, ChangeGeneratorChain chain) {
        Extension extension = (Extension) missingObject;
        CreateExtensionChange change = new CreateExtensionChange();
        change.setName(extension.getName());
        change.setSchemaName(Generators.schema(control, referenceDatabase, extension.getSchemaName()));
        return new Change[] {change};
    }
}
