package dev.discreet.harness.agent.model;

/**
 * The model could not be reached or kept failing after every retry (rate limits, 5xx, timeouts, a refused key).
 * This is an infrastructure failure, not the agent's behaviour: the runner ends the episode INFRA_FAILED, which
 * is never scored and is rerun by {@code --resume}. Messages never contain the API key.
 */
public final class ModelUnavailableException extends RuntimeException {
    private final int attempts;
    private final boolean keyRefused;

    public ModelUnavailableException(String message, int attempts, Throwable cause) {
        this(message, attempts, cause, false);
    }

    /**
     * {@code keyRefused}: the server refused the API key (HTTP 401/403). Every later call would be refused too, so
     * the runner stops the whole run instead of failing each remaining episode.
     */
    public ModelUnavailableException(String message, int attempts, Throwable cause, boolean keyRefused) {
        super(message, cause);
        this.attempts = attempts;
        this.keyRefused = keyRefused;
    }

    /** The server refused the API key: the run cannot go on. */
    public boolean keyRefused() { return keyRefused; }

    /** How many calls were made before giving up. */
    public int attempts() { return attempts; }
}
