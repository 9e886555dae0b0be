package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.device.AppiumServer;
import dev.discreet.harness.device.AppiumServerOptions;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.FarmOptions;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device pool over two real Appium servers: the Chromium of a running episode is killed by its PID; the episode
 * runs again on a new device from the other server, and is marked retried; the failed attempt is kept.
 */
@Tag("device")
class PoolRetryEndToEndTest {
    @TempDir
    Path tmp;

    /** Opens MediBook; in its first episode, at step 2, kills the browser it runs on; otherwise gives up at step 3. */
    static final class Killer implements Agent {
        static final AtomicBoolean KILLED = new AtomicBoolean();
        static final List<Long> SERVED_BY = Collections.synchronizedList(new ArrayList<>());
        /** The port of the Appium server each of those browsers ran under, read while it ran. */
        static final List<Optional<Integer>> SERVER_PORT = Collections.synchronizedList(new ArrayList<>());
        static volatile Set<Long> before = Set.of();

        @Override
        public String name() { return "killer"; }

        @Override
        public void begin(EpisodeBrief brief) { }

        @Override
        public AgentDecision next(AgentInput in) {
            if (in.step() == 1) {
                Map<Long, Path> ours = InfraFailureEndToEndTest.browsers();
                ours.keySet().removeAll(before);
                if (ours.size() != 1) throw new AssertionError("expected the run's one browser, found " + ours);
                long pid = ours.keySet().iterator().next();
                SERVED_BY.add(pid);
                SERVER_PORT.add(appiumPortOf(pid));
                return AgentDecision.of(Action.open("MediBook"));
            }
            if (in.step() == 2) {
                if (KILLED.compareAndSet(false, true)) kill(SERVED_BY.get(SERVED_BY.size() - 1));
                return AgentDecision.of(Action.click(in.observation().width() / 2, in.observation().height() / 2));
            }
            return AgentDecision.of(Action.terminate("fail"));
        }

        private static void kill(long pid) {
            ProcessHandle p = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("browser " + pid + " is gone"));
            assertThat(p.destroyForcibly()).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!InfraFailureEndToEndTest.deadOrZombie(pid)) {
                if (System.nanoTime() > deadline) throw new AssertionError("browser " + pid + " did not exit");
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** The port of the Appium server a process runs under: its ancestor node process's {@code --port}. */
    private static Optional<Integer> appiumPortOf(long pid) {
        for (Optional<ProcessHandle> p = ProcessHandle.of(pid); p.isPresent(); p = p.get().parent()) {
            try {
                List<String> args = List.of(Files.readString(Path.of("/proc", String.valueOf(p.get().pid()),
                        "cmdline")).split("\0"));
                int i = args.indexOf("--port");
                if (i >= 0 && i + 1 < args.size() && args.stream().anyMatch(a -> a.contains("appium"))) {
                    return Optional.of(Integer.parseInt(args.get(i + 1)));
                }
            } catch (java.io.IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aKilledDevicesEpisodeRunsAgainOnTheOtherServerAndIsMarkedRetried() throws Exception {
        try (AppiumServer a1 = AppiumServer.start(AppiumServerOptions.discover().withLogFile(tmp.resolve("a1.log")));
             AppiumServer a2 = AppiumServer.start(AppiumServerOptions.discover().withLogFile(tmp.resolve("a2.log")))) {
            RunOptions o = RunOptions.of(SuiteLoader.canonical()).withRunsDir(tmp).withRunId("pool")
                    .withAgents(List.of("killer")).withTaskIds(List.of("doctor-001", "doctor-004")).withParallelism(1)
                    .withFarm(FarmOptions.defaults().withEndpoints(List.of(a1.url(), a2.url())).withRetries(1));
            Killer.before = InfraFailureEndToEndTest.browsers().keySet();
            List<String> progress = Collections.synchronizedList(new ArrayList<>());
            RunResult r = new BenchmarkRunner(o).withAgent("killer", Killer::new).onProgress(progress::add).run();

            Map<String, EpisodeAudit> audits = r.audits().stream()
                    .collect(Collectors.toMap(EpisodeAudit::episodeId, a -> a));
            assertThat(Killer.KILLED).isTrue();
            // The killed attempt is kept, INFRA_FAILED for a device failure; the retry ended as the agent chose.
            EpisodeRecord first = Json.mapper().readValue(r.runDir().resolve(
                    "attempts/doctor-001__killer/attempt-1/episode.json").toFile(), EpisodeRecord.class);
            assertThat(first.status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
            assertThat(first.error()).startsWith("device failure (");
            assertThat(audits.get("doctor-001__killer").status()).isEqualTo("TERMINATED_FAIL");
            assertThat(audits.get("doctor-001__killer").scored()).isTrue();
            assertThat(audits.get("doctor-004__killer").status()).isEqualTo("TERMINATED_FAIL");
            assertThat(r.manifest().parameters().get("retried")).startsWith("doctor-001__killer (retried 1x: device failure");
            // Served by two browsers: the first under the first server, the retry's under the other one.
            assertThat(Killer.SERVED_BY).hasSizeGreaterThanOrEqualTo(2);
            long retryBrowser = Killer.SERVED_BY.get(1);
            assertThat(retryBrowser).isNotEqualTo(Killer.SERVED_BY.get(0));
            assertThat(Killer.SERVER_PORT.get(0)).contains(a1.url().getPort());
            assertThat(Killer.SERVER_PORT.get(1)).contains(a2.url().getPort());
            assertThat(progress).anyMatch(l -> l.contains("doctor-001__killer: attempt 1 failed for infrastructure"));
        }
    }
}
