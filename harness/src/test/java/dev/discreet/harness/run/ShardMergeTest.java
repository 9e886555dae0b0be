package dev.discreet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EvidenceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run split with --shard and put back together with merge equals the same run in one piece; merge refuses runs of
 * different suites and runs sharing an episode. Fake devices (no Appium), real runner, mock apps, auditors, reports.
 */
class ShardMergeTest {
    static TaskSuite suite;
    static final List<String> TASKS = List.of("doctor-001", "doctor-p01a", "doctor-004", "doctor-p01b", "hotel-001",
            "hotel-002");
    @TempDir
    Path tmp;

    @BeforeAll
    static void load() { suite = SuiteLoader.canonical(); }

    private RunResult run(String id, Shard shard) {
        AtomicInteger begun = new AtomicInteger();
        RunOptions o = RunOptions.of(suite).withRunsDir(tmp).withRunId(id).withAgents(List.of("steady"))
                .withTaskIds(TASKS).withFarm(FarmOptions.defaults().withShard(shard));
        return new BenchmarkRunner(o).withAgent("steady", () -> new InfraFailureTest.Steady(begun))
                .withDeviceFactory(FakeDevice::healthy).run();
    }

    /** What an episode's audit says, by episode id (status, success, steps, privacy under both profiles). */
    private static Map<String, String> verdicts(List<EpisodeAudit> audits) {
        Map<String, String> out = new TreeMap<>();
        for (EpisodeAudit a : audits) {
            out.put(a.episodeId(), a.status() + " " + a.success() + " " + a.steps() + " " + a.privacy() + " "
                    + (a.scores() == null ? "" : a.scores().strict().privacy()));
        }
        return out;
    }

    @Test
    void shardsMergedEqualTheRunInOnePiece() throws Exception {
        RunResult whole = run("whole", Shard.ALL);
        RunResult s1 = run("s1", new Shard(1, 2));
        RunResult s2 = run("s2", new Shard(2, 2));
        // Units by name: doctor-001, doctor-004, hotel-001, hotel-002, pair doctor-p01 -> shards 1, 2, 1, 2, 1.
        assertThat(s1.manifest().taskIds()).containsExactly("doctor-001", "doctor-p01a", "doctor-p01b", "hotel-001");
        assertThat(s2.manifest().taskIds()).containsExactly("doctor-004", "hotel-002");
        assertThat(s1.manifest().parameters()).containsEntry("shard", "1/2");

        RunResult merged = RunMerge.merge(List.of(s2.runDir(), s1.runDir()), tmp.resolve("merged"), false);
        assertThat(verdicts(merged.audits())).isEqualTo(verdicts(whole.audits())).hasSize(6);
        // Episodes in a single run's order (agent, then task as the shards listed them).
        assertThat(merged.audits()).extracting(EpisodeAudit::taskId)
                .containsExactly("doctor-004", "hotel-002", "doctor-001", "doctor-p01a", "doctor-p01b", "hotel-001");
        assertThat(merged.manifest().suiteHash()).isEqualTo(suite.hash());
        assertThat(merged.manifest().parameters()).containsEntry("mergedFrom", "s2,s1").containsEntry("shards", "2/2,1/2")
                .doesNotContainKey("shard");
        JsonNode results = Json.mapper().readTree(merged.runDir().resolve("results.json").toFile());
        assertThat(results.path("summary").path("episodes").asInt()).isEqualTo(6);
        assertThat(Files.readString(merged.report())).contains("Merged from").contains("s2,s1");
        assertThat(Files.readString(s1.report())).contains("<dt>Shard</dt><dd>1/2</dd>");
        assertThat(Files.exists(merged.runDir().resolve("episodes/doctor-p01b__steady/audit.json"))).isTrue();

        // The merged folder is a run like any other: a leaderboard entry with all six tasks.
        Path board = tmp.resolve("board/leaderboard.html");
        assertThat(dev.discreet.harness.cli.Main.execute("leaderboard", merged.runDir().toString(), "--out",
                board.toString())).isZero();
        JsonNode entries = Json.mapper().readTree(tmp.resolve("board/leaderboard.json").toFile());
        assertThat(entries.toString()).contains("\"merged\"");
    }

    @Test
    void mergeRefusesOverlapsOtherSuitesAndAnOccupiedFolder() throws Exception {
        RunResult whole = run("whole", Shard.ALL);
        RunResult s1 = run("s1", new Shard(1, 2));
        RunResult s2 = run("s2", new Shard(2, 2));
        assertThatThrownBy(() -> RunMerge.merge(List.of(whole.runDir(), s1.runDir()), tmp.resolve("m1"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("episode doctor-001__steady is in both");
        assertThat(tmp.resolve("m1")).doesNotExist();
        assertThatThrownBy(() -> RunMerge.merge(List.of(s1.runDir(), s1.runDir()), tmp.resolve("m2"), false))
                .hasMessageContaining("given twice");

        // The same shard run against another suite (its manifest's hash differs).
        Path other = tmp.resolve("other");
        copy(s2.runDir(), other);
        Path manifest = other.resolve(EvidenceFiles.MANIFEST);
        String m = Files.readString(manifest).replace(suite.hash(), "0".repeat(64));
        Files.writeString(manifest, m);
        assertThatThrownBy(() -> RunMerge.merge(List.of(s1.runDir(), other), tmp.resolve("m3"), false))
                .hasMessageContaining("different task suites").hasMessageContaining(suite.hash().substring(0, 12))
                .hasMessageContaining("000000000000");

        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full/x"), "x");
        assertThatThrownBy(() -> RunMerge.merge(List.of(s1.runDir(), s2.runDir()), tmp.resolve("full"), false))
                .hasMessageContaining("not empty");
        assertThatThrownBy(() -> RunMerge.merge(List.of(s1.runDir(), tmp.resolve("nowhere")), tmp.resolve("m4"), false))
                .hasMessageContaining("is not a run folder");
        // Through the CLI: one line and exit code 2.
        assertThat(dev.discreet.harness.cli.Main.execute("merge", whole.runDir().toString(), s1.runDir().toString(),
                "--out", tmp.resolve("m5").toString())).isEqualTo(2);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
