package dev.discreet.harness.agent.model;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.internal.ReplayAgent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The {@code run} options that configure a model-backed agent ({@code --model …}) and the replay agent
 * ({@code --replay RUN_DIR}). A picocli mixin, so the command keeps one flat option list.
 */
public final class ModelCli {
    @Option(names = "--model", description = "Run a model-backed agent with this model (e.g. gpt-4o, "
            + "Qwen/Qwen2.5-VL-7B-Instruct, qwen2.5vl:7b).")
    String model;
    @Option(names = "--base-url", description = "Chat-completions base URL, up to /v1 (default: "
            + "https://api.openai.com/v1; vLLM http://127.0.0.1:8000/v1; Ollama http://127.0.0.1:11434/v1).")
    URI baseUrl;
    @Option(names = "--api-key-env", defaultValue = ModelAgentOptions.DEFAULT_KEY_ENV, description = "NAME of the "
            + "environment variable holding the API key (default: ${DEFAULT-VALUE}). The key is never written anywhere.")
    String apiKeyEnv;
    @Option(names = "--allow-insecure-key", description = "Send the API key over plain http:// to a host other than "
            + "this machine (refused by default: use https).")
    boolean allowInsecureKey;
    @Option(names = "--text-only", description = "Send only the element list, no screenshots (models without vision).")
    boolean textOnly;
    @Option(names = "--vision", description = "Send screenshots and the element list (the default).")
    boolean vision;
    @Option(names = "--coords", defaultValue = "pixels", description = "How the model writes coordinates: pixels, "
            + "unit (0-1), thousandths (0-1000) or resized (pixels of a downscaled screenshot). Default: ${DEFAULT-VALUE}.")
    String coords;
    @Option(names = "--history-screens", defaultValue = "3", description = "Latest screens kept in the model's "
            + "context (default: ${DEFAULT-VALUE}); feedback and privacy-tool results are always kept.")
    int historyScreens;
    @Option(names = "--price-table", description = "JSON file: model -> {\"input\": USD/1M tokens, \"output\": "
            + "USD/1M tokens}. Without it costs are unknown (null).")
    Path priceTable;
    @Option(names = "--model-timeout", defaultValue = "120", description = "Seconds per model call (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;
    @Option(names = "--max-retries", defaultValue = "4", description = "Retries after 429/5xx/timeouts before the "
            + "episode is marked INFRA_FAILED (default: ${DEFAULT-VALUE}).")
    int maxRetries;
    @Option(names = "--retry-base-ms", defaultValue = "1000", description = "First back-off delay; doubles per retry, "
            + "with jitter (default: ${DEFAULT-VALUE}).")
    long retryBaseMs;
    @Option(names = "--max-output-tokens", description = "Cap on each reply's tokens (default: the server's).")
    Integer maxOutputTokens;
    @Option(names = "--temperature", description = "Sampling temperature (default: the server's).")
    Double temperature;
    @Option(names = "--agent-name", description = "Name of the model agent in results (default: from --model).")
    String agentName;
    @Option(names = "--replay", paramLabel = "RUN_DIR", description = "Add the 'replay' agent: re-execute the actions "
            + "recorded in this run folder, without the model.")
    Path replay;
    @Option(names = "--replay-agent", description = "Whose trajectories --replay re-executes (default: the run's only agent).")
    String replayAgent;

    /** The options as given, or null without {@code --model}; every bad value is rejected with its option named. */
    public ModelAgentOptions options() {
        if (model == null) {
            if (baseUrl != null || priceTable != null || textOnly || agentName != null) {
                throw new IllegalArgumentException("--base-url, --text-only, --price-table and --agent-name configure a "
                        + "model agent: add --model NAME");
            }
            return null;
        }
        if (textOnly && vision) throw new IllegalArgumentException("--vision and --text-only are mutually exclusive");
        if (timeoutSeconds <= 0) throw new IllegalArgumentException("--model-timeout must be > 0 seconds");
        CoordinateConvention c;
        try {
            c = CoordinateConvention.parse(coords);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--coords: " + e.getMessage());
        }
        return ModelAgentOptions.of(model).withBaseUrl(baseUrl).withApiKeyEnv(apiKeyEnv).withVision(!textOnly)
                .withCoords(c).withHistoryScreens(historyScreens)
                .withRetries(maxRetries, Duration.ofMillis(retryBaseMs))
                .withRequestTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
                .withMaxOutputTokens(maxOutputTokens).withTemperature(temperature)
                .withPrices(priceTable == null ? PriceTable.EMPTY : PriceTable.load(priceTable))
                .withAgentName(agentName).withAllowInsecureKey(allowInsecureKey);
    }

    /**
     * The configured agents by name, each supplier making a fresh agent (one per phone). The key is checked now,
     * so a missing one fails before any device starts. Close to release the model clients.
     */
    /** What the run manifest records of the model settings: never the key, only the variable's name. */
    public java.util.Map<String, String> manifestParameters() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        if (model != null) {
            m.put("model", model);
            m.put("model.baseUrl", baseUrl == null ? "default" : baseUrl.toString());
            m.put("model.apiKeyEnv", apiKeyEnv);
            m.put("model.mode", textOnly ? "text-only" : "vision");
            m.put("model.coords", coords);
            m.put("model.historyScreens", String.valueOf(historyScreens));
            m.put("model.maxRetries", String.valueOf(maxRetries));
            if (temperature != null) m.put("model.temperature", String.valueOf(temperature));
            if (maxOutputTokens != null) m.put("model.maxOutputTokens", String.valueOf(maxOutputTokens));
            if (priceTable != null) m.put("model.priceTable", priceTable.getFileName().toString());
        }
        if (replay != null) m.put("replay", replay.toString());
        return m;
    }

    public Agents agents() {
        Map<String, Supplier<Agent>> out = new LinkedHashMap<>();
        List<ModelAgent> made = Collections.synchronizedList(new ArrayList<>());
        ModelAgentOptions o = options();
        if (o != null) {
            new ModelAgent(o).close(); // fails fast on a missing key
            out.put(o.agentName(), () -> {
                ModelAgent a = new ModelAgent(o);
                made.add(a);
                return a;
            });
        }
        if (replay != null) {
            ReplayAgent check = new ReplayAgent(replay, replayAgent);
            String source = check.source();
            out.put(ReplayAgent.NAME, () -> new ReplayAgent(replay, source));
        } else if (replayAgent != null) {
            throw new IllegalArgumentException("--replay-agent needs --replay RUN_DIR");
        }
        return new Agents(Collections.unmodifiableMap(out), made);
    }

    /** Agents built from the options; closing releases every model client made. */
    public record Agents(Map<String, Supplier<Agent>> suppliers, List<ModelAgent> made) implements AutoCloseable {
        @Override
        public void close() {
            synchronized (made) {
                made.forEach(ModelAgent::close);
            }
        }
    }
}
