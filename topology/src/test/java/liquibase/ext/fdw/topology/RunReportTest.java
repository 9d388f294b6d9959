package liquibase.ext.fdw.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary table and report.json, exactly. */
class RunReportTest {
    private static final List<NodeResult> RESULTS = List.of(
            new NodeResult("shard1", 0, NodeResult.Status.ROLLED_BACK, 2, 0, 0, 131, "rolled back the 2 changeset(s) this run applied", List.of()),
            new NodeResult("coordinator", 1, NodeResult.Status.FAILED, 3, 1, 0, 148, "ERROR: \"x\" \\ \n\tü", List.of("a", "b")),
            new NodeResult("reports", 1, NodeResult.Status.NOT_RUN, 0, 0, 0, 0, null, List.of()));

    @Test
    void summaryTableIsFixedWidth() {
        RunReport report = new RunReport(Goal.UPDATE, Instant.parse("2026-11-24T19:00:00Z"), 1051, RESULTS);
        assertEquals(List.of(
                "node             applied  skipped      time  result",
                "shard1                 2        0    131 ms  ROLLED_BACK",
                "coordinator            3        1    148 ms  FAILED",
                "reports                0        0      0 ms  NOT_RUN"), report.summaryTable());
        assertEquals("node 'coordinator': ERROR: \"x\" \\ \n\tü", report.firstFailure());
    }

    @Test
    void jsonEscapesMessages() {
        RunReport report = new RunReport(Goal.ROLLBACK, Instant.parse("2026-11-24T19:00:00Z"), 1051, RESULTS.subList(1, 3));
        assertEquals(String.join("\n",
                "{",
                "  \"goal\": \"rollback\",",
                "  \"started\": \"2026-11-24T19:00:00Z\",",
                "  \"millis\": 1051,",
                "  \"result\": \"FAILED\",",
                "  \"nodes\": [",
                "    {\"node\": \"coordinator\", \"level\": 1, \"result\": \"FAILED\", \"applied\": 3, \"skipped\": 1, \"pending\": 0,"
                        + " \"millis\": 148, \"message\": \"ERROR: \\\"x\\\" \\\\ \\n\\tü\", \"lines\": [\"a\", \"b\"]},",
                "    {\"node\": \"reports\", \"level\": 1, \"result\": \"NOT_RUN\", \"applied\": 0, \"skipped\": 0, \"pending\": 0,"
                        + " \"millis\": 0, \"message\": null, \"lines\": []}",
                "  ]",
                "}", ""), report.toJson());
        assertEquals("node         rolled back  skipped      time  result", report.summaryTable().get(0));
    }
}
