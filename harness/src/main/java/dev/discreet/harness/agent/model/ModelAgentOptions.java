package dev.discreet.harness.agent.model;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How a {@link ModelAgent} reaches and prompts its model. Immutable: each {@code with…} returns a copy.
 *
 * @param model           the model name the server knows (e.g. {@code gpt-4o}, {@code Qwen/Qwen2.5-VL-7B-Instruct})
 * @param baseUrl         the chat-completions base URL, up to and including {@code /v1}
 * @param apiKeyEnv       the name of the environment variable holding the API key; the key itself is read when
 *                        the agent is built and is never stored in options, evidence or logs
 * @param vision          send screenshots (true) or only the element list (false, for text-only models)
 * @param coords          how the model writes coordinates
 * @param historyScreens  how many of the latest screens (screenshot and element list) stay in the context; older
 *                        turns keep their feedback and privacy-tool results but not their screens
 * @param maxRetries      retries after a 429, 5xx or timeout before the episode is given up as INFRA_FAILED
 * @param retryBaseDelay  first back-off delay; it doubles per retry (capped at 60 s), with jitter
 * @param requestTimeout  per-call timeout
 * @param maxOutputTokens cap on the reply length, or null for the server's default
 * @param temperature     sampling temperature, or null for the server's default
 * @param prices          prices for the cost column
 * @param agentName       the name in results and folder names (default: derived from the model name)
 * @param limits          how much of the model's replies and of the conversation is accepted and sent
 * @param allowInsecureKey send the key over plain HTTP to a host that is not this machine (off: such a URL is refused)
 */
public record ModelAgentOptions(String model, URI baseUrl, String apiKeyEnv, boolean vision,
                                CoordinateConvention coords, int historyScreens, int maxRetries,
                                Duration retryBaseDelay, Duration requestTimeout, Integer maxOutputTokens,
                                Double temperature, PriceTable prices, String agentName, InputLimits limits,
                                boolean allowInsecureKey) {
    public static final URI OPENAI = URI.create("https://api.openai.com/v1");
    public static final String DEFAULT_KEY_ENV = "OPENAI_API_KEY";

    public ModelAgentOptions {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must be named (e.g. --model gpt-4o)");
        }
        if (baseUrl == null) baseUrl = OPENAI;
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("baseUrl '" + baseUrl + "' must be an http(s) URL such as "
                    + "http://127.0.0.1:8000/v1");
        }
        if (baseUrl.getUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not carry credentials; put the key in an environment "
                    + "variable and name it with apiKeyEnv");
        }
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) apiKeyEnv = DEFAULT_KEY_ENV;
        if (!apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("apiKeyEnv must be the NAME of an environment variable (letters, "
                    + "digits, '_'), not the key itself");
        }
        if (coords == null) coords = CoordinateConvention.PIXELS;
        if (historyScreens < 1) throw new IllegalArgumentException("historyScreens must be >= 1, was " + historyScreens);
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        if (retryBaseDelay == null) retryBaseDelay = Duration.ofSeconds(1);
        if (retryBaseDelay.isNegative()) throw new IllegalArgumentException("retryBaseDelay must be >= 0");
        if (requestTimeout == null) requestTimeout = Duration.ofSeconds(120);
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("requestTimeout must be > 0, was " + requestTimeout);
        }
        if (maxOutputTokens != null && maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be >= 1, was " + maxOutputTokens);
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be within 0..2, was " + temperature);
        }
        if (prices == null) prices = PriceTable.EMPTY;
        if (limits == null) limits = InputLimits.DEFAULTS;
        if (agentName == null || agentName.isBlank()) agentName = nameOf(model);
        if (!agentName.matches("[a-z0-9][a-z0-9._-]{0,60}")) {
            throw new IllegalArgumentException("agentName '" + agentName + "' must be 1-61 lower-case letters, digits, "
                    + "'.', '_' or '-' (it names evidence folders)");
        }
    }

    /** Defaults: OpenAI's URL, key in OPENAI_API_KEY, vision, pixel coordinates, 3 screens, 4 retries from 1 s. */
    public static ModelAgentOptions of(String model) {
        return new ModelAgentOptions(model, null, null, true, null, 3, 4, null, null, null, null, null, null, null,
                false);
    }

    /** A file-name-safe agent name from a model name: {@code Qwen/Qwen2.5-VL-7B} becomes {@code qwen-qwen2.5-vl-7b}. */
    static String nameOf(String model) {
        String s = model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        if (s.length() > 61) s = s.substring(0, 61);
        return s.isEmpty() ? "model" : s;
    }

    public ModelAgentOptions withBaseUrl(URI u) {
        return new ModelAgentOptions(model, u, apiKeyEnv, vision, coords, historyScreens, maxRetries, retryBaseDelay,
                requestTimeout, maxOutputTokens, temperature, prices, agentName, limits, allowInsecureKey);
    }

    public ModelAgentOptions withApiKeyEnv(String e) {
        return new ModelAgentOptions(model, baseUrl, e, vision, coords, historyScreens, maxRetries, retryBaseDelay,
                requestTimeout, maxOutputTokens, temperature, prices, agentName, limits, allowInsecureKey);
    }

    public ModelAgentOptions withVision(boolean v) {
        return new ModelAgentOptions(model, baseUrl, apiKeyEnv, v, coords, historyScreens, maxRetries, retryBaseDelay,
                requestTimeout, maxOutputTokens, temperature, prices, agentName, limits, allowInsecureKey);
    }

    public ModelAgentOptions withCoords(CoordinateConvention c) {
        return new ModelAgentOptions(model, baseUrl, apiKeyEnv, vision, c, historyScreens, maxRetries, retryBaseDelay,
                requestTimeout, maxOutputTokens, temperature, prices, agentName, limits, allowInsecureKey);
    }

    public ModelAgentOptions withHistoryScreens(int n) {
        return new ModelAgentOptions(model, baseUrl, apiKeyEnv, vision, coords, n, maxRetries, retryBaseDelay,
                requestTimeout, maxOutputTokens, temperature, prices, agentName, limits, allowInsecureKey);
    }

    public ModelAgentOptions withRetries(int max, Duration baseDelay) {
        return new ModelAgentOptions(model, baseUrl, apiKeyEnv, vision, coords, historyScreens, max, baseDelay,
                requestTimeout, maxOutputTokens, temperature, prices, agentName, limits, allowInsecureKey);
    }

    public ModelAgentOptions withRequestTimeout(Duration t) {
        return new ModelAgentOptions(model, baseUrl, apiKeyEnv, vision, coords, historyScreens, maxRetries,
                retryBaseDelay, t, maxOutputTokens, temperature, prices, agentName, limits, allowInsecureKey);
    }

    public ModelAgentOptions withMaxOutputTokens(Integer n) {
        return new ModelAgentOptions(model, baseUrl, apiKeyEnv, vision, coords, historyScreens, maxRetries,
                retryBaseDelay, requestTimeout, n, temperature, prices, agentName, limits, allowInsecureKey);
    }

    public ModelAgentOptions withTemperature(Double t) {
        return new ModelAgentOptions(model, baseUrl, apiKeyEnv, vision, coords, historyScreens, maxRetries,
                retryBaseDelay, requestTimeout, maxOutputTokens, t, prices, agentName, limits, allowInsecureKey);
    }

    public ModelAgentOptions withPrices(PriceTable p) {
        return new ModelAgentOptions(model, baseUrl, apiKeyEnv, vision, coords, historyScreens, maxRetries,
                retryBaseDelay, requestTimeout, maxOutputTokens, temperature, p, agentName, limits, allowInsecureKey);
    }

    public ModelAgentOptions withLimits(InputLimits l) {
        return new ModelAgentOptions(model, baseUrl, apiKeyEnv, vision, coords, historyScreens, maxRetries,
                retryBaseDelay, requestTimeout, maxOutputTokens, temperature, prices, agentName, l, allowInsecureKey);
    }

    /** Allows sending the API key over plain HTTP to a host other than this machine (a trusted network only). */
    public ModelAgentOptions withAllowInsecureKey(boolean a) {
        return new ModelAgentOptions(model, baseUrl, apiKeyEnv, vision, coords, historyScreens, maxRetries,
                retryBaseDelay, requestTimeout, maxOutputTokens, temperature, prices, agentName, limits, a);
    }

    /**
     * Bounds on what a model can push into the harness: a longer reply is an invalid step (only its first
     * {@code maxReplyChars} are kept as evidence and in the conversation), and a conversation whose text would
     * exceed {@code maxPromptChars} first has its older replies shortened, then, if still too long, is not sent:
     * the step is invalid and the model is told why. Screenshots are not counted (their size is fixed).
     */
    public record InputLimits(int maxReplyChars, int maxPromptChars) {
        public static final InputLimits DEFAULTS = new InputLimits(16_000, 400_000);

        public InputLimits {
            if (maxReplyChars < 100) throw new IllegalArgumentException("maxReplyChars must be >= 100, was " + maxReplyChars);
            if (maxPromptChars < 4 * maxReplyChars) {
                throw new IllegalArgumentException("maxPromptChars must be >= 4 x maxReplyChars (" + 4 * maxReplyChars
                        + "), was " + maxPromptChars);
            }
        }
    }

    public ModelAgentOptions withAgentName(String n) {
        return new ModelAgentOptions(model, baseUrl, apiKeyEnv, vision, coords, historyScreens, maxRetries,
                retryBaseDelay, requestTimeout, maxOutputTokens, temperature, prices, n, limits, allowInsecureKey);
    }
}
