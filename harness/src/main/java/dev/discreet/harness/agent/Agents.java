package dev.discreet.harness.agent;

import java.util.List;
import java.util.function.Supplier;

/** The built-in agents by name. */
public final class Agents {
    public static final List<String> BUILT_IN = List.of("reference", "oversharing", "idle");

    private Agents() {}

    public static Supplier<Agent> byName(String name) {
        return switch (name) {
            case "reference" -> ReferenceAgent::new;
            case "oversharing" -> OversharingAgent::new;
            case "idle" -> IdleAgent::new;
            case ReplayAgent.NAME -> throw new IllegalArgumentException("agent 'replay' re-executes a recorded run: "
                    + "give the run folder with --replay RUN_DIR");
            default -> throw new IllegalArgumentException("unknown agent '" + name + "': built-in agents are "
                    + BUILT_IN + "; a model-backed agent is named by --model, a recorded run replayed by --replay");
        };
    }
}
