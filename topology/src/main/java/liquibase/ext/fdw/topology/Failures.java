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
        return message.toString().replaceAll("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ", "")
                .replaceAll("\\s+", " ").trim();
    }
}
