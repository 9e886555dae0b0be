package dev.discreet.harness.agent.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.device.Observation;
import dev.discreet.tasks.Level;
import dev.discreet.tasks.WriteMode;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.Bounds;
import dev.discreet.tasks.evidence.UiElement;
import dev.discreet.tasks.evidence.Usage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model agent against the fake chat-completions server through the real openai-java client over plain HTTP:
 * prompts, parsing, retries, accounting. (The end-to-end episodes on a phone are in ModelAgentEndToEndTest.)
 */
class ModelAgentTest {
    static final String KEY = "sk-test-9f8e7d6c5b4a";
    @TempDir
    Path tmp;

    static final List<UiElement> ELEMENTS = List.of(
            new UiElement(0, "button", "My appointments", null, null, new Bounds(100, 200, 300, 260), true, false,
                    false, false),
            new UiElement(1, "textbox", null, "Full name", null, new Bounds(0, 1000, 1082, 1100), true, true, false,
                    false));

    static Observation screen() throws Exception {
        BufferedImage img = new BufferedImage(1082, 2402, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return new Observation(out.toByteArray(), 1082, 2402, ELEMENTS, "http://127.0.0.1/doctor", "MediBook");
    }

    static EpisodeBrief brief(WriteMode mode) {
        Map<String, String> low = new LinkedHashMap<>();
        low.put("full_name", "Mara Quill");
        Map<String, String> high = new LinkedHashMap<>();
        high.put("id_number", "National ID number");
        return new EpisodeBrief("Cancel my appointment.", low, high, Map.of("doctor", Level.HIGH),
                List.of("MediBook", "Privacy Manager"), mode, 30, null);
    }

    static ModelAgent agent(FakeChatServer s, ModelAgentOptions o) {
        return new ModelAgent(o.withBaseUrl(s.baseUrl()).withApiKeyEnv("FAKE_KEY_ENV"),
                n -> n.equals("FAKE_KEY_ENV") ? KEY : null);
    }

    static ModelAgentOptions fast(String model) {
        return ModelAgentOptions.of(model).withRetries(3, Duration.ofMillis(5))
                .withRequestTimeout(Duration.ofMillis(800));
    }

    @Test
    void promptCarriesTheContractAndTheKeyOnlyInTheHeader() throws Exception {
        try (FakeChatServer s = FakeChatServer.start(r -> FakeChatServer.Reply.text(
                "I open my appointments.\n```json\n{\"action\":\"click\"," + r.centreOf("My appointments") + "}\n```",
                1200, 30));
             ModelAgent a = agent(s, fast("fake-model"))) {
            a.begin(brief(WriteMode.FULL));
            AgentDecision d = a.next(new AgentInput(1, screen(), null, null));
            assertThat(d.action()).isEqualTo(Action.click(200, 230));
            assertThat(d.reasoning()).isEqualTo("I open my appointments.");
            FakeChatServer.Request r = s.requests().get(0);
            assertThat(r.authorization()).isEqualTo("Bearer " + KEY);
            assertThat(r.body().toString()).doesNotContain(KEY);
            assertThat(r.body().get("model").asText()).isEqualTo("fake-model");
            String system = r.body().get("messages").get(0).get("content").asText();
            assertThat(system).contains("full_name: Mara Quill").contains("id_number (National ID number)")
                    .contains("Cancel my appointment.").contains("MediBook, Privacy Manager")
                    .contains("- doctor: HIGH").contains("Full control").contains("write_data")
                    .contains("pixels of the screenshot (1082×2402)");
            assertThat(r.images()).isEqualTo(1);
            assertThat(r.lastUserText()).contains("[0] button \"My appointments\" (200, 230) clickable")
                    .contains("[1] textbox \"Full name\" (541, 1050) clickable editable");
        }
    }

    @Test
    void semiControlAndThousandthsAreExplained() throws Exception {
        try (FakeChatServer s = FakeChatServer.start(r -> FakeChatServer.Reply.text(
                "{\"action\":\"click\"," + r.centreOf("Full name") + "}", 10, 5));
             ModelAgent a = agent(s, fast("m").withCoords(CoordinateConvention.THOUSANDTHS))) {
            a.begin(brief(WriteMode.SEMI));
            AgentDecision d = a.next(new AgentInput(1, screen(), null, null));
            // (541, 1050) px is (500, 437) in thousandths, which maps back to (541, 1050) px.
            assertThat(s.requests().get(0).lastUserText()).contains("\"Full name\" (500, 437)");
            assertThat(d.action()).isEqualTo(Action.click(541, 1050));
            assertThat(s.requests().get(0).body().get("messages").get(0).get("content").asText())
                    .contains("Semi control").contains("integers from 0 to 1000");
        }
    }

    @Test
    void textOnlySendsNoImageAndAcceptsElementIndices() throws Exception {
        try (FakeChatServer s = FakeChatServer.start(
                r -> FakeChatServer.Reply.text("{\"action\":\"click\",\"element\":" + r.indexOf("Full name") + "}", 1, 1));
             ModelAgent a = agent(s, fast("m").withVision(false))) {
            a.begin(brief(WriteMode.FULL));
            assertThat(a.next(new AgentInput(1, screen(), null, null)).action()).isEqualTo(Action.click(541, 1050));
            assertThat(s.requests().get(0).images()).isZero();
        }
    }

    @Test
    void onlyTheLatestScreensStayButEveryToolResultDoes() throws Exception {
        try (FakeChatServer s = FakeChatServer.start().otherwise(
                r -> FakeChatServer.Reply.text("{\"action\":\"wait\"}", 100, 10));
             ModelAgent a = agent(s, fast("m").withHistoryScreens(2))) {
            a.begin(brief(WriteMode.FULL));
            for (int step = 1; step <= 5; step++) {
                String feedback = step == 2 ? "permission read_data id_number: denied by the user" : null;
                a.next(new AgentInput(step, screen(), feedback, null));
            }
            FakeChatServer.Request last = s.requests().get(4);
            assertThat(last.images()).isEqualTo(2);
            String all = last.body().get("messages").toString();
            assertThat(all).contains("permission read_data id_number: denied by the user");
            assertThat(all.split("screen omitted", -1)).hasSize(4); // steps 1-3 lost their screens
            assertThat(last.body().get("messages")).hasSize(1 + 5 + 4);
        }
    }

    @Test
    void aReplyWithoutAnActionIsInvalidAndTheModelIsToldExactlyWhatIsRecorded() throws Exception {
        try (FakeChatServer s = FakeChatServer.start(
                r -> FakeChatServer.Reply.text("I am not sure what to do.", 50, 7),
                r -> FakeChatServer.Reply.text("", 5, 0),
                r -> FakeChatServer.Reply.text("{\"action\":\"terminate\",\"status\":\"fail\"}", 60, 8));
             ModelAgent a = agent(s, fast("m"))) {
            a.begin(brief(WriteMode.FULL));
            AgentDecision d = a.next(new AgentInput(1, screen(), null, null));
            assertThat(d.action().name()).isEqualTo("unparseable");
            assertThat(d.reasoning()).isEqualTo("I am not sure what to do.");
            assertThat(d.invalidReason()).startsWith("your reply could not be used: no JSON action found")
                    .endsWith("Reply with reasoning and exactly one JSON action");
            // The runner records invalidReason as the step's message and feeds back "Invalid action: " + it.
            AgentDecision empty = a.next(new AgentInput(2, screen(), "Invalid action: " + d.invalidReason(), null));
            assertThat(s.requests().get(1).lastUserText()).contains("Invalid action: " + d.invalidReason());
            assertThat(empty.invalidReason()).isEqualTo("your reply could not be used: the reply was empty. Reply with "
                    + "reasoning and exactly one JSON action");
            a.next(new AgentInput(3, screen(), "Invalid action: " + empty.invalidReason(), null));
            assertThat(s.requests().get(2).lastUserText()).contains("Invalid action: " + empty.invalidReason())
                    .doesNotContain("unknown action");
            assertThat(a.episodeUsage()).isEqualTo(new Usage(115, 15, a.episodeUsage().latencyMs(), null, 3, 0));
        }
    }

    @Test
    void aRunawayReplyIsInvalidAndOnlyItsStartIsKept() throws Exception {
        String huge = "x".repeat(1_000_000) + "{\"action\":\"type\",\"text\":\"a\"}";
        try (FakeChatServer s = FakeChatServer.start(r -> FakeChatServer.Reply.text(huge, 10, 250_000))
                .otherwise(r -> FakeChatServer.Reply.text("{\"action\":\"wait\"}", 1, 1));
             ModelAgent a = agent(s, fast("m").withLimits(new ModelAgentOptions.InputLimits(1_000, 100_000)))) {
            a.begin(brief(WriteMode.FULL));
            AgentDecision d = a.next(new AgentInput(1, screen(), null, null));
            assertThat(d.invalidReason()).isEqualTo("your reply had " + huge.length() + " characters, more than the "
                    + "1000 accepted; reply with a short reasoning and exactly one JSON action");
            assertThat(d.reasoning()).hasSize(1_000);
            a.next(new AgentInput(2, screen(), "Invalid action: " + d.invalidReason(), null));
            String sent = s.requests().get(1).body().get("messages").toString();
            assertThat(sent.length()).isLessThan(100_000 + 1_082 * 2_402); // text within the limit, plus one image
            assertThat(s.requests().get(1).body().get("messages").get(2).get("content").asText())
                    .hasSize(1_000 + ("\n[cut: the reply had " + huge.length() + " characters]").length());
        }
    }

    @Test
    void aLongConversationHasItsOlderRepliesShortenedAndNeverExceedsTheLimit() throws Exception {
        String reasoning = "r".repeat(900);
        int limit = 20_000;
        try (FakeChatServer s = FakeChatServer.start().otherwise(
                r -> FakeChatServer.Reply.text(reasoning + "\n{\"action\":\"wait\"}", 1, 1));
             ModelAgent a = agent(s, fast("m").withVision(false)
                     .withLimits(new ModelAgentOptions.InputLimits(1_000, limit)))) {
            a.begin(brief(WriteMode.FULL));
            for (int step = 1; step <= 30; step++) {
                AgentDecision d = a.next(new AgentInput(step, screen(), null, null));
                assertThat(d.invalidReason()).as("step %d", step).isNull();
            }
            int shortened = 0;
            for (FakeChatServer.Request r : s.requests()) {
                int text = 0;
                for (var m : r.body().get("messages")) text += m.get("content").asText().length();
                assertThat(text).as("request %d", r.n()).isLessThanOrEqualTo(limit);
                if (r.body().get("messages").toString().contains("[shortened: ")) shortened++;
            }
            assertThat(shortened).isPositive();
            assertThat(s.requests()).hasSize(30);
        }
    }

    @Test
    void aScreenTooLargeForThePromptIsAnInvalidStepWithoutAModelCall() throws Exception {
        List<UiElement> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(new UiElement(i, "button", "Slot number " + i + " with a long label", null, null,
                    new Bounds(0, i, 100, i + 1), true, false, false, false));
        }
        Observation big = new Observation(screen().screenshotPng(), 1082, 2402, many, "http://127.0.0.1/doctor", "x");
        try (FakeChatServer s = FakeChatServer.start();
             ModelAgent a = agent(s, fast("m").withLimits(new ModelAgentOptions.InputLimits(1_000, 40_000)))) {
            a.begin(brief(WriteMode.FULL));
            AgentDecision d = a.next(new AgentInput(1, big, null, null));
            assertThat(d.action()).isNull();
            assertThat(d.invalidReason()).startsWith("the conversation would be ")
                    .contains("over the limit of 40000").endsWith("the model was not asked this step");
            assertThat(s.requests()).isEmpty();
            assertThat(a.lastStepUsage().calls()).isZero();
        }
    }

    @Test
    void rateLimitIsRetriedAndCounted() throws Exception {
        Path prices = tmp.resolve("prices.json");
        Files.writeString(prices, "{\"m\": {\"input\": 2.5, \"output\": 10}}");
        try (FakeChatServer s = FakeChatServer.start(
                r -> FakeChatServer.Reply.status(429),
                r -> FakeChatServer.Reply.status(503),
                r -> FakeChatServer.Reply.text("{\"action\":\"wait\"}", 1000, 200));
             ModelAgent a = agent(s, fast("m").withPrices(PriceTable.load(prices)))) {
            a.begin(brief(WriteMode.FULL));
            assertThat(a.next(new AgentInput(1, screen(), null, null)).action()).isEqualTo(Action.named("wait"));
            Usage u = a.lastStepUsage();
            assertThat(u.calls()).isEqualTo(3);
            assertThat(u.retries()).isEqualTo(2);
            assertThat(u.promptTokens()).isEqualTo(1000);
            assertThat(u.completionTokens()).isEqualTo(200);
            assertThat(u.costUsd()).isEqualTo((1000 * 2.5 + 200 * 10) / 1e6);
            assertThat(s.requests()).hasSize(3);
        }
    }

    @Test
    void aServerThatClosesEachConnectionCostsNoRetries() throws Exception {
        // Each reply closes its connection without saying so: the pooled connection is found closed by the next call,
        // which must be retried at once and not counted (the request never reached the server).
        try (FakeChatServer s = FakeChatServer.startClosingEachConnection().otherwise(
                r -> FakeChatServer.Reply.text("{\"action\":\"wait\"}", 10, 2));
             ModelAgent a = agent(s, fast("m"))) {
            a.begin(brief(WriteMode.FULL));
            for (int step = 1; step <= 4; step++) {
                assertThat(a.next(new AgentInput(step, screen(), null, null)).action()).isEqualTo(Action.named("wait"));
                assertThat(a.lastStepUsage().calls()).as("calls of step %d", step).isEqualTo(1);
                assertThat(a.lastStepUsage().retries()).as("retries of step %d", step).isZero();
            }
            assertThat(s.requests()).hasSize(4);
            assertThat(a.episodeUsage().calls()).isEqualTo(4);
        }
    }

    @Test
    void rateLimitsAndServerErrorsOnAClosingServerUseTheWholeRetryBudget() throws Exception {
        // 3 retries allow 4 real requests: 429, 429, 500, then the answer.
        try (FakeChatServer s = FakeChatServer.startClosingEachConnection(
                r -> FakeChatServer.Reply.status(429),
                r -> FakeChatServer.Reply.status(429),
                r -> FakeChatServer.Reply.status(500),
                r -> FakeChatServer.Reply.text("{\"action\":\"wait\"}", 10, 2));
             ModelAgent a = agent(s, fast("m"))) {
            a.begin(brief(WriteMode.FULL));
            assertThat(a.next(new AgentInput(1, screen(), null, null)).action()).isEqualTo(Action.named("wait"));
            assertThat(a.lastStepUsage().calls()).isEqualTo(4);
            assertThat(a.lastStepUsage().retries()).isEqualTo(3);
            assertThat(s.requests()).hasSize(4);
        }
    }

    @Test
    void timeoutsExhaustTheRetries() throws Exception {
        try (FakeChatServer s = FakeChatServer.start().otherwise(
                r -> FakeChatServer.Reply.text("{\"action\":\"wait\"}", 1, 1).after(Duration.ofSeconds(3)));
             ModelAgent a = agent(s, fast("m").withRetries(2, Duration.ofMillis(5))
                     .withRequestTimeout(Duration.ofMillis(300)))) {
            a.begin(brief(WriteMode.FULL));
            assertThatThrownBy(() -> a.next(new AgentInput(1, screen(), null, null)))
                    .isInstanceOf(ModelUnavailableException.class)
                    .hasMessageContaining("after 3 call(s) (2 retries)")
                    .hasMessageNotContaining(KEY);
            assertThat(a.episodeUsage().calls()).isEqualTo(3);
            assertThat(a.episodeUsage().retries()).isEqualTo(2);
        }
    }

    @Test
    void aRefusedKeyIsNotRetriedAndStopsTheRun() throws Exception {
        for (int status : new int[] {401, 403}) {
            try (FakeChatServer s = FakeChatServer.start().otherwise(r -> FakeChatServer.Reply.status(status));
                 ModelAgent a = agent(s, fast("m"))) {
                a.begin(brief(WriteMode.FULL));
                assertThatThrownBy(() -> a.next(new AgentInput(1, screen(), null, null)))
                        .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("HTTP " + status)
                        .hasMessageContaining("--api-key-env")
                        .matches(e -> ((ModelUnavailableException) e).keyRefused(), "keyRefused");
                assertThat(s.requests()).hasSize(1);
            }
        }
        try (FakeChatServer s = FakeChatServer.start().otherwise(r -> FakeChatServer.Reply.status(404));
             ModelAgent a = agent(s, fast("m"))) {
            a.begin(brief(WriteMode.FULL));
            assertThatThrownBy(() -> a.next(new AgentInput(1, screen(), null, null)))
                    .matches(e -> !((ModelUnavailableException) e).keyRefused(), "not keyRefused");
        }
    }

    @Test
    void aKeyIsNeverSentOverPlainHttpToAnotherHostUnlessAllowed() {
        // Decided from the URL when the agent is built: no request is made to these hosts.
        Function<String, String> env = n -> n.equals("K") ? KEY : null;
        for (String url : new String[] {"http://model.example.com/v1", "http://10.1.2.3:8000/v1", "http://[fd00::1]/v1"}) {
            assertThatThrownBy(() -> new ModelAgent(ModelAgentOptions.of("m").withApiKeyEnv("K")
                    .withBaseUrl(java.net.URI.create(url)), env))
                    .as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("refusing to send the API key from K over plain HTTP")
                    .hasMessageContaining("--allow-insecure-key").hasMessageNotContaining(KEY);
            new ModelAgent(ModelAgentOptions.of("m").withApiKeyEnv("K").withBaseUrl(java.net.URI.create(url))
                    .withAllowInsecureKey(true), env).close();
        }
        for (String url : new String[] {"https://model.example.com/v1", "http://127.0.0.1:8000/v1",
                "http://localhost:11434/v1", "http://[::1]:8000/v1"}) {
            new ModelAgent(ModelAgentOptions.of("m").withApiKeyEnv("K").withBaseUrl(java.net.URI.create(url)), env)
                    .close();
        }
    }

    @Test
    void aMissingKeyForAHostedApiIsRejectedUpFront() {
        assertThatThrownBy(() -> new ModelAgent(ModelAgentOptions.of("gpt-4o").withApiKeyEnv("NO_SUCH_KEY_VAR"),
                n -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment variable NO_SUCH_KEY_VAR is not set");
    }

    @Test
    void optionsRejectBadValuesByName() {
        assertThatThrownBy(() -> ModelAgentOptions.of("m").withApiKeyEnv("sk-abc-123"))
                .hasMessageContaining("NAME of an environment variable");
        assertThatThrownBy(() -> ModelAgentOptions.of("m").withHistoryScreens(0)).hasMessageContaining("historyScreens");
        assertThat(ModelAgentOptions.of("Qwen/Qwen2.5-VL-7B-Instruct").agentName()).isEqualTo("qwen-qwen2.5-vl-7b-instruct");
    }

    @Test
    void priceTableProblemsNameTheModel() throws Exception {
        Path p = tmp.resolve("p.json");
        Files.writeString(p, "{\"gpt-4o\": {\"input\": \"cheap\"}}");
        assertThatThrownBy(() -> PriceTable.load(p)).hasMessageContaining("model 'gpt-4o'")
                .hasMessageContaining(p.toString());
        assertThat(PriceTable.EMPTY.cost("gpt-4o", 10, 10)).isNull();
    }
}
