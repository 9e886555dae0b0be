package dev.discreet.harness.agent.model.internal;

import java.time.Duration;

/**
 * A failed model call. {@code retryable} for rate limits, 5xx, 408 and timeouts or broken connections;
 * {@code retryAfter} is the server's Retry-After hint if it gave one.
 */
public final class ChatFailure extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;
    private final boolean keyRefused;

    public ChatFailure(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        this(message, retryable, retryAfter, cause, false);
    }

    /** {@code keyRefused}: the server refused the API key (401/403); no later call can succeed either. */
    public ChatFailure(String message, boolean retryable, Duration retryAfter, Throwable cause, boolean keyRefused) {
        super(message, cause);
        this.retryable = retryable && !keyRefused;
        this.retryAfter = retryAfter;
        this.keyRefused = keyRefused;
    }

    public boolean keyRefused() { return keyRefused; }

    public boolean retryable() { return retryable; }

    public Duration retryAfter() { return retryAfter; }
}
