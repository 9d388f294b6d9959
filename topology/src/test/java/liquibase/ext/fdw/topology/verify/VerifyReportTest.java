package liquibase.ext.fdw.topology.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify.json as the graph goal reads it: every node in topology order, findings [] when clean. */
class VerifyReportTest {
    @TempDir
    Path directory;

    @Test
    void everyNodeInOrderWithItsFindings() throws Exception {
        VerifyReport report = new VerifyReport(Instant.parse("2026-11-25T10:15:30Z"), List.of("coordinator", "shard2"),
                Map.of("shard2", List.of(new Finding("shard2", "public.temperatures", "column-type",
                        "column \"temp\" is integer", "alter it back"))));

        Path file = report.write(directory);

        assertEquals("{\"goal\":\"verify\",\"finishedAt\":\"2026-11-25T10:15:30Z\",\"clean\":false,\"nodes\":["
                + "{\"node\":\"coordinator\",\"clean\":true,\"findings\":[]},"
                + "{\"node\":\"shard2\",\"clean\":false,\"findings\":[{\"node\":\"shard2\",\"object\":\"public.temperatures\","
                + "\"kind\":\"column-type\",\"message\":\"column \\\"temp\\\" is integer\",\"fix\":\"alter it back\"}]}]}\n",
                Files.readString(file));
        assertEquals(List.of("[coordinator] clean: no drift found",
                "[shard2] public.temperatures: column-type: column \"temp\" is integer; fix: alter it back"), report.lines());
        assertFalse(report.clean());
    }

    @Test
    void rowCheckNames() {
        assertEquals(VerifyOptions.RowCheck.FULL, VerifyOptions.RowCheck.parse(" Full "));
        assertEquals(VerifyOptions.RowCheck.SAMPLE, VerifyOptions.RowCheck.parse(null));
        assertEquals(VerifyOptions.RowCheck.OFF, VerifyOptions.RowCheck.parse("off"));
    }
}
