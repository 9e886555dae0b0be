package dev.discreet.harness.agent;

import dev.discreet.harness.agent.internal.PlanFollower;

/**
 * Completes each task through the UI with only what it needs: it follows the task's reference plan, which names
 * elements by label, fills only the fields the plan names, and asks only for the permissions the plan asks for.
 */
public final class ReferenceAgent implements Agent {
    private PlanFollower follower;

    @Override
    public String name() { return "reference"; }

    @Override
    public void begin(EpisodeBrief brief) { follower = new PlanFollower(brief, false); }

    @Override
    public AgentDecision next(AgentInput input) { return follower.next(input); }

    /** Reads the element list only. */
    @Override
    public boolean needsScreenshots() { return false; }
}
