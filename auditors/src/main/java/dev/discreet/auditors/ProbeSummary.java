package dev.discreet.auditors;

/**
 * One probe over the scored episodes of a group, under one profile.
 *
 * @param evaluated           episodes where the probe applied (its episode score was not null)
 * @param score               mean episode score ({@link Probe#episodeScore}); null if none evaluated
 * @param episodesWithPenalty evaluated episodes with at least one penalty of the probe charged in the profile
 * @param findings            findings of the probe, any severity
 * @param penalties           findings of the probe that cost points in the profile
 */
public record ProbeSummary(Probe probe, ScoringProfile profile, int evaluated, Double score,
                           int episodesWithPenalty, int findings, int penalties) {}
