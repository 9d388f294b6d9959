package liquibase.ext.fdw.precondition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.exception.ValidationErrors;
import liquibase.exception.Warnings;
import liquibase.ext.fdw.internal.ChangelogInput;
import liquibase.ext.fdw.sql.Identifiers;
import liquibase.ext.fdw.xml.FdwNamespace;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.precondition.AbstractPrecondition;
import liquibase.resource.ResourceAccessor;

/**
 * Base of the extension's preconditions: one catalog query with bind parameters (never string-built SQL) whose rows
 * decide whether the precondition holds.
 */
public abstract class AbstractCatalogPrecondition extends AbstractPrecondition {
    private static final Set<String> INTEGER_TEXT = Set.of("modulus", "remainder");

    @Override
    public String getSerializedObjectNamespace() {
        return FdwNamespace.URI;
    }

    /**
     * Refuses what the changelog text gave the precondition wrongly (unknown attributes, YAML/JSON scalars whose text
     * is lost, unresolved {@code ${...}}) while the changelog is parsed: Liquibase never validates a changeset's
     * preconditions, so this is the only point before any SQL runs.
     */
    @Override
    public void load(ParsedNode parsedNode, ResourceAccessor resourceAccessor) throws ParsedNodeException {
        List<ChangelogInput.Finding> findings = ChangelogInput.inspect(this, getName(), parsedNode, INTEGER_TEXT);
        if (!findings.isEmpty()) {
            // A parsed node knows no parents; Liquibase's parser adds the file to the message.
            String location = getName() + ": ";
            throw new ParsedNodeException(findings.stream().map(f -> location + f.detail())
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        super.load(parsedNode, resourceAccessor);
        List<String> tooLong = new ArrayList<>();
        for (String field : getSerializableFields()) {
            if (Identifiers.isNameAttribute(field) && getSerializableFieldValue(field) instanceof String value) {
                String problem = Identifiers.tooLong("attribute '" + field + "'", value);
                if (problem != null) {
                    tooLong.add(getName() + ": " + problem);
                }
            }
        }
        if (!tooLong.isEmpty()) {
            // No object PostgreSQL can hold has such a name: refuse it as the changes do rather than report it missing.
            throw new ParsedNodeException(String.join(System.lineSeparator(), tooLong));
        }
    }

    @Override
    public Warnings warn(Database database) {
        return new Warnings();
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = new ValidationErrors();
        for (String missing : missingAttributes()) {
            errors.addError(getName() + ": attribute '" + missing + "' is required.");
        }
        return errors;
    }

    /** Names of required attributes that are not set. */
    protected abstract List<String> missingAttributes();

    /** The catalog query; its first column of each row is handed to {@link #holds(List)}. */
    protected abstract String query();

    /** The query's bind parameters, in order. */
    protected abstract List<String> parameters();

    /**
     * Why the rows do not satisfy the precondition, asking the server more where that is needed; null when it holds.
     * By default {@link #holds(List)} decides and {@link #failure(List)} explains.
     */
    protected String mismatch(List<String> rows, Connection connection) throws SQLException {
        return holds(rows) ? null : failure(rows);
    }

    /** Whether the rows satisfy the precondition; by default: any row. */
    protected boolean holds(List<String> rows) {
        return !rows.isEmpty();
    }

    /** What does not exist (or differs), for the failure message. */
    protected abstract String failure(List<String> rows);

    @Override
    public void check(Database database, DatabaseChangeLog changeLog, ChangeSet changeSet,
            ChangeExecListener changeExecListener) throws PreconditionFailedException, PreconditionErrorException {
        if (!(database instanceof PostgresDatabase) || !(database.getConnection() instanceof JdbcConnection jdbc)) {
            throw new PreconditionFailedException(getName() + " needs a live PostgreSQL connection", changeLog, this);
        }
        List<String> rows = new ArrayList<>();
        String mismatch;
        try {
            Connection connection = jdbc.getUnderlyingConnection();
            try (PreparedStatement statement = connection.prepareStatement(query())) {
                List<String> parameters = parameters();
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setString(i + 1, parameters.get(i));
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
            }
            mismatch = mismatch(rows, connection);
        } catch (SQLException e) {
            throw new PreconditionErrorException(e, changeLog, this);
        }
        if (mismatch != null) {
            throw new PreconditionFailedException(mismatch, changeLog, this);
        }
    }

    /** Adds the attribute's name when its value is blank. */
    protected static void require(List<String> missing, String attribute, String value) {
        if (value == null || value.isBlank()) {
            missing.add(attribute);
        }
    }
}
