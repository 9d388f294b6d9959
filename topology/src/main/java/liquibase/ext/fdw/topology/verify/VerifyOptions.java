package liquibase.ext.fdw.topology.verify;

import liquibase.ext.fdw.topology.InvalidArgumentException;

/**
 * How {@code verify} checks and what it does with drift.
 *
 * @param failOnDrift whether drift ends the run with a {@link DriftException} (after {@code verify.json} is written)
 * @param rowCheck how the rows of each shard table are checked against its foreign partition's bounds
 * @param sampleRows how many rows of each shard table a {@link RowCheck#SAMPLE} check reads
 */
public record VerifyOptions(boolean failOnDrift, RowCheck rowCheck, int sampleRows) {
    /** Fail on drift, sample the first 100000 rows of each shard table. */
    public static final VerifyOptions DEFAULT = new VerifyOptions(true, RowCheck.SAMPLE, 100_000);

    public VerifyOptions {
        if (rowCheck == null) {
            rowCheck = RowCheck.SAMPLE;
        }
        if (sampleRows < 1) {
            throw new InvalidArgumentException("sampleRows", "sampleRows is " + sampleRows
                    + "; it must be 1 or more (or check every row with rowCheck full).");
        }
    }

    /** How the rows of shard tables are checked against their partition bounds. */
    public enum RowCheck {
        /** Every row is checked: exact, but reads each shard table whole. */
        FULL,
        /** The first {@code sampleRows} rows the shard returns are checked: bounded cost, may miss rows. */
        SAMPLE,
        /** Rows are not checked (the CHECK constraints are still compared). */
        OFF;

        /** Parses {@code full}, {@code sample} or {@code off}, in any case. */
        public static RowCheck parse(String text) {
            if (text == null || text.isBlank()) {
                return SAMPLE;
            }
            for (RowCheck value : values()) {
                if (value.name().equalsIgnoreCase(text.trim())) {
                    return value;
                }
            }
            throw new InvalidArgumentException("rowCheck", "rowCheck is '" + text.trim()
                    + "'; write full, sample or off.");
        }
    }
}
