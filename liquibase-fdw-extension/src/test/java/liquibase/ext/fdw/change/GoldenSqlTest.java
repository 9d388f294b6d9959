package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import liquibase.ext.fdw.test.GoldenSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every change type's fixture renders to its golden SQL on every supported PostgreSQL major. */
class GoldenSqlTest {
    private static final List<Integer> MAJORS = List.of(14, 15, 16, 17, 18);

    @BeforeAll
    static void rewriteWhenAsked() throws Exception {
        if (Boolean.getBoolean("fdw.golden.update")) {
            for (Path fixture : GoldenSql.fixtures()) {
                GoldenSql.rewrite(fixture, MAJORS);
            }
        }
    }

    static Stream<Arguments> fixtures() {
        return GoldenSql.fixtures().stream()
                .flatMap(fixture -> MAJORS.stream().map(major -> Arguments.of(fixture.getFileName().toString(), major)));
    }

    @ParameterizedTest(name = "{0} on PostgreSQL {1}")
    @MethodSource("fixtures")
    void rendersGoldenSql(String changeType, int major) throws Exception {
        GoldenSql.assertMatches(GoldenSql.ROOT.resolve(changeType), major);
    }

    @Test
    void fixturesExist() {
        assertFalse(GoldenSql.fixtures().isEmpty(), "no fixture under " + GoldenSql.ROOT);
    }

    /** A major's own file exists only where that major's SQL differs from the shared one. */
    @Test
    void majorFilesOnlyWhereMajorsDiffer() throws Exception {
        for (Path fixture : GoldenSql.fixtures()) {
            Path shared = fixture.resolve(GoldenSql.SHARED);
            assertTrue(Files.exists(shared), shared + " is missing; run with -Dfdw.golden.update=true");
            String sharedSql = Files.readString(shared, StandardCharsets.UTF_8);
            for (int major : MAJORS) {
                Path own = fixture.resolve("pg" + major + ".sql");
                if (Files.exists(own)) {
                    assertNotEquals(sharedSql, Files.readString(own, StandardCharsets.UTF_8),
                            own + " repeats " + GoldenSql.SHARED + "; delete it");
                }
            }
        }
    }
}
