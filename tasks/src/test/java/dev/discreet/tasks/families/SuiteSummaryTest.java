package dev.discreet.tasks.families;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.tasks.PairLink;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The suite's size and coverage, and tasks/SUITE.md kept equal to what the task files say. */
class SuiteSummaryTest {
    @Test
    void canonicalSuiteHasTenAppsTwentyFiveTasksAndFivePairsEach() {
        TaskSuite suite = SuiteLoader.load(CanonicalSuiteFilesTest.SOURCE);
        assertThat(suite.apps().keySet()).containsExactlyInAnyOrder("doctor", "pharmacy", "restaurant", "realestate",
                "hotel", "dmv", "food", "events", "insurance", "homeservices", "privacy");
        Map<String, Long> independent = suite.tasks().stream().filter(t -> t.pair() == null)
                .collect(Collectors.groupingBy(Task::app, Collectors.counting()));
        Map<String, Long> pairs = suite.tasks().stream().filter(t -> t.pair() != null && t.pair().role().equals(PairLink.A))
                .collect(Collectors.groupingBy(Task::app, Collectors.counting()));
        assertThat(independent).hasSize(10).allSatisfy((app, n) -> assertThat(n).as(app).isEqualTo(25));
        assertThat(pairs).hasSize(10).allSatisfy((app, n) -> assertThat(n).as(app).isEqualTo(5));
        assertThat(suite.tasks()).hasSize(350);
        for (var kind : dev.discreet.tasks.TaskKind.values()) {
            assertThat(suite.tasks()).as("kind " + kind).anyMatch(t -> t.kind() == kind);
        }
        for (var v : dev.discreet.tasks.Vagueness.values()) assertThat(suite.tasks()).anyMatch(t -> t.vagueness() == v);
        for (var d : dev.discreet.tasks.Difficulty.values()) assertThat(suite.tasks()).anyMatch(t -> t.difficulty() == d);
        // Decision tables deny as well as grant.
        assertThat(suite.tasks()).anyMatch(t -> t.decisions().decide(dev.discreet.tasks.Intent.READ_DATA, "passport")
                == dev.discreet.tasks.Decision.DENY);
        assertThat(suite.tasks()).anyMatch(t -> t.decisions().decide(dev.discreet.tasks.Intent.READ_DATA, "passport")
                == dev.discreet.tasks.Decision.GRANT);
    }

    @Test
    void suiteMarkdownIsCurrent() throws Exception {
        String md = SuiteSummary.markdown(SuiteLoader.load(CanonicalSuiteFilesTest.SOURCE));
        Path file = Path.of("SUITE.md");
        if (Boolean.getBoolean("discreet.regenerate")) Files.writeString(file, md, StandardCharsets.UTF_8);
        assertThat(Files.exists(file)).as("tasks/SUITE.md exists (regenerate: -Ddiscreet.regenerate=true)").isTrue();
        assertThat(Files.readString(file)).as("tasks/SUITE.md is stale (regenerate: -Ddiscreet.regenerate=true)").isEqualTo(md);
    }
}
