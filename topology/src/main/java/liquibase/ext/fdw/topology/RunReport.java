package liquibase.ext.fdw.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import liquibase.ext.fdw.topology.internal.Json;

/** The outcome of a run on every node: a summary table for the log and {@code report.json} for tools. */
public final class RunReport {
    private final Goal goal;
    private final Instant started;
    private final long millis;
    private final List<NodeResult> results;

    public RunReport(Goal goal, Instant started, long millis, List<NodeResult> results) {
        this.goal = goal;
        this.started = started;
        this.millis = millis;
        this.results = List.copyOf(results);
    }

    public Goal goal() {
        return goal;
    }

    public List<NodeResult> results() {
        return results;
    }

    /** Whether any node failed. */
    public boolean failed() {
        return results.stream().anyMatch(r -> r.status() != NodeResult.Status.OK);
    }

    /** The first failure's message, for the build's error. */
    public String firstFailure() {
        return results.stream().filter(r -> r.status() == NodeResult.Status.FAILED)
                .map(r -> "node '" + r.node() + "': " + r.message()).findFirst().orElse(null);
    }

    /** A fixed-width table: node, applied, skipped, time, result. */
    public List<String> summaryTable() {
        String header = goal == Goal.ROLLBACK ? "rolled back" : goal == Goal.STATUS ? "pending" : "applied";
        int width = Math.max(4, results.stream().mapToInt(r -> r.node().length()).max().orElse(4));
        String format = "%-" + width + "s  %11s  %7s  %8s  %s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(format, "node", header, "skipped", "time", "result"));
        for (NodeResult r : results) {
            int count = goal == Goal.STATUS ? r.pending() : r.applied();
            lines.add(String.format(format, r.node(), count, r.skipped(), r.millis() + " ms", r.status()));
        }
        return lines;
    }

    /** Writes {@code report.json} into {@code directory}. */
    public Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("report.json");
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        return file;
    }

    /** The report as JSON. */
    public String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"goal\": ").append(Json.string(goal.goalName()))
                .append(",\n  \"started\": ").append(Json.string(started.toString()))
                .append(",\n  \"millis\": ").append(millis)
                .append(",\n  \"result\": ").append(Json.string(failed() ? "FAILED" : "OK"))
                .append(",\n  \"nodes\": [");
        for (int i = 0; i < results.size(); i++) {
            NodeResult r = results.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"node\": ").append(Json.string(r.node()))
                    .append(", \"level\": ").append(r.level())
                    .append(", \"result\": ").append(Json.string(r.status().name()))
                    .append(", \"applied\": ").append(r.applied())
                    .append(", \"skipped\": ").append(r.skipped())
                    .append(", \"pending\": ").append(r.pending())
                    .append(", \"millis\": ").append(r.millis())
                    .append(", \"message\": ").append(Json.string(r.message()))
                    .append(", \"lines\": [");
            for (int j = 0; j < r.lines().size(); j++) {
                json.append(j == 0 ? "" : ", ").append(Json.string(r.lines().get(j)));
            }
            json.append("]}");
        }
        return json.append("\n  ]\n}\n").toString();
    }
}
