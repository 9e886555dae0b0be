package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The episode's own record ({@code episode.json}), rewritten at start and end. {@code usage} totals the model
 * calls of a model-backed agent (null for scripted agents).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpisodeRecord(String episodeId, String taskId, String app, String agent, int seed,
                            EpisodeStatus status, int steps, long startedAt, Long endedAt, String error,
                            Usage usage) {
    @com.fasterxml.jackson.annotation.JsonCreator
    public EpisodeRecord {
    }

    /** A record without model usage. */
    public EpisodeRecord(String episodeId, String taskId, String app, String agent, int seed, EpisodeStatus status,
                         int steps, long startedAt, Long endedAt, String error) {
        this(episodeId, taskId, app, agent, seed, status, steps, startedAt, endedAt, error, null);
    }

    public EpisodeRecord withEnd(EpisodeStatus s, int n, long end, String err) {
        return new EpisodeRecord(episodeId, taskId, app, agent, seed, s, n, startedAt, end, err, usage);
    }

    public EpisodeRecord withUsage(Usage u) {
        return new EpisodeRecord(episodeId, taskId, app, agent, seed, status, steps, startedAt, endedAt, error, u);
    }
}
