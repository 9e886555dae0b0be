package dev.discreet.harness.agent.model;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.agent.model.internal.ChatClient;
import dev.discreet.harness.agent.model.internal.ChatMessage;
import dev.discreet.harness.agent.model.internal.ChatReply;
import dev.discreet.harness.agent.model.internal.OpenAiChatClient;
import dev.discreet.harness.agent.model.internal.Prompts;
import dev.discreet.harness.agent.model.internal.ReplyParser;
import dev.discreet.harness.agent.model.internal.Retrier;
import dev.discreet.harness.agent.model.internal.Screens;
import dev.discreet.harness.device.Observation;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.Usage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An agent backed by an OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, Ollama, LM Studio,
 * OpenRouter…). Each step sends the conversation so far: the system prompt built from the privacy contract, then
 * one user turn per step (feedback and privacy-tool results always; screenshot and element list for the latest
 * {@link ModelAgentOptions#historyScreens()} steps only) and the model's earlier replies.
 *
 * <p>A reply without a usable action becomes an invalid step (action {@code unparseable}) whose message, recorded
 * as evidence, is exactly what the model is told next turn. Replies and the conversation are bounded by
 * {@link ModelAgentOptions#limits()}. Transient failures are retried; when retries run out {@link #next} throws
 * {@link ModelUnavailableException} and the episode ends INFRA_FAILED. The API key is read from the environment
 * when the agent is built and is held only by the HTTP client.
 */
public final class ModelAgent implements Agent, Metered, AutoCloseable {
    private final ModelAgentOptions options;
    private final ChatClient client;
    private final Retrier retrier;
    private final List<Turn> turns = new ArrayList<>();
    private EpisodeBrief brief;
    private Usage lastStep;
    private Usage episode = Usage.ZERO;

    private record Turn(int step, String feedback, Observation screen, String reply) {}

    /** Reads the key from the environment variable {@link ModelAgentOptions#apiKeyEnv()}. */
    public ModelAgent(ModelAgentOptions options) {
        this(options, System::getenv);
    }

    /** For tests: {@code env} stands in for the process environment. */
    ModelAgent(ModelAgentOptions options, Function<String, String> env) {
        this.options = options;
        this.client = new OpenAiChatClient(options, apiKey(options, env));
        this.retrier = new Retrier(options.maxRetries(), options.retryBaseDelay());
    }

    private static String apiKey(ModelAgentOptions o, Function<String, String> env) {
        dev.discreet.harness.internal.ChildEnvironment.registerSecret(o.apiKeyEnv()); // never passed to Appium & co.
        String key = env.apply(o.apiKeyEnv());
        if (key != null && !key.isBlank()) {
            insecureKeyCheck(o);
            return key.strip();
        }
        if (isLoopback(o.baseUrl().getHost())) return "EMPTY"; // local vLLM / Ollama servers accept any key
        throw new IllegalArgumentException("environment variable " + o.apiKeyEnv() + " is not set: export the API key "
                + "for " + o.baseUrl() + " in it, or name another variable with --api-key-env");
    }

    /**
     * A key must not cross a network in clear text: plain HTTP is accepted only to this machine, unless the user
     * says otherwise. Decided from the URL alone (an IP literal or "localhost"; names are not resolved).
     */
    static void insecureKeyCheck(ModelAgentOptions o) {
        if (!"http".equalsIgnoreCase(o.baseUrl().getScheme()) || isLoopback(o.baseUrl().getHost())
                || o.allowInsecureKey()) {
            return;
        }
        throw new IllegalArgumentException("refusing to send the API key from " + o.apiKeyEnv() + " over plain HTTP "
                + "to " + o.baseUrl().getHost() + " (" + o.baseUrl() + "): use an https:// base URL, or pass "
                + "--allow-insecure-key if the network to that host is trusted");
    }

    private static boolean isLoopback(String host) {
        if (host == null) return false;
        if (host.equalsIgnoreCase("localhost")) return true;
        try {
            return host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")
                    && InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public ModelAgentOptions options() { return options; }

    @Override
    public String name() { return options.agentName(); }

    /** A vision model needs the screenshot; a text-only one reads the element list. */
    @Override
    public boolean needsScreenshots() { return options.vision(); }

    @Override
    public void begin(EpisodeBrief b) {
        brief = b;
        turns.clear();
        lastStep = null;
        episode = Usage.ZERO;
    }

    @Override
    public AgentDecision next(AgentInput in) {
        if (brief == null) throw new IllegalStateException("begin() must be called before next()");
        Observation obs = in.observation();
        Screens screens = new Screens(options.coords(), obs.width(), obs.height());
        ModelAgentOptions.InputLimits limits = options.limits();
        Turn now = new Turn(in.step(), in.feedback(), obs, null);
        long t0 = System.nanoTime();

        List<ChatMessage> messages = messages(screens, now, false);
        int size = textSize(messages);
        if (size > limits.maxPromptChars()) {
            messages = messages(screens, now, true); // older replies shortened
            size = textSize(messages);
        }
        if (size > limits.maxPromptChars()) {
            account(0, 0, t0, 0, 0); // nothing was sent
            turns.add(now);
            forgetOldScreens();
            return new AgentDecision(null, null, "the conversation would be " + size + " characters of text, over "
                    + "the limit of " + limits.maxPromptChars() + " even with older replies shortened (the screen's "
                    + "element list is too long); the model was not asked this step");
        }

        ChatReply reply;
        try {
            reply = retrier.call(client, messages);
        } catch (ModelUnavailableException e) {
            account(0, 0, t0, retrier.calls(), retrier.retries());
            throw e;
        }
        account(reply.promptTokens(), reply.completionTokens(), t0, retrier.calls(), retrier.retries());
        String text = reply.text();
        if (text != null && text.length() > limits.maxReplyChars()) {
            // Only the first part is kept, as evidence and in the conversation: a runaway reply must not ride along
            // in every later prompt.
            String kept = text.substring(0, limits.maxReplyChars());
            turns.add(new Turn(now.step(), now.feedback(), obs, kept + "\n[cut: the reply had " + text.length()
                    + " characters]"));
            forgetOldScreens();
            return new AgentDecision(kept, Action.named(ReplyParser.UNPARSEABLE), "your reply had " + text.length()
                    + " characters, more than the " + limits.maxReplyChars() + " accepted; reply with a short "
                    + "reasoning and exactly one JSON action");
        }
        turns.add(new Turn(now.step(), now.feedback(), obs, text));
        forgetOldScreens();

        ReplyParser.Parsed p = new ReplyParser(screens, obs.elements()).parse(text);
        if (p.action() == null) {
            return new AgentDecision(text, Action.named(ReplyParser.UNPARSEABLE), "your reply could not be used: "
                    + p.error() + ". Reply with reasoning and exactly one JSON action");
        }
        return new AgentDecision(p.reasoning(), p.action());
    }

    /** The conversation: system prompt, then per step the user turn and the model's reply. */
    private List<ChatMessage> messages(Screens screens, Turn now, boolean shortenOldReplies) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(Prompts.system(brief, screens, options.vision())));
        int firstWithScreen = Math.max(0, turns.size() + 1 - options.historyScreens());
        for (int i = 0; i <= turns.size(); i++) {
            Turn t = i < turns.size() ? turns.get(i) : now;
            boolean withScreen = i >= firstWithScreen;
            Observation o = t.screen();
            String text = Prompts.turn(t.step(), t.feedback(), null, o == null ? null : o.title(),
                    o == null ? List.of() : o.elements(), screens, withScreen && o != null);
            if (shortenOldReplies && t == now) {
                text += "\n(Older replies are shortened to keep the conversation under "
                        + options.limits().maxPromptChars() + " characters.)";
            }
            String image = withScreen && options.vision() && o != null && o.hasScreenshot()
                    ? screens.dataUrl(o.screenshotPng()) : null;
            messages.add(ChatMessage.user(text, image));
            if (t.reply() != null) {
                boolean old = i < turns.size() - 1;
                messages.add(ChatMessage.assistant(shortenOldReplies && old ? shorten(t.reply()) : t.reply()));
            }
        }
        return messages;
    }

    private static String shorten(String reply) {
        return reply.length() <= 300 ? reply : reply.substring(0, 300) + " [shortened: " + reply.length()
                + " characters]";
    }

    private static int textSize(List<ChatMessage> messages) {
        int n = 0;
        for (ChatMessage m : messages) n += m.text() == null ? 0 : m.text().length();
        return n;
    }

    private void account(long prompt, long completion, long t0, int calls, int retries) {
        double ms = Math.round((System.nanoTime() - t0) / 10_000.0) / 100.0;
        lastStep = new Usage(prompt, completion, ms, options.prices().cost(options.model(), prompt, completion),
                calls, retries);
        episode = episode.plus(lastStep);
    }

    /** Screens older than the history window are never sent again; drop them to keep memory flat. */
    private void forgetOldScreens() {
        int keep = options.historyScreens();
        for (int i = 0; i < turns.size() - keep; i++) {
            Turn t = turns.get(i);
            if (t.screen() != null) turns.set(i, new Turn(t.step(), t.feedback(), null, t.reply()));
        }
    }

    @Override
    public Usage lastStepUsage() { return lastStep; }

    @Override
    public Usage episodeUsage() { return episode; }

    @Override
    public void close() { client.close(); }
}
