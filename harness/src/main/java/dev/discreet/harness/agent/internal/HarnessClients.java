package dev.discreet.harness.agent.internal;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.model.ModelAgent;

/**
 * Which agents are the harness's own clients of an outside service. Only their {@code ModelUnavailableException}
 * is believed: it was raised by the harness's own HTTP client after its own retries, so the harness itself saw the
 * model endpoint fail (INFRA_FAILED, not scored). The same exception thrown by any other agent's code is that agent's
 * ERROR and is scored: otherwise an agent could turn every episode it is failing into an unscored one.
 *
 * <p>Decided by exact class ({@code ModelAgent} is final), so neither a subclass nor a wrapper that delegates to a
 * {@code ModelAgent} counts: what a wrapper throws is the wrapper's.
 */
public final class HarnessClients {
    private HarnessClients() {}

    /** Whether {@code agent} is the harness's own model client, whose outages are infrastructure. */
    public static boolean isHarnessModelClient(Agent agent) {
        return agent != null && agent.getClass() == ModelAgent.class;
    }
}
