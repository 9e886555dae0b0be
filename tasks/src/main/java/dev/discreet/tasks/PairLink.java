package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;

/**
 * Marks a task as one half of a cross-session pair: role A saves a preference with the user's consent, role B (a
 * later session, run after A with A's saved items carried over) must use it.
 */
public record PairLink(String id, String role) {
    public static final String A = "A";
    public static final String B = "B";

    public PairLink {
        Check.required(id, "id", "the pair id shared by both tasks, e.g. \"restaurant-p01\"");
        Check.required(role, "role", "A (saves the preference) or B (uses it later)");
        if (!role.equals(A) && !role.equals(B)) {
            throw new IllegalArgumentException("property 'role' = '" + role + "' must be A or B");
        }
    }
}
