package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandArgumentDefinition;
import liquibase.command.CommandBuilder;
import liquibase.command.CommandResultsBuilder;
import liquibase.command.CommandScope;
import liquibase.exception.CommandExecutionException;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.TopologyEngine;
import liquibase.ext.fdw.topology.TopologyLog;
import liquibase.ext.fdw.topology.TopologyRequest;
import liquibase.ext.fdw.topology.verify.VerifyOptions;
import liquibase.ext.fdw.topology.verify.VerifyReport;

/**
 * {@code liquibase fdw verify}: reports drift between the topology and its nodes, one line per finding, writes
 * {@code verify.json}, and fails on drift unless {@code --fail-on-drift=false}.
 */
public class FdwVerifyCommandStep extends FdwCommandStep {
    private static final String NAME = "verify";
    private static final CommandBuilder BUILDER = new CommandBuilder(name(NAME));
    private static final Arguments ARGUMENTS = new Arguments(BUILDER);
    private static final CommandArgumentDefinition<Boolean> FAIL_ON_DRIFT = BUILDER.argument("failOnDrift", Boolean.class)
            .defaultValue(true).description("Fail when drift is found (false: report it and succeed)").build();
    private static final CommandArgumentDefinition<String> ROW_CHECK = BUILDER.argument("rowCheck", String.class)
            .defaultValue("sample").description("How shard rows are checked against their partition's bound:"
                    + " full, sample (the first --sample-rows rows of each shard table) or off").build();
    private static final CommandArgumentDefinition<Integer> SAMPLE_ROWS = BUILDER.argument("sampleRows", Integer.class)
            .defaultValue(VerifyOptions.DEFAULT.sampleRows()).description("Rows of each shard table a sampled row"
                    + " check reads").build();

    @Override
    protected String commandName() {
        return NAME;
    }

    @Override
    protected Goal goal() {
        return Goal.VERIFY;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "Report drift between the topology and its nodes (foreign tables, bounds, servers, mappings, changesets)";
    }

    @Override
    protected void execute(TopologyEngine engine, TopologyRequest request, TopologyLog log, CommandScope scope,
            CommandResultsBuilder resultsBuilder) throws CommandExecutionException {
        VerifyOptions options = new VerifyOptions(!Boolean.FALSE.equals(scope.getArgumentValue(FAIL_ON_DRIFT)),
                VerifyOptions.RowCheck.parse(scope.getArgumentValue(ROW_CHECK)), scope.getArgumentValue(SAMPLE_ROWS));
        VerifyReport report = engine.verify(request, options);
        resultsBuilder.addResult("verify", report);
    }
}
