package dev.discreet.harness.agent.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.device.Observation;
import dev.discreet.harness.device.ScreenshotFormat;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.action.Action;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An agent in any language, behind an HTTP endpoint (protocol {@value #PROTOCOL}; JSON Schemas in
 * {@code harness/src/main/resources/dev/discreet/harness/agent/remote/protocol/v1/}). Every message is a POST of one
 * JSON object to the endpoint:
 * <ul>
 *   <li>{@code hello} once when the run starts: the endpoint answers with its {@code name} and whether it
 *   {@code needsScreenshots}; an endpoint that does not answer stops the run before it starts (exit 2);</li>
 *   <li>{@code begin} at the start of each episode, with an opaque episode id and the brief (goal, LOW values, HIGH
 *   keys by label, app levels, apps, write mode, step budget, session role): what the user says, nothing of the
 *   answer key, no file, no task id;</li>
 *   <li>{@code step} for every step, with the screenshot (base64 JPEG or PNG), the element list, the feedback and the
 *   previous privacy tool's result; the answer is one decision: {@code {"reasoning": "...", "action": {...}}}.</li>
 * </ul>
 *
 * <p><b>Who failed.</b> The endpoint is the agent: an HTTP error, a reply that is not a decision, and an endpoint
 * that stays unreachable or silent through every retry all end the episode {@code ERROR}, scored, like an exception
 * of an in-process agent. Otherwise an agent could escape the score of any episode it is failing by dropping the
 * connection. Timeouts, refused connections, HTTP 429 and 5xx are retried first ({@link HttpAgentOptions#retries()},
 * doubling back-off). An action the harness cannot carry out (an unknown name, a tap off screen) is an invalid step,
 * as for any agent.
 */
public final class HttpAgent implements Agent {
    public static final String PROTOCOL = "discreet-agent/1";
    /** A decision larger than this is not a decision. */
    static final int MAX_REPLY_CHARS = 64_000;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private final HttpAgentOptions options;
    private final HttpClient http;
    private final String name;
    private final boolean needsScreenshots;
    private String episode;

    private HttpAgent(HttpAgentOptions options, HttpClient http, String name, boolean needsScreenshots) {
        this.options = options;
        this.http = http;
        this.name = name;
        this.needsScreenshots = needsScreenshots;
    }

    /**
     * Says {@code hello} to the endpoint and returns an agent for it.
     *
     * @throws IllegalStateException when the endpoint does not answer or its answer is not a hello of this protocol
     *                               (the run must not start)
     */
    public static HttpAgent connect(HttpAgentOptions options) {
        HttpClient http = client(options);
        Map<String, Object> hello = message("hello");
        hello.put("protocols", java.util.List.of(PROTOCOL));
        JsonNode reply;
        try {
            reply = post(options, http, hello);
        } catch (AgentEndpointException e) {
            throw new IllegalStateException("the agent at " + options.url() + " did not answer hello: " + e.getMessage()
                    + ". Start the agent first (e.g. python3 harness/examples/http-agent/agent.py), then the run", e);
        }
        String protocol = reply.path("protocol").asText("");
        if (!PROTOCOL.equals(protocol)) {
            throw new IllegalStateException("the agent at " + options.url() + " speaks protocol '" + protocol
                    + "', the harness speaks " + PROTOCOL + ": answer hello with {\"protocol\": \"" + PROTOCOL
                    + "\", \"name\": \"my-agent\"}");
        }
        String name = reply.path("name").asText("remote");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("the agent at " + options.url() + " calls itself '" + name + "': a name is "
                    + "1-40 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        return new HttpAgent(options, http, name, reply.path("needsScreenshots").asBoolean(true));
    }

    /** Another agent for the same endpoint (one per phone), without a second hello. */
    public HttpAgent copy() { return new HttpAgent(options, client(options), name, needsScreenshots); }

    private static HttpClient client(HttpAgentOptions o) {
        return HttpClient.newBuilder().connectTimeout(o.requestTimeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String name() { return name; }

    @Override
    public boolean needsScreenshots() { return needsScreenshots; }

    @Override
    public void begin(EpisodeBrief brief) {
        episode = UUID.randomUUID().toString();
        Map<String, Object> m = message("begin");
        m.put("episode", episode);
        m.put("brief", brief);
        post(options, http, m);
    }

    @Override
    public AgentDecision next(AgentInput in) {
        if (episode == null) throw new IllegalStateException("next() before begin()");
        Map<String, Object> m = message("step");
        m.put("episode", episode);
        m.put("step", in.step());
        m.put("observation", observation(in.observation()));
        m.put("feedback", in.feedback());
        m.put("toolResult", in.toolResult());
        JsonNode reply = post(options, http, m);
        JsonNode action = reply.get("action");
        if (action == null || !action.isObject() || !action.path("name").isTextual()) {
            throw new AgentEndpointException("the agent's reply to step " + in.step() + " has no action object with a "
                    + "name: " + clip(reply.toString()), null);
        }
        Action a;
        try {
            a = Json.mapper().treeToValue(action, Action.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new AgentEndpointException("the agent's action at step " + in.step() + " does not fit the protocol: "
                    + clip(String.valueOf(e.getMessage()).lines().findFirst().orElse("")), e);
        }
        JsonNode reasoning = reply.get("reasoning");
        return new AgentDecision(reasoning == null || reasoning.isNull() ? null : reasoning.asText(), a);
    }

    /** What the agent sees: the picture, the element list and the page title; not the URL (it names the episode). */
    static Map<String, Object> observation(Observation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", o.width());
        m.put("height", o.height());
        m.put("title", o.title());
        m.put("elements", o.elements());
        ScreenshotFormat f = o.screenshotFormat();
        if (f == ScreenshotFormat.NONE) {
            m.put("screenshot", null);
        } else {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("mediaType", f == ScreenshotFormat.PNG ? "image/png" : "image/jpeg");
            s.put("base64", Base64.getEncoder().encodeToString(o.screenshotPng()));
            m.put("screenshot", s);
        }
        return m;
    }

    private static Map<String, Object> message(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", PROTOCOL);
        m.put("type", type);
        return m;
    }

    /** One message, retried on transport failures, 429 and 5xx; the reply must be a JSON object. */
    private static JsonNode post(HttpAgentOptions o, HttpClient http, Map<String, Object> body) {
        String json = Json.write(body);
        String what = body.get("type") + (body.containsKey("step") ? " " + body.get("step") : "");
        Exception last = null;
        String lastProblem = null;
        for (int attempt = 0; attempt <= o.retries(); attempt++) {
            if (attempt > 0) sleep(o.retryDelay().multipliedBy(1L << Math.min(attempt - 1, 10)));
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(o.url()).timeout(o.requestTimeout())
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("X-Discreet-Protocol", PROTOCOL)
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                last = e;
                lastProblem = "no answer within " + o.requestTimeout().toMillis() + " ms";
                continue;
            } catch (IOException e) {
                last = e;
                lastProblem = "unreachable (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AgentEndpointException("interrupted while waiting for the agent", e);
            }
            int code = r.statusCode();
            if (code == 429 || code >= 500) {
                lastProblem = "HTTP " + code + ": " + clip(r.body());
                last = null;
                continue;
            }
            if (code < 200 || code >= 300) {
                throw new AgentEndpointException("the agent answered " + what + " with HTTP " + code + ": "
                        + clip(r.body()), null);
            }
            String text = r.body() == null ? "" : r.body();
            if (text.length() > MAX_REPLY_CHARS) {
                throw new AgentEndpointException("the agent's reply to " + what + " has " + text.length()
                        + " characters, more than " + MAX_REPLY_CHARS, null);
            }
            JsonNode node;
            try {
                node = Json.mapper().readTree(text);
            } catch (IOException e) {
                throw new AgentEndpointException("the agent's reply to " + what + " is not JSON: " + clip(text), e);
            }
            if (node == null || !node.isObject()) {
                throw new AgentEndpointException("the agent's reply to " + what + " is not a JSON object: " + clip(text),
                        null);
            }
            return node;
        }
        throw new AgentEndpointException("the agent at " + o.url() + " failed " + what + " after " + (o.retries() + 1)
                + " attempt(s): " + lastProblem, last);
    }

    private static String clip(String s) {
        if (s == null) return "(empty)";
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "…" : one.isEmpty() ? "(empty)" : one;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
