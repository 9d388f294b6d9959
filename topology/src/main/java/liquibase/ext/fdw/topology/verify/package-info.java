/**
 * Drift verification of a whole topology ({@code fdw verify}): what each coordinator believes (foreign servers,
 * user mappings, foreign tables and partition bounds) compared with what the nodes it points to hold, plus each
 * node's pending changesets and checksum mismatches. Findings are plain values ({@link
 * liquibase.ext.fdw.topology.verify.Finding}), collected per node into a {@link
 * liquibase.ext.fdw.topology.verify.VerifyReport} that is written as {@code verify.json}.
 */
package liquibase.ext.fdw.topology.verify;
