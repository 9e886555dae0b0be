package dev.discreet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.tasks.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LeaderboardTest {
    private static final String SUITE = "aaaaaaaaaaaa1111";

    @TempDir
    Path root;

    /** A run folder with results.json: {@code outcomes[i]} = success, privacy of episode i (agent {@code agent}). */
    private Path run(String id, String hash, String agent, double[][] outcomes) throws Exception {
        Path dir = root.resolve(id);
        List<EpisodeAudit> audits = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            String task = String.format("doctor-%03d", i + 1);
            tasks.add(task);
            double p = outcomes[i][1];
            audits.add(ReportFixture.audit(task + "__" + agent, task, agent, "TERMINATED_SUCCESS",
                    outcomes[i][0] > 0, p, p, p, List.of()));
        }
        BundleFixture.writeManifest(dir, BundleFixture.manifest(id, hash, List.of(agent), tasks));
        ResultsWriter.write(dir, BundleFixture.manifest(id, hash, List.of(agent), tasks), audits);
        return dir;
    }

    @Test
    void ranksByPqsrThenSrThenPrivacyWithTies() throws Exception {
        // a: PQSR 1/2, SR 2/2; b: PQSR 1/2, SR 1/2; c: PQSR 2/2; d: same as a (tie)
        Path a = run("run-a", SUITE, "model-a", new double[][] {{1, 0.9}, {1, 0.5}});
        Path b = run("run-b", SUITE, "model-b", new double[][] {{1, 0.9}, {0, 0.9}});
        Path c = run("run-c", SUITE, "model-c", new double[][] {{1, 0.8}, {1, 0.75}});
        Path d = run("run-d", SUITE, "model-d", new double[][] {{1, 0.5}, {1, 0.9}});
        Leaderboard lb = Leaderboard.of(List.of(a, b, c, d), false);
        assertThat(lb.entries()).extracting(Leaderboard.Entry::runId).containsExactly("run-c", "run-a", "run-d", "run-b");
        assertThat(lb.entries()).extracting(Leaderboard.Entry::rank).containsExactly(1, 2, 2, 4);
        Leaderboard.Entry first = lb.entries().get(0);
        assertThat(first.pqsr()).isEqualTo(1.0);
        assertThat(first.privacyQualified()).isEqualTo(2);
        assertThat(first.scored()).isEqualTo(2);
        assertThat(first.suiteHash()).isEqualTo(SUITE);
        // Wilson 95% for 2/2: [0.3424, 1.0]
        assertThat(first.pqsrLow95()).isCloseTo(0.342372, within(1e-5));
        assertThat(first.pqsrHigh95()).isEqualTo(1.0);
        assertThat(lb.mixedSuites()).isFalse();
        assertThat(lb.warnings()).isEmpty();
    }

    @Test
    void refusesMixedSuitesUnlessAllowed() throws Exception {
        Path a = run("run-a", SUITE, "m", new double[][] {{1, 1}});
        Path b = run("run-b", "bbbbbbbbbbbb2222", "m", new double[][] {{1, 1}});
        assertThatThrownBy(() -> Leaderboard.of(List.of(a, b), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot rank runs of different task suites together")
                .hasMessageContaining("run-a (" + a + "): suite discreet-canonical 0.1.0 hash " + SUITE)
                .hasMessageContaining("run-b (" + b + "): suite discreet-canonical 0.1.0 hash bbbbbbbbbbbb2222")
                .hasMessageContaining("--allow-mixed-suites");
        Leaderboard lb = Leaderboard.of(List.of(a, b), true);
        assertThat(lb.mixedSuites()).isTrue();
        assertThat(lb.warnings().get(0)).startsWith("Runs of different task suites are ranked together");
        assertThat(lb.html()).contains("class=\"banner bad\"").contains(SUITE).contains("bbbbbbbbbbbb2222");
    }

    @Test
    void badFoldersGetClearMessages() throws Exception {
        Path empty = Files.createDirectories(root.resolve("nothing"));
        assertThatThrownBy(() -> Leaderboard.of(List.of(empty), false))
                .hasMessage(empty + " is not a run folder (no manifest.json); give folders like runs/<run-id>");
        Path noResults = root.resolve("fresh");
        BundleFixture.writeManifest(noResults, BundleFixture.manifest("fresh", SUITE, List.of("m"), List.of("doctor-001")));
        Files.createDirectories(noResults.resolve("episodes"));
        assertThatThrownBy(() -> Leaderboard.of(List.of(noResults), false))
                .hasMessageContaining("has no audited episode").hasMessageContaining("discreet audit");
        assertThatThrownBy(() -> Leaderboard.of(List.of(), false)).hasMessageContaining("runDirs is empty");
    }

    @Test
    void writesHtmlJsonAndCsvWithTheSameNumbers() throws Exception {
        Path a = run("run-a", SUITE, "model-a", new double[][] {{1, 0.9}, {1, 0.5}, {0, 1}});
        Path b = run("run-b", SUITE, "model-b<script>", new double[][] {{1, 0.9}});
        Path html = Leaderboard.of(List.of(a, b), false).write(root.resolve("out/board.html"));
        assertThat(html).isEqualTo(root.resolve("out/board.html"));
        String page = Files.readString(html);
        assertThat(page).doesNotContain("<script").contains("model-b&lt;script&gt;").doesNotContain("http")
                .contains("Ranked by PQSR@0.7").contains("<svg ");
        JsonNode json = Json.mapper().readTree(root.resolve("out/board.json").toFile());
        assertThat(json.at("/entries/0/runId").textValue()).isEqualTo("run-b");
        assertThat(json.at("/entries/1/pqsr").doubleValue()).isEqualTo(1.0 / 3);
        assertThat(json.at("/entries/1/successes").intValue()).isEqualTo(2);
        List<String> csv = Files.readAllLines(root.resolve("out/board.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(2)).startsWith("2,run-a,model-a,discreet-canonical,0.1.0," + SUITE
                + ",3,3,0,2,1,3,0.333333,");
        // the two entries ran different task sets: stated
        assertThat(page).contains("The entries ran different task sets");
    }

    @Test
    void refusesEntriesWithUnresolvedInfraFailuresUnlessAllowed() throws Exception {
        // run-i: agent m, doctor-001 succeeded with privacy 1.0, doctor-002 infra-failed (unscored)
        Path dir = root.resolve("run-i");
        List<EpisodeAudit> audits = List.of(
                ReportFixture.audit("doctor-001__m", "doctor-001", "m", "TERMINATED_SUCCESS", true, 1.0, 1.0, 1.0, List.of()),
                ReportFixture.audit("doctor-002__m", "doctor-002", "m", "INFRA_FAILED", false, 1.0, 1.0, null, List.of()));
        var manifest = BundleFixture.manifest("run-i", SUITE, List.of("m"), List.of("doctor-001", "doctor-002"));
        BundleFixture.writeManifest(dir, manifest);
        ResultsWriter.write(dir, manifest, audits);
        Path clean = run("run-c", SUITE, "k", new double[][] {{1, 1}, {1, 1}});
        assertThatThrownBy(() -> Leaderboard.of(List.of(clean, dir), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot rank entries with unresolved infrastructure failures")
                .hasMessageContaining("run-i \u00b7 m (" + dir + "): 1 of 2 episodes infra-failed")
                .hasMessageContaining("--resume").hasMessageContaining("--allow-infra-failed")
                .hasMessageNotContaining("run-c");
        Leaderboard lb = Leaderboard.of(List.of(clean, dir), false, true);
        Leaderboard.Entry e = lb.entries().stream().filter(x -> x.runId().equals("run-i")).findFirst().orElseThrow();
        assertThat(e.infraFailed()).isEqualTo(1);
        assertThat(e.scored()).isEqualTo(1);
        assertThat(e.successRate()).isEqualTo(1.0); // over the one scored episode
        assertThat(lb.warnings()).anyMatch(w -> w.startsWith("Entries ranked with unresolved infrastructure failures"));
        // beside the scores: SR 1/1 (+1 unscored)
        assertThat(lb.html()).contains("1/1 (+1 unscored)");
    }
}
