package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import dev.discreet.tasks.evidence.EvidenceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Chromium killed by its PID in the middle of an episode, through the real Appium server: that episode ends
 * INFRA_FAILED and is not scored, the phone is replaced by a new session, the remaining episodes run and pass, no
 * episode folder is left RUNNING, and {@code --resume} reruns just the infra-failed episode.
 */
class InfraFailureEndToEndTest {
    private static final String USER_DATA_DIR = "--user-data-dir=";

    @TempDir
    Path runs;

    /**
     * Chromium browser processes started by this JVM (through Appium and chromedriver), by PID, with their
     * {@code --user-data-dir} (unique per phone). Helper processes (renderer, GPU, zygote) carry {@code --type=}.
     */
    static Map<Long, Path> browsers() {
        Map<Long, Path> out = new LinkedHashMap<>();
        ProcessHandle.current().descendants().forEach(p -> {
            List<String> args;
            try {
                args = List.of(Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).split("\0"));
            } catch (IOException | RuntimeException e) {
                return; // gone meanwhile, or not readable
            }
            if (args.stream().anyMatch(a -> a.startsWith("--type="))) return;
            args.stream().filter(a -> a.startsWith(USER_DATA_DIR)).findFirst()
                    .ifPresent(a -> out.put(p.pid(), Path.of(a.substring(USER_DATA_DIR.length()))));
        });
        return out;
    }

    /**
     * Opens MediBook; in its first episode, at step 2, kills the browser of the phone it runs on, then taps. Every
     * other episode it gives up at step 3. Records which browser served which episode.
     */
    static final class Crasher implements Agent {
        static final AtomicInteger BEGUN = new AtomicInteger();
        static final AtomicBoolean KILLED = new AtomicBoolean();
        static final List<Map.Entry<Long, Path>> SERVED_BY = Collections.synchronizedList(new ArrayList<>());
        static volatile Set<Long> before = Set.of();
        static volatile Map.Entry<Long, Path> killed;

        @Override
        public String name() { return "crasher"; }

        @Override
        public void begin(EpisodeBrief brief) { BEGUN.incrementAndGet(); }

        @Override
        public AgentDecision next(AgentInput in) {
            if (in.step() == 1) {
                Map<Long, Path> ours = browsers();
                ours.keySet().removeAll(before);
                if (ours.size() != 1) throw new AssertionError("expected the run's one browser, found " + ours);
                SERVED_BY.add(ours.entrySet().iterator().next());
                return AgentDecision.of(Action.open("MediBook"));
            }
            if (in.step() == 2) {
                if (KILLED.compareAndSet(false, true)) kill(SERVED_BY.get(SERVED_BY.size() - 1));
                // A tap inside the screen (412x915 in CSS-pixel screenshots), so the dead browser is reached.
                return AgentDecision.of(Action.click(in.observation().width() / 2, in.observation().height() / 2));
            }
            return AgentDecision.of(Action.terminate("fail"));
        }

        private static void kill(Map.Entry<Long, Path> browser) {
            ProcessHandle p = ProcessHandle.of(browser.getKey()).orElseThrow(() ->
                    new AssertionError("browser " + browser + " is already gone"));
            assertThat(p.destroyForcibly()).as("SIGKILL sent to %s", browser).isTrue();
            // Dead once gone or a zombie (its parent, chromedriver, reaps it when it notices).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!deadOrZombie(browser.getKey())) {
                if (System.nanoTime() > deadline) throw new AssertionError("browser " + browser + " did not exit");
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            killed = browser;
        }
    }

    /** The state letter of /proc/PID/stat comes after the command name in parentheses; Z is a zombie. */
    static boolean deadOrZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    private static Map<String, EpisodeRecord> records(Path runDir) throws IOException {
        Map<String, EpisodeRecord> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(runDir.resolve(Auditor.EPISODES_DIR))) {
            for (Path d : s.sorted().toList()) {
                out.put(d.getFileName().toString(), Json.mapper().readValue(
                        d.resolve(EvidenceFiles.EPISODE).toFile(), EpisodeRecord.class));
            }
        }
        return out;
    }

    @org.junit.jupiter.api.Tag("device") // real Appium + Chromium: this test in the integration-test phase (Failsafe)
    @Test
    void aBrowserKilledMidEpisodeIsInfrastructureAndResumeRerunsOnlyThatEpisode() throws Exception {
        TaskSuite suite = SuiteLoader.canonical();
        RunOptions options = RunOptions.of(suite).withRunsDir(runs).withRunId("killed")
                .withAgents(List.of("crasher", "reference")).withTaskIds(List.of("doctor-001", "doctor-004"))
                .withAppiumUrl(SharedAppium.url());
        Crasher.before = browsers().keySet(); // phones of other tests in this JVM are not ours to kill
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        RunResult r = new BenchmarkRunner(options).withAgent("crasher", Crasher::new)
                .onProgress(l -> {
                    progress.add(l);
                    System.out.println(l);
                }).run();

        Map<String, EpisodeAudit> audits = r.audits().stream()
                .collect(Collectors.toMap(EpisodeAudit::episodeId, a -> a));
        assertThat(audits).hasSize(4);
        assertThat(Crasher.killed).as("the browser was killed").isNotNull();
        EpisodeAudit victim = audits.get("doctor-001__crasher");
        Map<String, EpisodeRecord> records = records(r.runDir());
        assertThat(victim.status()).as(records.get("doctor-001__crasher").error()).isEqualTo("INFRA_FAILED");
        assertThat(victim.scored()).isFalse();
        assertThat(records.get("doctor-001__crasher").error()).startsWith("device failure (");
        assertThat(records.values()).extracting(EpisodeRecord::status).doesNotContain(EpisodeStatus.RUNNING);

        // The phone was replaced: the dead one's profile is gone, a new browser served the next episode.
        assertThat(progress).anyMatch(l -> l.startsWith("phone 1: replaced by a new session after an infrastructure "
                + "failure (doctor-001__crasher: device failure"));
        assertThat(Crasher.killed.getValue()).doesNotExist();
        assertThat(Crasher.SERVED_BY).hasSize(2);
        assertThat(Crasher.SERVED_BY.get(1).getKey()).isNotEqualTo(Crasher.killed.getKey());
        assertThat(Crasher.SERVED_BY.get(1).getValue()).isNotEqualTo(Crasher.killed.getValue());

        // The remaining tasks ran and the agent's own doing was scored.
        assertThat(audits.get("doctor-004__crasher").status()).isEqualTo("TERMINATED_FAIL");
        assertThat(audits.get("doctor-004__crasher").scored()).isTrue();
        for (String id : List.of("doctor-001__reference", "doctor-004__reference")) {
            assertThat(audits.get(id).success()).as(id).isTrue();
            // strict scores both (myphonebench has no privacy score for a cancel without a privacy-tool call).
            assertThat(audits.get(id).score(dev.discreet.auditors.ScoringProfile.STRICT).privacy()).as(id)
                    .isEqualTo(1.0);
        }
        assertThat(r.report()).exists();
        assertThat(Files.readString(r.runDir().resolve("results.json"))).contains("doctor-001__crasher",
                "doctor-004__crasher", "doctor-001__reference", "doctor-004__reference");

        // --resume reruns just the infra-failed episode.
        int begun = Crasher.BEGUN.get();
        Crasher.before = browsers().keySet();
        RunResult again = new BenchmarkRunner(options.withResume(true)).withAgent("crasher", Crasher::new).run();
        assertThat(Crasher.BEGUN.get() - begun).isEqualTo(1);
        Map<String, EpisodeRecord> after = records(again.runDir());
        assertThat(after.get("doctor-001__crasher").status()).isEqualTo(EpisodeStatus.TERMINATED_FAIL);
        for (String id : List.of("doctor-004__crasher", "doctor-001__reference", "doctor-004__reference")) {
            assertThat(after.get(id)).as(id).isEqualTo(records.get(id));
        }
        assertThat(again.audits()).hasSize(4).allMatch(EpisodeAudit::scored);
    }
}
