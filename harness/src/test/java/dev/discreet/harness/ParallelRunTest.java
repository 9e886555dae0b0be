package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.ScreenshotScale;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two phones on one Appium server with CSS-resolution screenshots: same verdicts, smaller evidence. */
class ParallelRunTest {
    @TempDir
    Path runs;

    @Test
    void twoPhonesRunEpisodesSideBySideWithTheSameVerdicts() throws Exception {
        RunResult r = new BenchmarkRunner(RunOptions.of(SuiteLoader.canonical()).withRunsDir(runs).withRunId("par")
                .withAgents(List.of("reference")).withTaskIds(List.of("doctor-001", "doctor-004", "doctor-005"))
                .withParallelism(2).withAppiumUrl(SharedAppium.url())
                .withPhone(ChromiumPhoneOptions.defaults().withScreenshotScale(ScreenshotScale.CSS)))
                .run();
        // Results come back in the run's order whatever finished first.
        assertThat(r.audits()).extracting(EpisodeAudit::taskId).containsExactly("doctor-001", "doctor-004", "doctor-005");
        assertThat(r.audits()).allSatisfy(a -> {
            assertThat(a.success()).isTrue();
            assertThat(a.privacy()).isEqualTo(1.0);
        });
        assertThat(r.manifest().device()).contains("screenshots 412x915").endsWith(" x2");
        EvidenceBundle b = EvidenceBundle.read(r.runDir().resolve(Auditor.EPISODES_DIR).resolve("doctor-001__reference"));
        for (StepRecord s : b.trajectory()) {
            byte[] png = Files.readAllBytes(b.dir().resolve(s.screenshot()));
            int w = ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
            int h = ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
            assertThat(w).isEqualTo(412);
            assertThat(h).isEqualTo(915);
        }
    }

    @Test
    void parallelismIsChecked() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> RunOptions.of(SuiteLoader.canonical()).withParallelism(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelism must be within 1..8, was 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunOptions.of(SuiteLoader.canonical())
                        .withAppiumUrl(new java.net.URL("http://127.0.0.1:4723"))
                        .withLocalAppium(dev.discreet.harness.device.AppiumServerOptions.discover()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appiumUrl and localAppium are mutually exclusive");
    }
}
