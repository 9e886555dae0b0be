package dev.discreet.harness.agent.model;

import dev.discreet.tasks.evidence.Usage;

/**
 * An agent that pays for its decisions. The runner records {@link #lastStepUsage()} with each step and
 * {@link #episodeUsage()} with the episode (failed calls included, so an infra-failed episode still shows
 * what it cost).
 */
public interface Metered {
    /** The model calls behind the decision just returned, or null before the first one. */
    Usage lastStepUsage();

    /** Everything since the last {@code begin}. */
    Usage episodeUsage();
}
