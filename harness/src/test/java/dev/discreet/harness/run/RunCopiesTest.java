package dev.discreet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Rules;
import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.internal.ReAudit;
import dev.discreet.harness.internal.RunCopies;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.EvidenceSeal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 5: the bench times the offline re-audit on whole copies of a sealed run, and each copy audits
 * exactly as its original (no evidence-tampered finding), on one thread or several. A real run (BenchmarkRunner, its
 * run keys, manifest and seals, the mock apps, the privacy tools) on fake devices.
 */
class RunCopiesTest {
    static TaskSuite suite;
    @TempDir
    Path tmp;

    @BeforeAll
    static void load() { suite = SuiteLoader.canonical(); }

    /** Asks for the first HIGH item, reads it, types nothing and finishes: chained trajectory and access lines. */
    static Agent asker(String name) { return new EvidenceTamperTest.Tamperer(name, null, bundle -> {}); }

    private static boolean tampered(EpisodeAudit a) {
        return a.findings().stream().anyMatch(f -> Rules.EVIDENCE_TAMPERED.equals(f.rule()));
    }

    @Test
    void copiedBundlesAuditExactlyAsTheirOriginalsOnOneThreadOrSeveral() throws Exception {
        RunResult run = new BenchmarkRunner(RunOptions.of(suite).withRunsDir(tmp).withRunId("source")
                .withAgents(List.of("a", "b")).withTaskIds(List.of("doctor-001", "hotel-001")))
                .withAgent("a", () -> asker("a")).withAgent("b", () -> asker("b"))
                .withDeviceFactory(FakeDevice::healthy).run();
        List<Path> originals = Auditor.bundleDirs(run.runDir());
        assertThat(originals).hasSize(4).allMatch(d -> Files.exists(d.resolve(EvidenceSeal.FILE)));
        Map<String, String> expected = new TreeMap<>();
        for (Path d : originals) {
            EpisodeAudit a = Auditor.audit(dev.discreet.tasks.evidence.EvidenceBundle.read(d));
            assertThat(tampered(a)).as("%s is an honest bundle", d.getFileName()).isFalse();
            assertThat(a.op()).as("the access log was read").isNotNull();
            expected.put(d.getFileName().toString(), Json.write(a));
        }

        // 10 episodes from 4: copy-01, copy-02 whole, copy-03 with the first two bundles
        List<Path> copies = RunCopies.copy(run.runDir(), tmp.resolve("copies"), 10);
        assertThat(copies).hasSize(10);
        assertThat(tmp.resolve("copies/copy-03/episodes")).isDirectoryContaining(p -> true);
        assertThat(Auditor.bundleDirs(tmp.resolve("copies/copy-03"))).hasSize(2);
        assertThat(tmp.resolve("copies/copy-01/" + EvidenceFiles.MANIFEST)).hasSameTextualContentAs(
                run.runDir().resolve(EvidenceFiles.MANIFEST));
        assertThat(copies).noneMatch(d -> Files.exists(d.resolve(EvidenceFiles.AUDIT)));

        for (int threads : new int[] {1, 3}) {
            List<ReAudit.Outcome> out = ReAudit.auditAndWrite(copies, threads);
            assertThat(out).extracting(ReAudit.Outcome::dir).containsExactlyElementsOf(copies);
            for (ReAudit.Outcome o : out) {
                assertThat(o.ok()).as("%s audited", o.dir()).isTrue();
                assertThat(tampered(o.audit())).isFalse();
                assertThat(Json.write(o.audit())).as("%s on %d thread(s)", o.dir(), threads)
                        .isEqualTo(expected.get(o.dir().getFileName().toString()));
                assertThat(Json.write(Auditor.readAudit(o.dir().resolve(EvidenceFiles.AUDIT))))
                        .isEqualTo(Json.write(o.audit()));
            }
        }

        // What the bench did before: a copy renamed by editing its episode.json is (rightly) a tampered bundle.
        Path renamed = copies.get(0);
        Path episode = renamed.resolve(EvidenceFiles.EPISODE);
        Files.writeString(episode, Files.readString(episode).replace("\"agent\" : \"a\"", "\"agent\" : \"a-2\""));
        EpisodeAudit edited = ReAudit.auditAndWrite(List.of(renamed), 1).get(0).audit();
        assertThat(tampered(edited)).isTrue();
        assertThat(edited.findings()).anyMatch(f -> f.message().contains("episode.json changed after the episode was sealed"));
    }

    @Test
    void aBundleThatCannotBeAuditedIsItsOwnOutcomeAndTheOthersAreAudited() throws Exception {
        RunResult run = new BenchmarkRunner(RunOptions.of(suite).withRunsDir(tmp).withRunId("source")
                .withAgents(List.of("a")).withTaskIds(List.of("doctor-001", "hotel-001")))
                .withAgent("a", () -> asker("a")).withDeviceFactory(FakeDevice::healthy).run();
        List<Path> dirs = Auditor.bundleDirs(run.runDir());
        Files.writeString(dirs.get(0).resolve(EvidenceFiles.TASK), "{ torn");
        List<ReAudit.Outcome> out = ReAudit.auditAndWrite(dirs, 2);
        assertThat(out.get(0).ok()).isFalse();
        assertThat(out.get(0).error()).hasMessageContaining("task.json");
        assertThat(out.get(1).ok()).isTrue();
    }
}
