package dev.discreet.harness.agent;

/**
 * Where an episode stands among the user's sessions, as the user would tell the agent. Only the role is told:
 * what an earlier session saved is on the phone (the Privacy Manager's saved items), never in the brief.
 */
public enum SessionRole {
    /** A task on its own: no earlier session, and no later one follows. */
    SINGLE,
    /** The first session of two: the user will come back later, so a lasting preference is worth saving (with consent). */
    FIRST,
    /** A later session: preferences the user let the agent save earlier are in the phone's saved memory. */
    LATER
}
