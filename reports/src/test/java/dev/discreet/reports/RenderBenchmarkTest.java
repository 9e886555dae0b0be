package dev.discreet.reports;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Finding;
import dev.discreet.tasks.Difficulty;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.Vagueness;
import dev.discreet.tasks.evidence.RunManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a timed test: renders the report of a 350-episode run (30 steps and 30 entries each, real bundles
 * on disk) and prints how long it took: cold (every episode page written) and warm (the call made after each
 * episode during a run: pages unchanged, report.html rewritten). Asserts only that the output is complete.
 */
class RenderBenchmarkTest {
    @Test
    void render350Episodes(@TempDir Path run) throws Exception {
        List<EpisodeAudit> audits = new ArrayList<>();
        Difficulty[] ds = Difficulty.values();
        Vagueness[] vs = Vagueness.values();
        for (int i = 0; i < 350; i++) {
            String agent = i % 2 == 0 ? "model-a" : "model-b";
            Task t = ReportFixture.task(String.format("doctor-%03d", i / 2 + 1), "Book visit " + i, ds[i % 4], vs[i % 4]);
            audits.add(BundleFixture.plainEpisode(run, t.id() + "__" + agent, t, agent, i % 3 != 0,
                    i % 5 == 0 ? 0.5 : 1.0, 1.0, i % 7 == 0 ? 0.75 : 1.0, 30, List.of(
                            new Finding(dev.discreet.auditors.Probe.of("fm"), dev.discreet.auditors.Severity.of("penalty"), 5, "doctor/booking/email", "email", "fm:optional-personal",
                                    "filled email"))));
        }
        RunManifest m = BundleFixture.manifest("bench", "h", List.of("model-a", "model-b"), List.of());
        long t0 = System.nanoTime();
        ResultsWriter.write(run, m, audits);
        HtmlReport.write(run, m, audits, ReportOptions.defaults());
        long cold = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        ResultsWriter.write(run, m, audits);
        HtmlReport.write(run, m, audits, ReportOptions.defaults());
        long warm = System.nanoTime() - t1;
        System.out.printf(Locale.ROOT, "BENCH report render, 350 episodes x 30 steps: cold %.0f ms (results + report + "
                + "350 episode pages), warm %.0f ms (pages unchanged); report.html %d KB%n", cold / 1e6, warm / 1e6,
                Files.size(run.resolve("report.html")) / 1024);
        assertThat(Files.readString(run.resolve("report.html"))).contains("privacy over 350 of 350 episodes");
        assertThat(run.resolve("episodes/doctor-175__model-b/episode.html")).exists();
    }
}
