package dev.discreet.harness.agent.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.internal.ReplayAgent;
import dev.discreet.harness.device.AppiumServer;
import dev.discreet.harness.device.AppiumServerOptions;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.StepRecord;
import dev.discreet.tasks.evidence.Usage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-backed episodes end to end: the real Appium server and headless Chromium drive the mock apps, the model is
 * the fake chat-completions server on 127.0.0.1, reached through the openai-java client.
 */
@org.junit.jupiter.api.Tag("device") // real Appium + Chromium: integration-test phase (Failsafe)
class ModelAgentEndToEndTest {
    static final String KEY = "sk-DISCREET-canary-7Q2xv91LmZ";
    static final String CANCEL = "Cancel appointment with Dr. Lucas Mensah on Tue 09:00";
    static AppiumServer appium;
    static TaskSuite suite;
    static final List<ModelAgent> made = new ArrayList<>();
    @TempDir
    static Path runs;

    @BeforeAll
    static void start() throws Exception {
        suite = SuiteLoader.canonical();
        appium = AppiumServer.start(AppiumServerOptions.discover()
                .withLogFile(Files.createTempFile("discreet-model-e2e-appium-", ".log")));
    }

    @AfterAll
    static void stop() {
        made.forEach(ModelAgent::close);
        if (appium != null) appium.close();
    }

    static RunResult run(String runId, FakeChatServer server, ModelAgentOptions o, boolean resume) {
        ModelAgentOptions opts = o.withBaseUrl(server.baseUrl()).withApiKeyEnv("DISCREET_FAKE_KEY");
        Function<String, String> env = n -> n.equals("DISCREET_FAKE_KEY") ? KEY : null;
        return new BenchmarkRunner(RunOptions.of(suite).withRunsDir(runs).withRunId(runId)
                .withAgents(List.of(opts.agentName())).withTaskIds(List.of("doctor-004"))
                .withAppiumUrl(appium.url()).withResume(resume))
                .withAgent(opts.agentName(), () -> {
                    ModelAgent a = new ModelAgent(opts, env);
                    made.add(a);
                    return a;
                })
                .onProgress(System.out::println)
                .run();
    }

    static ModelAgentOptions options() {
        return ModelAgentOptions.of("fake-model").withCoords(CoordinateConvention.THOUSANDTHS)
                .withRetries(2, Duration.ofMillis(10)).withRequestTimeout(Duration.ofSeconds(20));
    }

    static FakeChatServer.Reply say(String text, long in, long out) { return FakeChatServer.Reply.text(text, in, out); }

    /** The successful script: an HTML/script-laden first reply, a 429, a malformed reply, then the plan. */
    static FakeChatServer cancelScript() {
        return FakeChatServer.start(
                r -> say("<b>Plan</b><script>alert('pwned')</script> I open MediBook.\n{\"action\":\"open\",\"app\":\"MediBook\"}",
                        1000, 40),
                r -> FakeChatServer.Reply.status(429),
                r -> say("My appointments lists it.\n{\"action\":\"click\"," + r.centreOf("My appointments") + "}",
                        2000, 30),
                r -> say("Now I cancel {\"action\": \"click\", \"x\": ", 3000, 20),
                r -> say("```json\n{\"action\":\"click\"," + r.centreOf(CANCEL) + "}\n```", 4000, 25),
                // The app asks for confirmation in a dialog.
                r -> say("Confirming.\n{\"action\":\"click\"," + r.centreOf("Yes, cancel") + "}", 1000, 5),
                r -> say("Cancelled. {\"action\":\"terminate\",\"status\":\"success\"}", 5000, 10));
    }

    @Test
    void aRefusedKeyStopsTheRunWithAClearMessageAndANonZeroExit() throws Exception {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try (FakeChatServer server = FakeChatServer.start().otherwise(r -> FakeChatServer.Reply.status(401))) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            try {
                code = dev.discreet.harness.cli.Main.execute("run", "--model", "fake-model", "--base-url",
                        server.baseUrl().toString(), "--tasks", "doctor-001,doctor-004", "--runs-dir", runs.toString(),
                        "--run-id", "refused", "--appium-url", appium.url().toString(),
                        "--parallel", "1"); // one phone: the second task would start only after the first
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            assertThat(server.requests()).hasSize(1); // not retried, and no second episode asked
        }
        String message = captured.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(message).startsWith("error: the model server refused the API key, so the run stopped: ")
                .contains("HTTP 401").contains("--resume --run-id refused").doesNotContain("\tat ");
        Path episodes = runs.resolve("refused/episodes");
        EpisodeRecord first = Json.mapper().readValue(episodes.resolve("doctor-001__fake-model")
                .resolve(EvidenceFiles.EPISODE).toFile(), EpisodeRecord.class);
        assertThat(first.status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
        assertThat(episodes.resolve("doctor-004__fake-model")).doesNotExist();
    }

    @Test
    void aScriptedModelCancelsTheAppointmentWithHonestAccountingAndNoKeyOnDisk() throws Exception {
        Path prices = Files.writeString(runs.resolve("prices.json"), "{\"fake-model\":{\"input\":2.0,\"output\":8.0}}");
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        RunResult r;
        FakeChatServer server = cancelScript();
        try (server) {
            PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
            System.setOut(tee);
            System.setErr(tee);
            r = run("model", server, options().withPrices(PriceTable.load(prices)), false);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        EpisodeAudit audit = r.audits().get(0);
        assertThat(audit.agent()).isEqualTo("fake-model");
        assertThat(audit.success()).isTrue();
        assertThat(audit.scored()).isTrue();
        assertThat(audit.steps()).isEqualTo(6);
        assertThat(audit.invalidSteps()).isEqualTo(1);

        Path dir = r.runDir().resolve("episodes/doctor-004__fake-model");
        List<StepRecord> steps = EvidenceBundle.read(dir).trajectory();
        assertThat(steps).extracting(StepRecord::result).containsExactly("ok", "ok", "invalid", "ok", "ok", "ok");
        assertThat(steps.get(2).action().name()).isEqualTo("unparseable");
        assertThat(steps.get(2).reasoning()).isEqualTo("Now I cancel {\"action\": \"click\", \"x\": ");
        // The model's markup is evidence: stored verbatim, never rendered.
        assertThat(steps.get(0).reasoning()).contains("<script>alert('pwned')</script>");
        String html = Files.readString(r.report());
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>Plan</b>");
        // The malformed reply's reason reached the model on the next turn, word for word as recorded.
        assertThat(steps.get(2).message()).startsWith("your reply could not be used: ");
        assertThat(server.requests().get(4).lastUserText()).contains("Invalid action: " + steps.get(2).message());

        // Accounting: per step as the server reported, the 429 counted as a call and a retry.
        assertThat(steps.get(0).usage().promptTokens()).isEqualTo(1000);
        assertThat(steps.get(1).usage().calls()).isEqualTo(2);
        assertThat(steps.get(1).usage().retries()).isEqualTo(1);
        assertThat(steps.get(5).usage().costUsd()).isEqualTo((5000 * 2.0 + 10 * 8.0) / 1e6);
        EpisodeRecord ep = Json.mapper().readValue(dir.resolve(EvidenceFiles.EPISODE).toFile(), EpisodeRecord.class);
        Usage u = ep.usage();
        assertThat(u.promptTokens()).isEqualTo(16_000);
        assertThat(u.completionTokens()).isEqualTo(130);
        assertThat(u.calls()).isEqualTo(7);
        assertThat(u.retries()).isEqualTo(1);
        assertThat(u.costUsd()).isCloseTo((16_000 * 2.0 + 130 * 8.0) / 1e6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(u.latencyMs()).isEqualTo(Math.round(steps.stream().mapToDouble(s -> s.usage().latencyMs()).sum() * 100) / 100.0,
                org.assertj.core.api.Assertions.within(0.05));
        assertThat(audit.usage()).isEqualTo(u);
        String results = Files.readString(r.runDir().resolve("results.json"));
        assertThat(Json.mapper().readTree(results).at("/summary/usage/promptTokens").asLong()).isEqualTo(16_000);
        assertThat(Json.mapper().readTree(results).at("/summary/byAgent/fake-model/usage/calls").asInt()).isEqualTo(7);

        // The key went to the server in the header and nowhere else.
        assertThat(server.requests()).allSatisfy(q -> assertThat(q.authorization()).isEqualTo("Bearer " + KEY));
        try (Stream<Path> files = Files.walk(r.runDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(KEY).doesNotContain("7Q2xv91LmZ");
            }
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("doctor-004").doesNotContain(KEY);

        // Replay the recorded trajectory without any model: same steps, same outcome.
        RunResult replay = new BenchmarkRunner(RunOptions.of(suite).withRunsDir(runs).withRunId("replay")
                .withAgents(List.of("replay")).withTaskIds(List.of("doctor-004")).withAppiumUrl(appium.url()))
                .withAgent("replay", () -> (Agent) new ReplayAgent(r.runDir(), null)).run();
        EpisodeAudit again = replay.audits().get(0);
        assertThat(again.agent()).isEqualTo("replay");
        assertThat(again.success()).isTrue();
        assertThat(again.steps()).isEqualTo(6);
        assertThat(again.invalidSteps()).isEqualTo(1);
        assertThat(again.usage()).isNull();
    }

    @Test
    void aModelThatKeepsTimingOutIsInfraFailedNotScoredAndRerunOnResume() throws Exception {
        RunResult r;
        try (FakeChatServer slow = FakeChatServer.start().otherwise(
                q -> say("{\"action\":\"wait\"}", 1, 1).after(Duration.ofSeconds(5)))) {
            r = run("infra", slow, options().withRequestTimeout(Duration.ofMillis(400)), false);
            assertThat(slow.requests()).hasSize(3);
        }
        EpisodeAudit audit = r.audits().get(0);
        assertThat(audit.status()).isEqualTo("INFRA_FAILED");
        assertThat(audit.scored()).isFalse();
        assertThat(audit.usage().calls()).isEqualTo(3);
        EpisodeRecord ep = Json.mapper().readValue(
                r.runDir().resolve("episodes/doctor-004__fake-model").resolve(EvidenceFiles.EPISODE).toFile(),
                EpisodeRecord.class);
        assertThat(ep.status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
        assertThat(ep.error()).contains("model unavailable after 3 call(s) (2 retries)");
        var summary = Json.mapper().readTree(r.runDir().resolve("results.json").toFile()).get("summary");
        assertThat(summary.get("scored").asInt()).isZero();
        assertThat(summary.get("infraFailed").asInt()).isEqualTo(1);
        assertThat(summary.get("successRate").isNull()).isTrue();

        // The model is back: --resume reruns the infra-failed episode, which now scores.
        try (FakeChatServer back = cancelScript()) {
            RunResult again = run("infra", back, options(), true);
            assertThat(again.audits().get(0).status()).isEqualTo("TERMINATED_SUCCESS");
            assertThat(again.audits().get(0).success()).isTrue();
        }
    }

    @Test
    void theCommandLineRunsAModelAndReplaysIt() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code, replayCode;
        try (FakeChatServer server = cancelScript()) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = dev.discreet.harness.cli.Main.execute("run", "--model", "fake-model", "--base-url",
                    server.baseUrl().toString(), "--api-key-env", "DISCREET_UNSET_KEY_VAR", "--coords", "thousandths",
                    "--retry-base-ms", "10", "--tasks", "doctor-004", "--runs-dir", runs.toString(), "--run-id", "cli",
                    "--appium-url", appium.url().toString());
            replayCode = dev.discreet.harness.cli.Main.execute("run", "--replay", runs.resolve("cli").toString(),
                    "--tasks", "doctor-004", "--runs-dir", runs.toString(), "--run-id", "cli-replay",
                    "--appium-url", appium.url().toString());
            // A local server needs no key: the placeholder is sent.
            assertThat(server.requests().get(0).authorization()).isEqualTo("Bearer EMPTY");
        } finally {
            System.setOut(out);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(replayCode).as(printed).isZero();
        assertThat(printed).contains("fake-model doctor-004: TERMINATED_SUCCESS, 6 steps, success=true")
                .contains("replay doctor-004: TERMINATED_SUCCESS, 6 steps, success=true");
        var results = Json.mapper().readTree(runs.resolve("cli/results.json").toFile());
        assertThat(results.at("/summary/byAgent/fake-model/usage/promptTokens").asLong()).isEqualTo(16_000);
        assertThat(results.at("/summary/byAgent/fake-model/usage/costUsd").isMissingNode()).isTrue(); // no prices
    }
}
