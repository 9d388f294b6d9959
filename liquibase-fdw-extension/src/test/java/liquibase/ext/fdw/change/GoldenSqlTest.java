package liquibase.ext.fdw.change;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import liquibase.ext.fdw.test.GoldenSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every change type's fixture renders to its golden SQL on every supported PostgreSQL major. */
class GoldenSqlTest {
    private static final List<Integer> MAJORS = List.of(14, 15, 16, 17, 18);

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
}
