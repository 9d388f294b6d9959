package liquibase.ext.fdw.maven;

import java.io.File;
import java.util.Map;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.TopologyEngine;
import liquibase.ext.fdw.topology.verify.VerifyOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reports drift between the topology and its nodes (foreign tables against their remote tables, partition bounds
 * against the shards' CHECK constraints and rows, servers against the nodes they should reach, missing user
 * mappings, pending changesets, changed checksums), one line per finding; writes {@code verify.json}; fails the
 * build on drift unless {@code failOnDrift} is false. Takes no lock and changes nothing.
 */
@Mojo(name = "verify", requiresProject = true, threadSafe = true)
public class VerifyMojo extends AbstractTopologyMojo {
    /** Whether drift fails the build (false: the findings are reported and the build goes on). */
    @Parameter(property = "fdw.failOnDrift", defaultValue = "true")
    protected boolean failOnDrift;

    /**
     * How each shard table's rows are checked against its foreign partition's bound: {@code full} (every row),
     * {@code sample} (the first {@code sampleRows} rows) or {@code off}.
     */
    @Parameter(property = "fdw.rowCheck", defaultValue = "sample")
    protected String rowCheck;

    /** Rows of each shard table a sampled row check reads. */
    @Parameter(property = "fdw.sampleRows", defaultValue = "100000")
    protected int sampleRows;

    /** Liquibase contexts for every node, added to each node's own contexts (which changesets count as pending). */
    @Parameter(property = "fdw.contexts")
    protected String contexts;

    /** Liquibase label expression for every node, combined (and) with each node's own labels. */
    @Parameter(property = "fdw.labels")
    protected String labels;

    /** A properties file whose entries become changelog parameters on every node. */
    @Parameter(property = "fdw.propertyFile")
    protected File propertyFile;

    /** Changelog parameters for every node, as in liquibase-maven-plugin. */
    @Parameter(alias = "expressionVars")
    protected Map<String, String> expressionVariables;

    @Override
    protected void run(TopologyEngine engine) {
        engine.verify(request(Goal.VERIFY)
                .contexts(contexts)
                .labels(labels)
                .propertyFile(propertyFile == null ? null : propertyFile.toPath())
                .properties(expressionVariables)
                .build(), new VerifyOptions(failOnDrift, VerifyOptions.RowCheck.parse(rowCheck), sampleRows));
    }
}
