package liquibase.ext.fdw.topology;

/** Turns Liquibase's and the driver's nested exceptions into one line a user can read. */
final class Failures {
    private Failures() {
    }

    /**
     * The most useful message of a failure on one line: Liquibase wraps the SQL error several times, each wrapper
     * repeating the cause with its class name in front. A closed connection is said plainly.
     */
    static String describe(Throwable failure) {
        Throwable deepest = failure;
        StringBuilder message = new StringBuilder(String.valueOf(failure.getMessage()));
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
            String text = deepest.getMessage();
            if (text != null && !message.toString().contains(text)) {
                message.append(" | ").append(text);
            }
        }
        String text = message.toString().replaceAll("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ", "")
                .replaceAll("\\s+", " ").trim();
        if (connectionLost(failure)) {
            return "the connection to the node was lost (server stopped, network down or session terminated): " + text;
        }
        return text;
    }

    /** Whether the failure is a broken connection (pgjdbc's SQL state class 08), however deeply wrapped. */
    static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            // 08001 and 08004 mean the connection was never made; 57P0x means the server ended the session.
            if (state != null && (state.startsWith("08") && !state.equals("08001") && !state.equals("08004")
                    || state.startsWith("57P0"))) {
                return true;
            }
            if (t.getCause() == null && String.valueOf(t.getMessage()).contains("This connection has been closed")) {
                return true;
            }
        }
        return false;
    }
}
