package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.FarmOptions;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.mockapps.MockAppNetwork;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.StepRecord;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock apps advertised under another name than the address they listen on (here {@code localhost} for a
 * loopback server, as {@code 10.0.2.2} is for an emulator): the phone opens every page at the advertised URL and the
 * episode succeeds as on the default URL.
 */
@Tag("device")
class AppsUrlEndToEndTest {
    @TempDir
    Path runs;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void thePhoneUsesTheAdvertisedUrlAllTheWay() {
        RunOptions o = RunOptions.of(SuiteLoader.canonical()).withRunsDir(runs).withRunId("apps-url")
                .withAgents(List.of("reference")).withTaskIds(List.of("doctor-001")).withParallelism(1)
                .withAppiumUrl(SharedAppium.url())
                .withFarm(FarmOptions.defaults().withApps(MockAppNetwork.LOOPBACK
                        .withAdvertisedUrl(URI.create("http://localhost"))));
        RunResult r = new BenchmarkRunner(o).run();
        EpisodeAudit a = r.audits().get(0);
        assertThat(a.success()).as(a.status()).isTrue();
        List<StepRecord> steps = EvidenceBundle.readLines(r.runDir().resolve("episodes/doctor-001__reference")
                .resolve(EvidenceFiles.TRAJECTORY), StepRecord.class);
        assertThat(steps).isNotEmpty();
        assertThat(steps).extracting(StepRecord::url).allMatch(u -> u.startsWith("http://localhost:"), "on localhost");
        assertThat(r.manifest().parameters().get("apps")).isEqualTo("bind 127.0.0.1, advertised http://localhost");
    }
}
