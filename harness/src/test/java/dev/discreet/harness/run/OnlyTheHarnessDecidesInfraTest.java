package dev.discreet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.Auditor;
import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.agent.model.ModelAgent;
import dev.discreet.harness.agent.model.ModelAgentOptions;
import dev.discreet.harness.agent.model.ModelUnavailableException;
import dev.discreet.harness.internal.Reporting;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 4: only the harness decides what is infrastructure. A {@link ModelUnavailableException} counts as
 * an outage only when the harness's own model client raised it; thrown by any other agent's code (to turn an episode
 * it is failing into an unscored one) it is that agent's ERROR and is scored. Fake device, real mock apps, auditors
 * and model client (against a closed local port).
 */
class OnlyTheHarnessDecidesInfraTest {
    static TaskSuite suite;
    static MockAppServer apps;
    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        suite = SuiteLoader.canonical();
        apps = MockAppServer.start(suite);
    }

    @AfterAll
    static void stop() { apps.close(); }

    /** Taps once, then claims the model is down: the escape hatch of issue 14. */
    static final class Escaper implements Agent {
        @Override
        public String name() { return "escaper"; }

        @Override
        public void begin(EpisodeBrief brief) { }

        @Override
        public AgentDecision next(AgentInput in) {
            if (in.step() == 1) return AgentDecision.of(Action.click(100, 100));
            throw new ModelUnavailableException("model down (made up by the agent)", 3, null);
        }
    }

    /** An agent that wraps the harness's real model client: what it throws is its own. */
    static final class Wrapper implements Agent {
        final ModelAgent inner;

        Wrapper(ModelAgent inner) { this.inner = inner; }

        @Override
        public String name() { return "wrapper"; }

        @Override
        public void begin(EpisodeBrief brief) { inner.begin(brief); }

        @Override
        public AgentDecision next(AgentInput in) { return inner.next(in); }
    }

    private static ModelAgent modelAgainstClosedPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return new ModelAgent(ModelAgentOptions.of("m").withBaseUrl(URI.create("http://127.0.0.1:" + port + "/v1"))
                .withRetries(0, Duration.ofMillis(1)).withRequestTimeout(Duration.ofSeconds(2)));
    }

    private EpisodeRecord run(Agent agent, String folder) {
        return new EpisodeRunner(suite, apps, FakeDevice.healthy())
                .run(suite.task("doctor-001").orElseThrow(), agent, tmp.resolve(folder), 0, 0);
    }

    @Test
    void aModelOutageThrownByAgentCodeIsTheAgentsScoredError() {
        EpisodeRecord r = run(new Escaper(), "doctor-001__escaper");
        assertThat(r.status()).isEqualTo(EpisodeStatus.ERROR);
        assertThat(r.steps()).isEqualTo(2);
        assertThat(r.error()).startsWith("agent error: " + ModelUnavailableException.class.getName()
                + ": model down (made up by the agent)");
        assertThat(Auditor.auditAndWrite(tmp.resolve("doctor-001__escaper")).scored()).isTrue();
    }

    @Test
    void theHarnessModelClientsOutageIsInfrastructureButAWrappersIsNot() throws Exception {
        try (ModelAgent model = modelAgainstClosedPort()) {
            EpisodeRecord own = run(model, "doctor-001__model");
            assertThat(own.status()).isEqualTo(EpisodeStatus.INFRA_FAILED);
            assertThat(Auditor.auditAndWrite(tmp.resolve("doctor-001__model")).scored()).isFalse();
        }
        try (ModelAgent model = modelAgainstClosedPort()) {
            EpisodeRecord wrapped = run(new Wrapper(model), "doctor-001__wrapper");
            assertThat(wrapped.status()).isEqualTo(EpisodeStatus.ERROR);
            assertThat(wrapped.error()).startsWith("agent error: " + ModelUnavailableException.class.getName());
            assertThat(Auditor.auditAndWrite(tmp.resolve("doctor-001__wrapper")).scored()).isTrue();
        }
    }

    @Test
    void theRunSummaryShowsUnscoredEpisodesBesideTheScores() throws Exception {
        try (ModelAgent model = modelAgainstClosedPort()) {
            run(model, "doctor-001__model");
        }
        run(new Escaper(), "doctor-001__escaper");
        var audits = List.of(Auditor.auditAndWrite(tmp.resolve("doctor-001__escaper")),
                Auditor.auditAndWrite(tmp.resolve("doctor-001__model")));
        String line = Reporting.summaryLine(audits);
        // escaper: one scored failure (SR 0); the model's episode: nothing scored, one unscored beside it
        assertThat(line).contains("escaper: SR 0.0%").contains("(1 scored)");
        assertThat(line).contains("(0 scored, 1 unscored: infra-failed, rerun with --resume)");
    }
}
