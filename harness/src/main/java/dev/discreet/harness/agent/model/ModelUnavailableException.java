package dev.discreet.harness.agent.model;

/**
 * The model could not be reached or kept failing after every retry (rate limits, 5xx, timeouts, a refused key).
 * This is an infrastructure failure, not the agent's behaviour: the runner ends the episode INFRA_FAILED, which
 * is never scored and is rerun by {@code --resume}. Messages never contain the API key.
 */
public final class ModelUnavailableException extends RuntimeException {
    private final int attempts;

    public ModelUnavailableException(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    /** How many calls were made before giving up. */
    public int attempts() { return attempts; }
}
