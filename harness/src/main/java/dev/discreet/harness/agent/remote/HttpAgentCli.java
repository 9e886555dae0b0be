package dev.discreet.harness.agent.remote;

import dev.discreet.harness.agent.Agent;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The {@code run} options of an agent behind an HTTP endpoint ({@code --agent-url}). A picocli mixin. */
public final class HttpAgentCli {
    @Option(names = "--agent-url", paramLabel = "URL", description = "Run the agent behind this HTTP endpoint "
            + "(protocol " + HttpAgent.PROTOCOL + ", see the README: Agents over HTTP). It names itself in its hello.")
    URI url;
    @Option(names = "--agent-timeout", defaultValue = "60", description = "Seconds the agent endpoint may take per "
            + "request (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;
    @Option(names = "--agent-retries", defaultValue = "2", description = "Retries of a request that timed out, could "
            + "not connect or got HTTP 429/5xx, before the episode ends ERROR (default: ${DEFAULT-VALUE}).")
    int retries;

    /** The agent by its name (asked from the endpoint now: a silent endpoint fails before any device starts). */
    public Map<String, Supplier<Agent>> suppliers() {
        Map<String, Supplier<Agent>> out = new LinkedHashMap<>();
        if (url == null) return out;
        if (timeoutSeconds <= 0) throw new IllegalArgumentException("--agent-timeout must be > 0 seconds");
        if (retries < 0) throw new IllegalArgumentException("--agent-retries must be >= 0");
        HttpAgent first = HttpAgent.connect(HttpAgentOptions.of(url)
                .withRequestTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
                .withRetries(retries, Duration.ofMillis(500)));
        out.put(first.name(), first::copy);
        return out;
    }

    /** What the manifest records: the endpoint without its query (which may carry a token). */
    public Map<String, String> manifestParameters() {
        Map<String, String> m = new LinkedHashMap<>();
        if (url != null) {
            m.put("agent.url", url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + (url.getPath() == null ? "" : url.getPath()));
            m.put("agent.protocol", HttpAgent.PROTOCOL);
        }
        return m;
    }
}
