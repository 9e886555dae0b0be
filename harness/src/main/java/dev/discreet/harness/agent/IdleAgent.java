package dev.discreet.harness.agent;

import dev.discreet.tasks.action.Action;

/** Does nothing and gives up at once: proves that no task passes without work. */
public final class IdleAgent implements Agent {
    @Override
    public String name() { return "idle"; }

    @Override
    public void begin(EpisodeBrief brief) { }

    @Override
    public AgentDecision next(AgentInput input) {
        return new AgentDecision("Doing nothing on purpose.", Action.terminate("fail"));
    }

    /** Reads the element list only. */
    @Override
    public boolean needsScreenshots() { return false; }
}
