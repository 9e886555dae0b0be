package dev.discreet.harness.junit;

import static dev.discreet.harness.assertj.DiscreetAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.agent.Agents;
import dev.discreet.harness.run.EpisodeResult;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The JUnit extension reads the device and farm settings as the CLI does (`discreet.X` for `--X`): the mock apps'
 * advertised URL reaches the phone, and a bad setting fails the test with the CLI's message.
 */
@Tag("device")
class JUnitFarmSettingsEndToEndTest {
    /** The user's test class. Nested, so Surefire does not run it by itself. */
    static class UserTests {
        @ParameterizedTest
        @DiscreetTasks(ids = "doctor-004")
        void reference(Task task, DiscreetDevice device) {
            EpisodeResult r = device.run(Agents.byName("reference").get(), task);
            assertThat(r).succeeded();
        }
    }

    @TempDir
    Path runs;

    private Map<String, TestExecutionResult> run(String key, String value) {
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(UserTests.class))
                .configurationParameter(DiscreetExtension.RUNS_DIR, runs.toString())
                .configurationParameter(key, value).build();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                // A bad setting fails where the session is first needed: the test, or its container.
                if (id.isTest() || result.getStatus() == TestExecutionResult.Status.FAILED) {
                    results.put(id.getDisplayName(), result);
                }
            }
        });
        return results;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theAppsUrlSettingReachesThePhoneAndABadSettingFailsWithTheCliMessage() throws Exception {
        Map<String, TestExecutionResult> ok = run("discreet.apps.url", "http://localhost");
        assertThat(ok).hasSize(1);
        assertThat(ok.values()).allSatisfy(r -> assertThat(r.getStatus())
                .as(String.valueOf(r.getThrowable().orElse(null))).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        Path episode;
        try (Stream<Path> s = Files.list(runs)) {
            episode = s.findFirst().orElseThrow().resolve("episodes/doctor-004__reference");
        }
        List<StepRecord> steps = EvidenceBundle.readLines(episode.resolve(EvidenceFiles.TRAJECTORY), StepRecord.class);
        assertThat(steps).isNotEmpty().extracting(StepRecord::url).allMatch(u -> u.startsWith("http://localhost:"));

        Map<String, TestExecutionResult> bad = run("discreet.apps.url", "http://10.0.2.2/apps");
        assertThat(bad.values()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(r.getThrowable().orElseThrow()).hasMessageContaining("only a scheme, host and port");
        });
    }
}
