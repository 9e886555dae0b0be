package dev.discreet.harness.agent.remote;

/**
 * The agent's HTTP endpoint failed: unreachable or timing out after every retry, an HTTP error, or a reply that is
 * not a decision of the protocol. The endpoint is the agent, so this is the agent's failure: the episode ends
 * {@code ERROR} and is scored (see {@link HttpAgent}).
 */
public final class AgentEndpointException extends RuntimeException {
    public AgentEndpointException(String message, Throwable cause) { super(message, cause); }
}
