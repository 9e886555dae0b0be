package dev.discreet.harness.device.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.device.AppiumServer;
import dev.discreet.harness.device.AppiumServerOptions;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.ScreenshotFormat;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selenium Grid 4.47.0 for real: a hub and two relay nodes (each in front of its own local Appium server), started
 * from Maven Central's selenium-grid jar on its own class path; a slice of the suite runs on two phones at once
 * through the hub URL, and its audits equal those of the same slice run on a local Appium server.
 */
@Tag("device")
class GridSliceTest {
    static final List<String> SLICE = List.of("doctor-001", "doctor-004", "hotel-001", "food-002");
    @TempDir
    Path tmp;

    private static RunResult run(TaskSuite suite, Path runs, String id, URL server) {
        RunOptions o = RunOptions.of(suite).withRunsDir(runs).withRunId(id)
                .withAgents(List.of("reference", "oversharing")).withTaskIds(SLICE).withParallelism(2)
                .withAppiumUrl(server).withPhone(ChromiumPhoneOptions.defaults().withScreenshots(ScreenshotFormat.NONE));
        return new BenchmarkRunner(o).run();
    }

    /** Everything an audit concludes, by episode: status, success, steps, both profiles' scores, findings. */
    private static Map<String, String> verdicts(List<EpisodeAudit> audits) {
        Map<String, String> out = new TreeMap<>();
        for (EpisodeAudit a : audits) {
            out.put(a.episodeId(), String.join(" | ", a.status(), String.valueOf(a.success()),
                    String.valueOf(a.steps()), String.valueOf(a.scores()),
                    a.findings().stream().map(f -> f.probe() + ":" + f.message()).sorted().toList().toString()));
        }
        return out;
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void aSliceThroughTheGridAuditsAsTheSameSliceRunLocally() throws Exception {
        TaskSuite suite = SuiteLoader.canonical();
        String classpath = GridClasspath.resolve(Path.of("grid/pom.xml"), Path.of("target/grid.classpath"), false);
        assertThat(classpath).contains("selenium-grid-4.47.0.jar").doesNotContain("4.52");
        List<Long> pids;
        try (AppiumServer a1 = AppiumServer.start(AppiumServerOptions.discover().withLogFile(tmp.resolve("appium-1.log")));
             AppiumServer a2 = AppiumServer.start(AppiumServerOptions.discover().withLogFile(tmp.resolve("appium-2.log")))) {
            RunResult local = run(suite, tmp.resolve("runs"), "local", a1.url());
            RunResult grid;
            try (LocalGrid g = LocalGrid.start(classpath, List.of(a1.url(), a2.url()), tmp.resolve("grid"),
                    Duration.ofSeconds(90))) {
                pids = g.pids();
                assertThat(g.hubUrl().getHost()).isEqualTo("127.0.0.1");
                grid = run(suite, tmp.resolve("runs"), "grid", g.hubUrl());
                // Both nodes served sessions: two phones at once, one per node.
                for (String node : List.of("node-1.log", "node-2.log")) {
                    assertThat(Files.readString(tmp.resolve("grid").resolve(node))).as(node)
                            .containsIgnoringCase("session created");
                }
            }
            assertThat(grid.manifest().device()).contains("via " + "http://127.0.0.1");
            assertThat(grid.audits()).hasSize(2 * SLICE.size());
            assertThat(grid.audits()).extracting(EpisodeAudit::status).doesNotContain("INFRA_FAILED");
            assertThat(verdicts(grid.audits())).isEqualTo(verdicts(local.audits()));
            assertThat(grid.audits()).filteredOn(a -> a.agent().equals("reference")).allMatch(EpisodeAudit::success);
        }
        // Nothing of the Grid is left running.
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d", pid).isFalse();
        }
    }
}
