package liquibase.ext.fdw.topology.verify;

import liquibase.ext.fdw.topology.TopologyException;

/** {@code verify} found drift and was asked to fail on it; the message lists every finding, one per line. */
public class DriftException extends TopologyException {
    private static final long serialVersionUID = 1L;
    private final transient VerifyReport report;

    public DriftException(VerifyReport report) {
        super("verify found " + report.findings().size() + " difference(s) between the topology and its nodes:\n"
                + String.join("\n", report.findings().stream().map(Finding::line).toList()));
        this.report = report;
    }

    /** The report, also written as {@code verify.json}. */
    public VerifyReport report() {
        return report;
    }
}
