package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The episode's own record ({@code episode.json}), rewritten at start and end. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpisodeRecord(String episodeId, String taskId, String app, String agent, int seed,
                            EpisodeStatus status, int steps, long startedAt, Long endedAt, String error) {
    public EpisodeRecord withEnd(EpisodeStatus s, int n, long end, String err) {
        return new EpisodeRecord(episodeId, taskId, app, agent, seed, s, n, startedAt, end, err);
    }
}
