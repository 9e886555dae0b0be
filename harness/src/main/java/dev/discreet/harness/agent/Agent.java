package dev.discreet.harness.agent;

/**
 * An agent drives one device for one episode at a time: {@link #begin} once per episode, then {@link #next} once
 * per step until it terminates or the step budget runs out. Implementations need not be thread-safe; the runner
 * creates one agent per device.
 */
public interface Agent {
    /** A short name used in results, reports and evidence folder names (lower-case, no spaces). */
    String name();

    void begin(EpisodeBrief brief);

    /**
     * The next action. Throwing is an agent failure (the episode ends with status ERROR); an unusable action is
     * better returned as is: the harness records it as an invalid step and tells the agent why.
     */
    AgentDecision next(AgentInput input);

    /**
     * Whether this agent looks at the screenshot. Agents that read only the element list return false, so a run
     * may switch screenshots off ({@code --screenshots none}); a run refuses that setting for an agent that needs
     * pixels. Default true: an agent that says nothing gets its pictures.
     */
    default boolean needsScreenshots() { return true; }
}
