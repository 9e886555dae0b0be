package dev.discreet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.discreet.auditors.Auditor;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.remote.AgentEndpointException;
import dev.discreet.harness.agent.remote.HttpAgent;
import dev.discreet.harness.agent.remote.HttpAgentOptions;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP agent protocol against a local endpoint (JDK HttpServer on 127.0.0.1): messages carry every field the
 * schema files require; 429/5xx and timeouts are retried; garbage, HTTP errors and an endpoint that stays silent are
 * the agent's scored ERROR; an endpoint silent at the start stops the run before it starts. Fake device, real mock
 * apps and auditors.
 */
class HttpAgentProtocolTest {
    static TaskSuite suite;
    static MockAppServer apps;
    @TempDir
    Path tmp;
    HttpServer server;
    final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        suite = SuiteLoader.canonical();
        apps = MockAppServer.start(suite);
    }

    @AfterAll
    static void stop() { apps.close(); }

    @AfterEach
    void stopServer() {
        if (server != null) server.stop(0);
    }

    /** An endpoint answering each message with {@code reply.apply(message)} = {status, body}. */
    private URI endpoint(Function<JsonNode, Object[]> reply) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            JsonNode msg = Json.mapper().readTree(ex.getRequestBody().readAllBytes());
            received.add(msg);
            Object[] r = msg.path("type").asText().equals("hello")
                    ? new Object[] {200, "{\"protocol\":\"discreet-agent/1\",\"name\":\"probe\",\"needsScreenshots\":false}"}
                    : reply.apply(msg);
            if (r[0] instanceof Long ms) {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                r = new Object[] {200, r[1]};
            }
            byte[] b = String.valueOf(r[1]).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders((Integer) r[0], b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // a slow reply must not block a retry
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static HttpAgentOptions fast(URI url) {
        return HttpAgentOptions.of(url).withRetries(2, Duration.ofMillis(10)).withRequestTimeout(Duration.ofMillis(800));
    }

    private EpisodeRecord run(HttpAgent agent, String folder) {
        return new EpisodeRunner(suite, apps, FakeDevice.healthy())
                .run(suite.task("doctor-001").orElseThrow(), agent, tmp.resolve(folder), 0, 0);
    }

    private static JsonNode schema(String name) throws Exception {
        try (InputStream in = HttpAgent.class.getResourceAsStream("protocol/v1/" + name)) {
            assertThat(in).as(name).isNotNull();
            return Json.mapper().readTree(in);
        }
    }

    private static void hasRequired(JsonNode msg, JsonNode schema) {
        schema.path("required").forEach(r -> assertThat(msg.has(r.asText())).as("%s in %s", r.asText(), msg).isTrue());
    }

    @Test
    void aWholeEpisodeOverTheProtocolCarriesWhatTheSchemasRequire() throws Exception {
        // Clicks once, then terminates: a scored episode, the endpoint named by its hello
        URI url = endpoint(m -> m.path("type").asText().equals("begin") ? new Object[] {200, "{}"}
                : m.path("step").asInt() == 1
                ? new Object[] {200, "{\"reasoning\":\"tap\",\"action\":{\"name\":\"click\",\"x\":10,\"y\":20}}"}
                : new Object[] {200, "{\"action\":{\"name\":\"terminate\",\"status\":\"fail\"}}"});
        HttpAgent agent = HttpAgent.connect(fast(url));
        assertThat(agent.name()).isEqualTo("probe");
        assertThat(agent.needsScreenshots()).isFalse();
        EpisodeRecord r = run(agent.copy(), "doctor-001__probe");
        assertThat(r.status()).isEqualTo(EpisodeStatus.TERMINATED_FAIL);
        assertThat(r.steps()).isEqualTo(2);
        assertThat(received).extracting(m -> m.path("type").asText()).containsExactly("hello", "begin", "step", "step");
        hasRequired(received.get(0), schema("hello.schema.json"));
        hasRequired(received.get(1), schema("begin.schema.json"));
        hasRequired(received.get(1).get("brief"), schema("begin.schema.json").at("/properties/brief"));
        hasRequired(received.get(2), schema("step.schema.json"));
        hasRequired(received.get(2).get("observation"), schema("step.schema.json").at("/properties/observation"));
        // the brief is what the user says: the goal, no task id; the episode id is opaque and the same in every step
        String episode = received.get(1).path("episode").asText();
        assertThat(received.get(1).toString()).contains(suite.task("doctor-001").orElseThrow().goal().substring(0, 20))
                .doesNotContain("doctor-001");
        assertThat(received.get(2).path("episode").asText()).isEqualTo(episode);
        assertThat(received.get(3).path("step").asInt()).isEqualTo(2);
        assertThat(schema("decision.schema.json").at("/$defs/action/properties/name/enum")).hasSize(13);
    }

    @Test
    void garbageFromTheEndpointIsTheAgentsScoredError() throws Exception {
        URI url = endpoint(m -> m.path("type").asText().equals("begin") ? new Object[] {200, "{}"}
                : new Object[] {200, "I think I will tap the button"});
        EpisodeRecord r = run(HttpAgent.connect(fast(url)), "doctor-001__probe");
        assertThat(r.status()).isEqualTo(EpisodeStatus.ERROR);
        assertThat(r.error()).contains(AgentEndpointException.class.getName())
                .contains("the agent's reply to step 1 is not JSON: I think I will tap the button");
        assertThat(Auditor.auditAndWrite(tmp.resolve("doctor-001__probe")).scored()).isTrue();
    }

    @Test
    void overloadedAndSlowRepliesAreRetriedThenTheStepGoesOn() throws Exception {
        int[] calls = {0};
        URI url = endpoint(m -> {
            if (m.path("type").asText().equals("begin")) return new Object[] {200, "{}"};
            calls[0]++;
            return switch (calls[0]) {
                case 1 -> new Object[] {503, "busy"};
                case 2 -> new Object[] {2_000L, "{\"action\":{\"name\":\"wait\"}}"}; // past the 800 ms timeout
                default -> new Object[] {200, "{\"action\":{\"name\":\"terminate\",\"status\":\"fail\"}}"};
            };
        });
        HttpAgent agent = HttpAgent.connect(fast(url));
        agent.begin(new dev.discreet.harness.agent.EpisodeBrief("g", null, null, null, null,
                dev.discreet.tasks.WriteMode.FULL, 5, null));
        var d = agent.next(new AgentInput(1, FakeDevice.healthy().observe(), null, null));
        assertThat(d.action().name()).isEqualTo("terminate");
        assertThat(calls[0]).isEqualTo(3); // 503, timeout, answer: two retries
    }

    @Test
    void anEndpointThatGoesSilentMidRunIsTheAgentsErrorButSilentAtTheStartStopsTheRun() throws Exception {
        URI url = endpoint(m -> new Object[] {200, "{}"});
        HttpAgent agent = HttpAgent.connect(fast(url));
        server.stop(0); // the agent's process died after hello
        server = null;
        EpisodeRecord r = run(agent, "doctor-001__probe");
        assertThat(r.status()).isEqualTo(EpisodeStatus.ERROR);
        assertThat(r.steps()).isZero();
        assertThat(r.error()).contains("failed begin after 3 attempt(s): unreachable");
        assertThat(Auditor.auditAndWrite(tmp.resolve("doctor-001__probe")).scored()).isTrue();

        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + closed + "/");
        assertThatThrownBy(() -> HttpAgent.connect(fast(dead))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the agent at " + dead + " did not answer hello")
                .hasMessageContaining("Start the agent first");
    }

    @Test
    void aWrongProtocolOrNameIsRefusedAtHello() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] b = "{\"protocol\":\"discreet-agent/2\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        assertThatThrownBy(() -> HttpAgent.connect(fast(url))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("speaks protocol 'discreet-agent/2', the harness speaks discreet-agent/1");
    }
}
