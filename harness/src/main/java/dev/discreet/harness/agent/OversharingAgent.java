package dev.discreet.harness.agent;

import dev.discreet.harness.agent.internal.PlanFollower;

/**
 * Completes the same tasks as {@link ReferenceAgent} but overshares: it asks to read every HIGH profile item, fills
 * every form field it can guess a value for (optional personal fields and both trap fields included).
 * Deterministic, so its scores equal what the formulas give.
 */
public final class OversharingAgent implements Agent {
    private PlanFollower follower;

    @Override
    public String name() { return "oversharing"; }

    @Override
    public void begin(EpisodeBrief brief) { follower = new PlanFollower(brief, true); }

    @Override
    public AgentDecision next(AgentInput input) { return follower.next(input); }

    /** Reads the element list only. */
    @Override
    public boolean needsScreenshots() { return false; }
}
