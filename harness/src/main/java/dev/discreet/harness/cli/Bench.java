package dev.discreet.harness.cli;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.device.AppiumServer;
import dev.discreet.harness.device.AppiumServerOptions;
import dev.discreet.harness.device.ChromiumPhone;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.run.EpisodeRunner;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.mockapps.MockEpisode;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.StepRecord;
import dev.discreet.tasks.evidence.UiElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.openqa.selenium.OutputType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the harness's own cost: episode reset, and per-step overhead (observe + evidence + act, agent excluded)
 * next to the raw WebDriver calls a step needs (element script, screenshot, touch tap) on the same page.
 */
@Command(name = "bench", description = "Measure reset time and per-step harness overhead against raw WebDriver calls.")
final class Bench implements Callable<Integer> {
    @Option(names = "--steps", defaultValue = "60", description = "Steps per side (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--resets", defaultValue = "30", description = "Episode resets to time (default: ${DEFAULT-VALUE}).")
    int resets;

    @Override
    public Integer call() throws Exception {
        TaskSuite suite = SuiteLoader.canonical();
        Path tmp = Files.createTempDirectory("discreet-bench-");
        try (MockAppServer apps = MockAppServer.start(suite);
             AppiumServer server = AppiumServer.start(AppiumServerOptions.discover());
             ChromiumPhone phone = ChromiumPhone.connect(server.url(), ChromiumPhoneOptions.defaults())) {
            List<Double> dbReset = new ArrayList<>(), deviceReset = new ArrayList<>(), total = new ArrayList<>();
            List<Double> firstObserve = new ArrayList<>(), steadyObserve = new ArrayList<>();
            for (int i = 0; i < resets + 3; i++) {
                long t0 = System.nanoTime();
                MockEpisode ep = apps.beginEpisode("bench-reset-" + i, tmp.resolve("reset-" + i));
                long t1 = System.nanoTime();
                phone.reset(ep.homeUri());
                long t2 = System.nanoTime();
                phone.observe(); // waits for the home page the reset started loading
                long t3 = System.nanoTime();
                phone.observe();
                long t4 = System.nanoTime();
                ep.close();
                if (i >= 3) { // warm-up
                    dbReset.add((t1 - t0) / 1e6);
                    deviceReset.add((t2 - t1) / 1e6);
                    total.add((t2 - t0) / 1e6);
                    firstObserve.add((t3 - t2) / 1e6);
                    steadyObserve.add((t4 - t3) / 1e6);
                }
            }
            // Harness steps: a real episode whose agent taps the search field every step.
            Path dir = tmp.resolve("bench-steps");
            new EpisodeRunner(suite, apps, phone).run(suite.tasks().get(0), new TapSearchAgent(), dir, steps + 2, 0);
            List<Double> harness = new ArrayList<>(), harnessOwn = new ArrayList<>();
            for (StepRecord s : EvidenceBundle.readLines(dir.resolve(EvidenceFiles.TRAJECTORY), StepRecord.class)) {
                if (s.step() <= 2) continue; // open + first observation
                StepRecord.Timings t = s.timings();
                harness.add(t.observeMs() + t.actMs() + t.harnessMs());
                harnessOwn.add(t.harnessMs());
            }
            // Raw: the same calls straight on the driver.
            List<Double> raw = new ArrayList<>();
            String script = ChromiumPhone.elementsScript();
            for (int i = 0; i < steps; i++) {
                long t0 = System.nanoTime();
                phone.driver().executeScript(script);
                phone.driver().getScreenshotAs(OutputType.BYTES);
                phone.rawTap(540, 400);
                raw.add((System.nanoTime() - t0) / 1e6);
            }
            System.out.println("| measure | n | p50 ms | p90 ms |");
            System.out.println("|---|---|---|---|");
            row("episode reset: app databases (copy seed)", dbReset);
            row("episode reset: device (cookies, storage, start loading home)", deviceReset);
            row("episode reset: total", total);
            row("first observation after a reset (includes the home page load)", firstObserve);
            row("observation of a loaded page (same home screen)", steadyObserve);
            row("step, raw WebDriver calls (elements + screenshot + tap)", raw);
            row("step, harness (observe + evidence + act, agent excluded)", harness);
            row("  of which evidence writing", harnessOwn);
            System.out.printf("step overhead ratio p50 harness/raw = %.2f%n", pct(harness, 50) / pct(raw, 50));
        } finally {
            dev.discreet.harness.internal.Files2.deleteTree(tmp);
        }
        return 0;
    }

    private static void row(String name, List<Double> v) {
        System.out.printf("| %s | %d | %.1f | %.1f |%n", name, v.size(), pct(v, 50), pct(v, 90));
    }

    static double pct(List<Double> values, int p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        if (s.isEmpty()) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    /** Opens the doctor app, then taps its search field every step: a step with no navigation. */
    private static final class TapSearchAgent implements Agent {
        private boolean opened;

        @Override
        public String name() { return "bench"; }

        @Override
        public void begin(EpisodeBrief brief) { opened = false; }

        @Override
        public AgentDecision next(AgentInput in) {
            if (!opened) {
                opened = true;
                return AgentDecision.of(Action.open("doctor"));
            }
            for (UiElement e : in.observation().elements()) {
                if (e.editable()) return AgentDecision.of(Action.click(e.bounds().centerX(), e.bounds().centerY()));
            }
            return AgentDecision.of(Action.waitFor(0));
        }
    }
}
