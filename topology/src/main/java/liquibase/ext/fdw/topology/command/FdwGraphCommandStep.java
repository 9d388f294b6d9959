package liquibase.ext.fdw.topology.command;

import liquibase.command.CommandBuilder;
import liquibase.command.CommandResultsBuilder;
import liquibase.command.CommandScope;
import liquibase.ext.fdw.topology.Goal;
import liquibase.ext.fdw.topology.TopologyEngine;
import liquibase.ext.fdw.topology.TopologyLog;
import liquibase.ext.fdw.topology.TopologyRequest;
import liquibase.ext.fdw.topology.graph.TopologyGraph;

/**
 * {@code liquibase fdw graph}: draw the topology and its partition layout as {@code topology.svg}, {@code topology.mmd}
 * and {@code report.html} in the output directory.
 */
public class FdwGraphCommandStep extends FdwCommandStep {
    private static final String NAME = "graph";
    private static final Arguments ARGUMENTS = new Arguments(new CommandBuilder(name(NAME)));

    @Override
    protected String commandName() {
        return NAME;
    }

    /** Pending changesets are read as the status goal reads them. */
    @Override
    protected Goal goal() {
        return Goal.STATUS;
    }

    @Override
    protected Arguments arguments() {
        return ARGUMENTS;
    }

    @Override
    protected String description() {
        return "Draw the topology and its partition layout: topology.svg, topology.mmd and report.html";
    }

    @Override
    protected void execute(TopologyEngine engine, TopologyRequest request, TopologyLog log, CommandScope scope,
            CommandResultsBuilder resultsBuilder) {
        resultsBuilder.addResult("files", new TopologyGraph(engine, log).write(request));
    }
}
