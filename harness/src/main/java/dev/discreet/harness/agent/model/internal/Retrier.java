package dev.discreet.harness.agent.model.internal;

import dev.discreet.harness.agent.model.ModelUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries transient model failures with exponential back-off and jitter: retry {@code n} waits a random time in
 * [d/2, d] with d = base × 2^(n-1), capped at 60 s; a server's Retry-After is honoured up to that cap. When the
 * retries run out (or the failure is not transient) it throws {@link ModelUnavailableException}.
 */
public final class Retrier {
    static final Duration CAP = Duration.ofSeconds(60);

    private final int maxRetries;
    private final Duration base;
    private int calls;
    private int retries;

    public Retrier(int maxRetries, Duration base) {
        this.maxRetries = maxRetries;
        this.base = base;
    }

    public ChatReply call(ChatClient client, List<ChatMessage> messages) {
        calls = 0;
        retries = 0;
        for (int attempt = 0; ; attempt++) {
            calls++;
            try {
                return client.complete(messages);
            } catch (ChatFailure f) {
                if (!f.retryable()) {
                    throw new ModelUnavailableException("model call failed and is not retryable: " + f.getMessage(),
                            calls, f, f.keyRefused());
                }
                if (attempt >= maxRetries) {
                    throw new ModelUnavailableException("model unavailable after " + calls + " call(s) ("
                            + maxRetries + " retries): " + f.getMessage(), calls, f);
                }
                retries++;
                sleep(delay(attempt + 1, f.retryAfter()));
            }
        }
    }

    /** Calls made by the last {@link #call}, failed ones included. */
    public int calls() { return calls; }

    public int retries() { return retries; }

    /** The wait before retry {@code n} (1-based). */
    Duration delay(int n, Duration retryAfter) {
        long d = base.toMillis() << Math.min(n - 1, 20);
        d = Math.min(d, CAP.toMillis());
        long jittered = d <= 1 ? d : ThreadLocalRandom.current().nextLong(d / 2, d + 1);
        if (retryAfter != null) jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), CAP.toMillis()));
        return Duration.ofMillis(jittered);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("interrupted while waiting to retry the model call", 0, e);
        }
    }
}
