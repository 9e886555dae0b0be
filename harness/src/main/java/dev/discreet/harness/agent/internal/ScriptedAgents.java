package dev.discreet.harness.agent.internal;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.tasks.Task;

/**
 * How the harness's runners start an episode: every agent gets the brief; only the harness's own scripted agents
 * (sealed {@link ScriptedAgent}) also get the task. Not part of the agent API.
 */
public final class ScriptedAgents {
    private ScriptedAgents() {}

    /** Starts {@code agent} on {@code task}. */
    public static void begin(Agent agent, EpisodeBrief brief, Task task) {
        if (agent instanceof ScriptedAgent s) s.begin(brief, task);
        else agent.begin(brief);
    }
}
