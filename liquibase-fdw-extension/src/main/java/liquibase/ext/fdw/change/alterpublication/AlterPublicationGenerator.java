package liquibase.ext.fdw.change.alterpublication;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.ext.fdw.replication.ReplicationSql;
import liquibase.ext.fdw.sql.PostgresOnlyGenerator;
import liquibase.ext.fdw.sql.SqlLiterals;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;

/** Renders ALTER PUBLICATION name {ADD | DROP | SET} TABLE ... or SET (publish = ...). */
public class AlterPublicationGenerator extends PostgresOnlyGenerator<AlterPublicationStatement> {

    @Override
    public ValidationErrors validate(AlterPublicationStatement statement, Database database,
            SqlGeneratorChain<AlterPublicationStatement> chain) {
        return new ValidationErrors().checkRequiredField("name", statement.getName());
    }

    @Override
    public Sql[] generateSql(AlterPublicationStatement s, Database database, SqlGeneratorChain<AlterPublicationStatement> chain) {
        String head = "ALTER PUBLICATION " + name(database, s.getName());
        String tables = ReplicationSql.tables(database, s.getTables());
        return new Sql[] {new UnparsedSql(switch (s.getAction()) {
            case ADD_TABLE -> head + " ADD TABLE " + tables;
            case DROP_TABLE -> head + " DROP TABLE " + tables;
            case SET_TABLE -> head + " SET TABLE " + tables;
            case SET_PUBLISH -> head + " SET (publish = " + SqlLiterals.quote(s.getPublish()) + ")";
        })};
    }
}
