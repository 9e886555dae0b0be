package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Rules;
import dev.discreet.harness.agent.remote.HttpAgent;
import dev.discreet.harness.agent.remote.HttpAgentOptions;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EvidenceSeal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python example agent ({@code harness/examples/http-agent/agent.py}, standard library only) completes a real
 * task through the HTTP protocol: real Appium, Chromium and mock apps; audited like any agent, with an intact seal.
 */
@Tag("device")
class HttpAgentEndToEndTest {
    @TempDir
    Path tmp;

    /** harness/examples/... from the module folder (tests run in harness/) or the repository root. */
    private static Path example() {
        for (Path p : List.of(Path.of("examples/http-agent/agent.py"), Path.of("harness/examples/http-agent/agent.py"))) {
            if (Files.isRegularFile(p)) return p.toAbsolutePath();
        }
        throw new IllegalStateException("harness/examples/http-agent/agent.py not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void thePythonExampleCancelsAnAppointmentThroughTheProtocol() throws Exception {
        TaskSuite suite = SuiteLoader.canonical();
        // doctor-004: "Cancel my appointment with Dr. Lucas Mensah on Tuesday at 09:00" (no HIGH item needed)
        Path plan = tmp.resolve("plan.json");
        Files.writeString(plan, "[{\"open\": \"doctor\"}, {\"tap\": \"My appointments\"}, "
                + "{\"tap\": \"Cancel appointment with Dr. Lucas Mensah on Tue 09:00\"}, {\"terminate\": \"success\"}]");
        Process py = new ProcessBuilder("python3", example().toString(), "--plan", plan.toString(), "--port", "0",
                "--name", "py-plan", "--exit-on-stdin-eof").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("the agent's first line").startsWith("listening on http://127.0.0.1:");
            URI url = URI.create(line.substring("listening on ".length()));
            HttpAgent agent = HttpAgent.connect(HttpAgentOptions.of(url));
            assertThat(agent.name()).isEqualTo("py-plan");
            RunResult r = new BenchmarkRunner(RunOptions.of(suite).withRunsDir(tmp).withRunId("http")
                    .withAgents(List.of("py-plan")).withTaskIds(List.of("doctor-004"))
                    .withAppiumUrl(SharedAppium.url()).withParallelism(1))
                    .withAgent("py-plan", agent::copy).run();
            EpisodeAudit a = r.audits().get(0);
            assertThat(a.status()).isEqualTo("TERMINATED_SUCCESS");
            assertThat(a.success()).isTrue();
            assertThat(a.scored()).isTrue();
            assertThat(a.findings()).noneMatch(f -> Rules.EVIDENCE_TAMPERED.equals(f.rule()));
            Path bundle = r.runDir().resolve("episodes").resolve("doctor-004__py-plan");
            assertThat(EvidenceSeal.check(bundle).intact()).isTrue();
            // its reasoning is on record, step by step
            assertThat(Files.readString(bundle.resolve("trajectory.jsonl")))
                    .contains("Opening doctor.").contains("Tapping 'My appointments'.");
        } finally {
            py.getOutputStream().close(); // its stdin closes: it stops by itself
            if (!py.waitFor(5, TimeUnit.SECONDS)) py.destroyForcibly();
        }
    }
}
