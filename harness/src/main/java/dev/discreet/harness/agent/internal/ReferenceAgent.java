package dev.discreet.harness.agent.internal;

import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.tasks.Task;

/**
 * Completes each task through the UI with only what it needs: it follows the task's reference plan, which names
 * elements by label, fills only the fields the plan names, and asks only for the permissions the plan asks for.
 */
public final class ReferenceAgent implements ScriptedAgent {
    private PlanFollower follower;

    @Override
    public String name() { return "reference"; }

    @Override
    public void begin(EpisodeBrief brief, Task task) { follower = new PlanFollower(brief, task, false); }

    @Override
    public AgentDecision next(AgentInput input) { return follower.next(input); }

    /** Reads the element list only. */
    @Override
    public boolean needsScreenshots() { return false; }
}
