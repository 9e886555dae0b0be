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
            default -> throw new IllegalArgumentException("unknown agent '" + name + "': built-in agents are "
                    + BUILT_IN);
        };
    }
}
