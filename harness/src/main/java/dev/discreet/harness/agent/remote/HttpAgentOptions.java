package dev.discreet.harness.agent.remote;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how the harness talks to an agent over HTTP ({@link HttpAgent}).
 *
 * @param url            the agent's endpoint: every message is a POST to it
 * @param requestTimeout how long one request may take (connecting included) before it is retried
 * @param retries        how many times a request that failed to connect, timed out or got HTTP 5xx/429 is retried
 * @param retryDelay     the first back-off delay; it doubles per retry
 */
public record HttpAgentOptions(URI url, Duration requestTimeout, int retries, Duration retryDelay) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_RETRIES = 2;

    public HttpAgentOptions {
        if (url == null) throw new IllegalArgumentException("url must not be null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("--agent-url must be an http:// or https:// URL with a host, got '" + url
                    + "' (e.g. http://127.0.0.1:8765/)");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be > 0, got " + requestTimeout);
        }
        if (retries < 0) throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        if (retryDelay == null || retryDelay.isNegative()) {
            throw new IllegalArgumentException("retryDelay must be >= 0, got " + retryDelay);
        }
    }

    public static HttpAgentOptions of(URI url) {
        return new HttpAgentOptions(url, DEFAULT_TIMEOUT, DEFAULT_RETRIES, Duration.ofMillis(500));
    }

    public HttpAgentOptions withRequestTimeout(Duration t) { return new HttpAgentOptions(url, t, retries, retryDelay); }

    public HttpAgentOptions withRetries(int n, Duration delay) { return new HttpAgentOptions(url, requestTimeout, n, delay); }
}
