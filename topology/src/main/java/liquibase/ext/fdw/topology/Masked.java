package liquibase.ext.fdw.topology;

/** Keeps secrets out of the engine's exceptions: a message that carries one is replaced by its masked text. */
final class Masked {
    private Masked() {
    }

    /** {@code e} itself when its message holds no secret, else a plain exception with the masked message only. */
    static TopologyException of(TopologyException e, Redactor redactor) {
        String message = e.getMessage();
        String masked = redactor.scrub(message);
        if (message == null || message.equals(masked)) {
            return e;
        }
        // Not chained: the cause's message would carry the secret into a stack trace.
        return new TopologyException(masked);
    }

    /**
     * Any other failure as a {@link TopologyException} with its description; the cause is chained only when the
     * description holds no secret, since a stack trace would print it.
     */
    static TopologyException wrap(Exception e, Redactor redactor) {
        String message = Failures.describe(e);
        String masked = redactor.scrub(message);
        return masked.equals(message) ? new TopologyException(message, e) : new TopologyException(masked);
    }
}
