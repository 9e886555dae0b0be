package dev.discreet.tasks.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.tasks.families.SuiteGenerator;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLinterTest {
    static final Path SOURCE = Path.of("src/main/resources/discreet-suite");

    @Test
    void canonicalSuiteIsClean() {
        assertThat(SuiteLinter.lint(SOURCE)).isEmpty();
    }

    @Test
    void otherSeedsGiveCleanFreshVariants(@TempDir Path tmp) {
        TaskSuite base = SuiteLoader.load(SOURCE);
        for (long seed : new long[] {1, 42}) {
            Path out = tmp.resolve("s" + seed);
            SuiteGenerator.write(SuiteGenerator.generate(base, seed), base, out);
            assertThat(SuiteLinter.lint(out)).as("seed " + seed).isEmpty();
            assertThat(SuiteLoader.load(out).tasks()).hasSize(350);
            assertThat(SuiteLoader.load(out).hash()).isNotEqualTo(base.hash());
        }
    }

    @Test
    void reportsEachProblemWithFileAndJsonPath(@TempDir Path tmp) throws Exception {
        TaskSuite base = SuiteLoader.load(SOURCE);
        SuiteGenerator.write(SuiteGenerator.generate(base, SuiteGenerator.CANONICAL_SEED), base, tmp);
        Path f = tmp.resolve("tasks/restaurant/restaurant-001.json");
        String json = Files.readString(f)
                .replaceFirst("\"column\" : \"item_name\"", "\"column\" : \"restaurant_name\"")
                .replaceFirst("\"label\" : \"Full name\"", "\"label\" : \"Your full legal name\"")
                .replaceFirst("\"table\" : \"bookings\"", "\"table\" : \"reservations\"");
        Files.writeString(f, json);
        Path g = tmp.resolve("tasks/hotel/hotel-003.json");
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) dev.discreet.tasks.Json.mapper().readTree(g.toFile());
        var required = (com.fasterxml.jackson.databind.node.ArrayNode) tree.path("classification").path("required");
        required.remove(0); // full_name: still used by the plan and the rules
        Files.writeString(g, dev.discreet.tasks.Json.pretty(tree));
        List<LintProblem> problems = SuiteLinter.lint(tmp);
        assertThat(problems).extracting(LintProblem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("tasks/restaurant/restaurant-001.json: at $.success[0].table: app 'restaurant' has no table 'reservations'"));
        assertThat(problems).extracting(LintProblem::toString).anySatisfy(p -> assertThat(p)
                .contains("restaurant-001.json: at $.plan[").contains(".label: label 'Your full legal name' is not rendered"));
        assertThat(problems).extracting(LintProblem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("tasks/hotel/hotel-003.json: at $.classification: profile key 'full_name'")
                .contains("is not classified"));
    }
}
