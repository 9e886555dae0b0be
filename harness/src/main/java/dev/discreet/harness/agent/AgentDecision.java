package dev.discreet.harness.agent;

import dev.discreet.tasks.action.Action;

/**
 * An agent's turn: optional reasoning text (stored as evidence, escaped wherever shown) and exactly one action.
 *
 * @param invalidReason set when the agent itself knows the turn is unusable (a model reply without a usable action,
 *                      too long, or a conversation over its size limit): the harness records the step as invalid with
 *                      exactly this message and passes it back as the step's feedback, without running the action
 */
public record AgentDecision(String reasoning, Action action, String invalidReason) {
    public AgentDecision(String reasoning, Action action) { this(reasoning, action, null); }

    public static AgentDecision of(Action action) { return new AgentDecision(null, action); }
}
