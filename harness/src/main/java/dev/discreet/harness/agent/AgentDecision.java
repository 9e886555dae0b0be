package dev.discreet.harness.agent;

import dev.discreet.tasks.action.Action;

/** An agent's turn: optional reasoning text (stored as evidence, escaped wherever shown) and exactly one action. */
public record AgentDecision(String reasoning, Action action) {
    public static AgentDecision of(Action action) { return new AgentDecision(null, action); }
}
