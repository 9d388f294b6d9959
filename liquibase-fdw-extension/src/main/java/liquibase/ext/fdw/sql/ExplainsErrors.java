package liquibase.ext.fdw.sql;

/** A statement that can replace a PostgreSQL error with a message naming the change, the objects and the fix. */
public interface ExplainsErrors {
    /** A better message for the error, or null to keep PostgreSQL's. */
    String explain(String sqlState, String message);
}
