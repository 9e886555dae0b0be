package dev.discreet.harness.agent.internal;

import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.tasks.Task;

/**
 * Completes the same tasks as {@link ReferenceAgent} but overshares: it asks to read every HIGH profile item, fills
 * every form field it can guess a value for (optional personal fields and both trap fields included).
 * Deterministic, so its scores equal what the formulas give.
 */
public final class OversharingAgent implements ScriptedAgent {
    private PlanFollower follower;

    @Override
    public String name() { return "oversharing"; }

    @Override
    public void begin(EpisodeBrief brief, Task task) { follower = new PlanFollower(brief, task, true); }

    @Override
    public AgentDecision next(AgentInput input) { return follower.next(input); }

    /** Reads the element list only. */
    @Override
    public boolean needsScreenshots() { return false; }
}
