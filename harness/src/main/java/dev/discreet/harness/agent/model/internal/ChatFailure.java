package dev.discreet.harness.agent.model.internal;

import java.time.Duration;

/**
 * A failed model call. {@code retryable} for rate limits, 5xx, 408 and timeouts or broken connections;
 * {@code retryAfter} is the server's Retry-After hint if it gave one.
 */
public final class ChatFailure extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;

    public ChatFailure(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public boolean retryable() { return retryable; }

    public Duration retryAfter() { return retryAfter; }
}
