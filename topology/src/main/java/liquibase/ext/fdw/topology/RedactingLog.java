package liquibase.ext.fdw.topology;

/** Passes messages on with every node password masked. */
final class RedactingLog implements TopologyLog {
    private final TopologyLog delegate;
    private final Redactor redactor;

    RedactingLog(TopologyLog delegate, Redactor redactor) {
        this.delegate = delegate;
        this.redactor = redactor;
    }

    @Override
    public void debug(String message) {
        delegate.debug(redactor.scrub(message));
    }

    @Override
    public void info(String message) {
        delegate.info(redactor.scrub(message));
    }

    @Override
    public void warn(String message) {
        delegate.warn(redactor.scrub(message));
    }

    @Override
    public void error(String message) {
        delegate.error(redactor.scrub(message));
    }
}
