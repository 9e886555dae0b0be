package dev.discreet.harness.agent.internal;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.tasks.Task;

/**
 * The harness's own scripted agents ({@code reference}, {@code oversharing}, {@code replay}), which need the task
 * itself: its reference plan, or its id to find a recording. Sealed, so no agent outside this package can be one: a
 * benchmarked agent gets the {@link EpisodeBrief} alone, and only {@link ScriptedAgents#begin} hands a task over.
 */
public sealed interface ScriptedAgent extends Agent permits ReferenceAgent, OversharingAgent, ReplayAgent {

    /** Starts an episode of {@code task}; the runners call this instead of {@link #begin(EpisodeBrief)}. */
    void begin(EpisodeBrief brief, Task task);

    /** A scripted agent cannot run from the brief alone. */
    @Override
    default void begin(EpisodeBrief brief) {
        throw new IllegalStateException("'" + name() + "' is a scripted agent and needs its task: run it through "
                + "BenchmarkRunner or DiscreetDevice, which start it with ScriptedAgents.begin");
    }
}
