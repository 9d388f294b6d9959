package liquibase.ext.fdw.partition.internal;

import java.sql.Connection;
import java.sql.SQLException;
import liquibase.database.Database;
import liquibase.ext.fdw.partition.BoundItems;
import liquibase.ext.fdw.partition.PartitionBounds;

/**
 * Validation of a bound against the partition key it is meant for, by PostgreSQL itself (see {@link BoundProbe}):
 * the key's type orders a range and parses each literal, and the parent's strategy takes the kind of bound. Without a connection, or before the parent exists, the
 * check is left to PostgreSQL when the change runs; expressions are never evaluated before then.
 */
public final class BoundCheck {
    private BoundCheck() {
    }

    /**
     * A problem detail ("...; fix") when PostgreSQL refuses the bound for the parent, else null. {@code twin} supplies
     * the parent's definition when it does not exist yet (null: unknown).
     */
    public static String problem(Database database, String schema, String table, PartitionBounds bounds, TwinSource twin) {
        if (bounds == null || bounds.hasExpression()) {
            return null;
        }
        Connection connection = BoundProbe.connection(database);
        if (connection == null) {
            return null;
        }
        BoundProbe.Result result;
        try {
            result = BoundProbe.render(connection, schema, table, bounds.sql());
            if (result == null && twin != null) {
                TwinSource.Definition definition = twin.definition(database);
                result = definition == null ? null
                        : BoundProbe.renderFor(connection, definition.columns(), definition.partitionBy(), bounds.sql());
            }
        } catch (SQLException e) {
            return null; // the catalog could not be read: PostgreSQL decides when the change runs
        }
        if (result == null || result.accepted()) {
            return null;
        }
        String state = result.refusal().getSQLState();
        String said = said(result.refusal().getMessage());
        String parent = (schema == null ? "" : schema + ".") + table;
        if ("42P17".equals(state) && said.startsWith("empty range bound")) {
            String detail = detail(result.refusal().getMessage());
            return "from (" + BoundItems.sql(bounds.from()) + ") is not below to (" + BoundItems.sql(bounds.to())
                    + ") in the order of " + parent + "'s partition key" + (detail == null ? "" : " (PostgreSQL: " + detail + ")")
                    + "; the range would be empty, swap or correct them.";
        }
        if (state != null && (state.startsWith("22") || state.equals("42P16") || state.equals("42P17") || state.equals("42804"))) {
            String attribute = attribute(bounds, said);
            String subject = attribute.contains("/") ? "attributes '" + attribute.replace("/", "' and '") + "' do not fit"
                    : "attribute '" + attribute + "' does not fit";
            return subject + " the partition key of " + parent
                    + ": PostgreSQL refuses " + bounds.sql() + ": " + said + "; correct the bound.";
        }
        return null;
    }

    /** The attribute PostgreSQL's complaint is about: the side of a range whose literal it quotes, else the kind's. */
    static String attribute(PartitionBounds bounds, String said) {
        return switch (bounds.kind()) {
            case LIST -> "values";
            case HASH -> "modulus/remainder";
            case DEFAULT -> "isDefault";
            case RANGE -> {
                java.util.regex.Matcher quoted = java.util.regex.Pattern.compile(": \"(.*)\"$").matcher(said);
                String value = quoted.find() ? quoted.group(1) : null;
                if (value != null && bounds.from().stream().anyMatch(i -> value.equals(BoundItems.literal(i)))) {
                    yield "from";
                }
                if (value != null && bounds.to().stream().anyMatch(i -> value.equals(BoundItems.literal(i)))) {
                    yield "to";
                }
                yield "from/to";
            }
        };
    }

    /** The first line of PostgreSQL's message without its severity. */
    private static String said(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return first.startsWith("ERROR: ") ? first.substring(7) : first;
    }

    private static String detail(String message) {
        if (message == null) {
            return null;
        }
        return message.lines().map(String::trim).filter(l -> l.startsWith("Detail: ")).map(l -> l.substring(8))
                .findFirst().orElse(null);
    }

    /** The definition of a parent that the changelog creates before the change runs. */
    public interface TwinSource {
        /** Column definitions and {@code PARTITION BY} clause, or null when unknown. */
        Definition definition(Database database);

        /** Columns as in {@code CREATE TABLE (...)} and the {@code PARTITION BY ...} clause. */
        record Definition(String columns, String partitionBy) {
        }
    }
}
