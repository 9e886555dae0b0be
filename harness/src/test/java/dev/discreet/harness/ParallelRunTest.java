package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.device.ChromiumPhoneOptions;
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

/** Two phones on one Appium server with the default screenshots (viewport JPEG, 412x915): same verdicts. */
@org.junit.jupiter.api.Tag("device") // real Appium + Chromium: integration-test phase (Failsafe)
class ParallelRunTest {
    @TempDir
    Path runs;

    @Test
    void twoPhonesRunEpisodesSideBySideWithTheSameVerdicts() throws Exception {
        RunResult r = new BenchmarkRunner(RunOptions.of(SuiteLoader.canonical()).withRunsDir(runs).withRunId("par")
                .withAgents(List.of("reference")).withTaskIds(List.of("doctor-001", "doctor-004", "doctor-005"))
                .withParallelism(2).withAppiumUrl(SharedAppium.url())
                .withPhone(ChromiumPhoneOptions.defaults()))
                .run();
        // Results come back in the run's order whatever finished first.
        assertThat(r.audits()).extracting(EpisodeAudit::taskId).containsExactly("doctor-001", "doctor-004", "doctor-005");
        assertThat(r.audits()).allSatisfy(a -> {
            assertThat(a.success()).isTrue();
            // strict scores every episode here; myphonebench has none for the cancel without a privacy-tool call.
            assertThat(a.score(dev.discreet.auditors.ScoringProfile.STRICT).privacy()).isEqualTo(1.0);
            assertThat(a.privacy()).isIn(1.0, null);
        });
        assertThat(r.manifest().device()).contains("screenshots jpeg 412x915").endsWith(" x2");
        assertThat(r.manifest().parameters()).containsEntry("screenshots", "jpeg 412x915");
        EvidenceBundle b = EvidenceBundle.read(r.runDir().resolve(Auditor.EPISODES_DIR).resolve("doctor-001__reference"));
        for (StepRecord s : b.trajectory()) {
            assertThat(s.screenshot()).endsWith(".jpg");
            var img = javax.imageio.ImageIO.read(b.dir().resolve(s.screenshot()).toFile());
            assertThat(img.getWidth()).isEqualTo(412);
            assertThat(img.getHeight()).isEqualTo(915);
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
