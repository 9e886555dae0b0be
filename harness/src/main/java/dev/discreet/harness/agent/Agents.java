package dev.discreet.harness.agent;

import dev.discreet.harness.agent.internal.OversharingAgent;
import dev.discreet.harness.agent.internal.ReferenceAgent;
import java.util.List;
import java.util.function.Supplier;

/**
 * The built-in agents by name. {@code reference} and {@code oversharing} are scripted: they follow the task's
 * reference plan, which the harness's runners hand only to its own scripted agents (never through
 * {@link EpisodeBrief}); run them through {@code BenchmarkRunner} or {@code DiscreetDevice}. {@code idle} does nothing.
 */
public final class Agents {
    public static final List<String> BUILT_IN = List.of("reference", "oversharing", "idle");
    /** The name of the agent that re-executes a recorded run ({@code --replay RUN_DIR}). */
    public static final String REPLAY = "replay";

    private Agents() {}

    public static Supplier<Agent> byName(String name) {
        return switch (name) {
            case "reference" -> ReferenceAgent::new;
            case "oversharing" -> OversharingAgent::new;
            case "idle" -> IdleAgent::new;
            case REPLAY -> throw new IllegalArgumentException("agent 'replay' re-executes a recorded run: "
                    + "give the run folder with --replay RUN_DIR");
            default -> throw new IllegalArgumentException("unknown agent '" + name + "': built-in agents are "
                    + BUILT_IN + "; a model-backed agent is named by --model, a recorded run replayed by --replay");
        };
    }
}
