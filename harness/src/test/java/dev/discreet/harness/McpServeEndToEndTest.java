package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Finding;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.agent.ToolResult;
import dev.discreet.harness.agent.internal.ReferenceAgent;
import dev.discreet.harness.device.Observation;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.harness.serve.McpEpisodeServer;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.EvidenceSeal;
import dev.discreet.tasks.evidence.UiElement;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code discreet serve --mcp}, Streamable HTTP: an MCP client from the same SDK plays a whole episode of a real task
 * (real Appium, Chromium and mock apps) through the server's tools only (get_task, observe, the GUI actions, the
 * privacy tools, finish), deciding with the reference agent's plan follower; the episode's audit equals the reference
 * agent's audit of the same task in an ordinary run.
 */
@Tag("device")
class McpServeEndToEndTest {
    private static final String TASK = "doctor-001";
    @TempDir
    Path tmp;
    @TempDir
    static Path referenceRuns;
    private static EpisodeAudit reference;

    /** The reference agent's audit of the task in an ordinary run (run once: both tests compare against it). */
    private static synchronized EpisodeAudit referenceAudit(TaskSuite suite) {
        if (reference == null) {
            RunResult run = new BenchmarkRunner(RunOptions.of(suite).withRunsDir(referenceRuns).withRunId("ref")
                    .withAgents(List.of("reference")).withTaskIds(List.of(TASK)).withAppiumUrl(SharedAppium.url())
                    .withParallelism(1)).run();
            EpisodeAudit expected = run.audits().get(0);
            assertThat(expected.success()).isTrue();
            reference = expected;
        }
        return reference;
    }

    /**
     * Plays the whole episode through the tools only, deciding with the reference plan follower (the test's own
     * client knows the plan; the server never sends it). Returns the number of actions sent.
     */
    private static int play(McpSyncClient client, Task task) throws Exception {
        client.initialize();
        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("get_task", "observe",
                "click", "type_text", "swipe", "open_app", "request_permission", "read_profile", "save_profile",
                "ask_user", "finish");
        JsonNode t = json(client.callTool(new McpSchema.CallToolRequest("get_task", Map.of())));
        assertThat(t.path("goal").asText()).isEqualTo(task.goal());
        assertThat(t.toString()).doesNotContain(TASK); // the user's words, not the task id
        EpisodeBrief brief = Json.mapper().treeToValue(t.get("brief"), EpisodeBrief.class);
        ReferenceAgent decider = new ReferenceAgent();
        decider.begin(brief, task);
        int actions = 0;
        boolean ended = false;
        while (!ended) {
            McpSchema.CallToolResult seen = client.callTool(new McpSchema.CallToolRequest("observe", Map.of()));
            assertThat(seen.content()).anyMatch(c -> c instanceof McpSchema.ImageContent i
                    && i.mimeType().equals("image/jpeg") && !i.data().isEmpty());
            AgentDecision d = decider.next(input(json(seen)));
            McpSchema.CallToolResult r = client.callTool(call(d.action()));
            actions++;
            assertThat(r.isError()).as("%s", r).isNotEqualTo(Boolean.TRUE);
            ended = json(r).path("episodeEnded").asBoolean(false);
            assertThat(actions).isLessThan(60);
        }
        JsonNode over = json(client.callTool(new McpSchema.CallToolRequest("get_task", Map.of())));
        assertThat(over.path("runOver").asBoolean()).isTrue();
        assertThat(over.path("message").asText()).contains("report.html");
        return actions;
    }

    private static void sameAudit(EpisodeAudit actual, EpisodeAudit expected, int actions, Path bundle) {
        assertThat(actual.agent()).isEqualTo("mcp-agent");
        assertThat(actions).isEqualTo(expected.steps());
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(actual.success()).isEqualTo(expected.success());
        assertThat(actual.steps()).isEqualTo(expected.steps());
        assertThat(actual.scores()).isEqualTo(expected.scores());
        assertThat(actual.findings()).extracting(Finding::rule, Finding::key, Finding::step)
                .containsExactlyElementsOf(expected.findings().stream()
                        .map(f -> org.assertj.core.groups.Tuple.tuple(f.rule(), f.key(), f.step())).toList());
        assertThat(EvidenceSeal.check(bundle).intact()).isTrue();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void anMcpClientPlaysAWholeEpisodeOverStreamableHttpToTheReferenceAgentsAudit() throws Exception {
        TaskSuite suite = SuiteLoader.canonical();
        Task task = suite.task(TASK).orElseThrow();
        EpisodeAudit expected = referenceAudit(suite);
        RunOptions run = RunOptions.of(suite).withRunsDir(tmp).withRunId("mcp").withTaskIds(List.of(TASK))
                .withAppiumUrl(SharedAppium.url());
        RunResult served;
        int actions;
        try (McpEpisodeServer server = McpEpisodeServer.start(run, "mcp-agent", Duration.ofMinutes(2), 0, null, null,
                line -> { })) {
            String base = server.url().toString().replace("/mcp", "");
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp").build())
                    .requestTimeout(Duration.ofMinutes(2)).build();
            try {
                actions = play(client, task);
            } finally {
                client.closeGracefully();
            }
            served = server.awaitEnd(Duration.ofSeconds(5));
        }
        sameAudit(served.audits().get(0), expected, actions, served.runDir().resolve("episodes").resolve(TASK + "__mcp-agent"));
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void anMcpClientPlaysAWholeEpisodeOverStdioOfTheServeCommand() throws Exception {
        TaskSuite suite = SuiteLoader.canonical();
        Task task = suite.task(TASK).orElseThrow();
        EpisodeAudit expected = referenceAudit(suite);
        // `discreet serve --mcp` in its own JVM, as a desktop MCP client would start it
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        io.modelcontextprotocol.client.transport.ServerParameters params =
                io.modelcontextprotocol.client.transport.ServerParameters.builder(java)
                        .args("-cp", System.getProperty("java.class.path"), "dev.discreet.harness.cli.Main", "serve",
                                "--mcp", "--tasks", TASK, "--runs-dir", tmp.toString(), "--run-id", "stdio",
                                "--appium-url", SharedAppium.url().toString(), "--linger", "5").build();
        var transport = new io.modelcontextprotocol.client.transport.StdioClientTransport(params,
                io.modelcontextprotocol.json.McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> { }); // the server's progress lines
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(2)).build();
        int actions;
        try {
            actions = play(client, task);
        } finally {
            client.closeGracefully();
        }
        Path bundle = tmp.resolve("stdio").resolve("episodes").resolve(TASK + "__mcp-agent");
        EpisodeAudit actual = dev.discreet.auditors.Auditor.readAudit(bundle.resolve("audit.json"));
        sameAudit(actual, expected, actions, bundle);
    }

    private static JsonNode json(McpSchema.CallToolResult r) throws Exception {
        String text = r.content().stream().filter(c -> c instanceof McpSchema.TextContent)
                .map(c -> ((McpSchema.TextContent) c).text()).reduce((a, b) -> b).orElseThrow();
        return Json.mapper().readTree(text);
    }

    private static AgentInput input(JsonNode o) throws Exception {
        List<UiElement> els = Json.mapper().convertValue(o.get("elements"), new TypeReference<List<UiElement>>() {});
        ToolResult tr = o.hasNonNull("toolResult") ? Json.mapper().treeToValue(o.get("toolResult"), ToolResult.class) : null;
        return new AgentInput(o.path("step").asInt(), new Observation(new byte[0], o.path("width").asInt(),
                o.path("height").asInt(), els, "", ""), o.hasNonNull("feedback") ? o.get("feedback").asText() : null, tr);
    }

    /** The MCP tool call for one of the agent's actions. */
    private static McpSchema.CallToolRequest call(Action a) {
        Map<String, Object> m = new LinkedHashMap<>();
        String tool = switch (a.name()) {
            case "click", "long_press", "double_click" -> {
                m.put("x", a.x());
                m.put("y", a.y());
                yield a.name();
            }
            case "type" -> {
                m.put("text", a.text());
                yield "type_text";
            }
            case "swipe" -> {
                m.put("direction", a.direction());
                if (a.startX() != null) {
                    m.put("start_x", a.startX());
                    m.put("start_y", a.startY());
                }
                yield "swipe";
            }
            case "system_button" -> {
                m.put("button", a.button());
                yield "system_button";
            }
            case "open" -> {
                m.put("app", a.app());
                yield "open_app";
            }
            case "wait" -> {
                if (a.durationMs() != null) m.put("duration_ms", a.durationMs());
                yield "wait";
            }
            case "terminate" -> {
                m.put("status", a.status());
                yield "finish";
            }
            case "request_permission" -> {
                m.put("intent", a.intent().wire());
                m.put("resource_id", a.resourceId());
                m.put("reason", a.reason());
                yield "request_permission";
            }
            case "read_profile" -> {
                m.put("key", a.key());
                yield "read_profile";
            }
            case "save_profile" -> {
                m.put("key", a.key());
                m.put("value", a.value());
                m.put("level", a.level().name());
                yield "save_profile";
            }
            case "ask_user" -> {
                m.put("question", a.question());
                if (a.options() != null) m.put("options", a.options());
                yield "ask_user";
            }
            default -> throw new IllegalArgumentException("no tool for " + a);
        };
        return new McpSchema.CallToolRequest(tool, m);
    }
}
