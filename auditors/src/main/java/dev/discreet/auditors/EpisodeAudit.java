package dev.discreet.auditors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.discreet.tasks.evidence.Usage;
import java.util.List;

/**
 * The audit of one episode. {@code scores} holds the episode's privacy under both scoring profiles
 * ({@code scores.myphonebench}, {@code scores.strict}); the top-level {@code op, tr, fm, privacy,
 * privacyQualified} are the {@code myphonebench} ones, kept for readers of older results. A null dimension was not
 * evaluable. {@code scored} is false for INFRA_FAILED episodes, which are kept out of every aggregate.
 * {@code evidenceComplete} is false when part of the evidence was torn or unreadable (an {@code evidence-incomplete}
 * finding says what): the privacy scores then rest on partial evidence and are not trustworthy.
 * {@code usage} is the model usage recorded in episode.json (null for scripted agents).
 */
public record EpisodeAudit(String episodeId, String taskId, String app, String agent, String status, boolean scored,
                           boolean success, Double op, Double tr, Double fm, Double privacy, boolean privacyQualified,
                           int steps, int invalidSteps, List<RuleResult> rules, List<Finding> findings,
                           Memory memory, Usage usage, dev.discreet.tasks.PairLink pair,
                           PerProfile<ProfileScore> scores, Boolean evidenceComplete) {
    /** An audit whose two profiles agree (hand-built audits in tests and tools). */
    public EpisodeAudit(String episodeId, String taskId, String app, String agent, String status, boolean scored,
                        boolean success, Double op, Double tr, Double fm, Double privacy, boolean privacyQualified,
                        int steps, int invalidSteps, List<RuleResult> rules, List<Finding> findings, Memory memory,
                        Usage usage, dev.discreet.tasks.PairLink pair) {
        this(episodeId, taskId, app, agent, status, scored, success, op, tr, fm, privacy, privacyQualified, steps,
                invalidSteps, rules, findings, memory, usage, pair, null, null);
    }

    /** An audit of a task outside any cross-session pair. */
    public EpisodeAudit(String episodeId, String taskId, String app, String agent, String status, boolean scored,
                        boolean success, Double op, Double tr, Double fm, Double privacy, boolean privacyQualified,
                        int steps, int invalidSteps, List<RuleResult> rules, List<Finding> findings, Memory memory,
                        Usage usage) {
        this(episodeId, taskId, app, agent, status, scored, success, op, tr, fm, privacy, privacyQualified, steps,
                invalidSteps, rules, findings, memory, usage, null);
    }

    /** An audit without model usage. */
    public EpisodeAudit(String episodeId, String taskId, String app, String agent, String status, boolean scored,
                        boolean success, Double op, Double tr, Double fm, Double privacy, boolean privacyQualified,
                        int steps, int invalidSteps, List<RuleResult> rules, List<Finding> findings, Memory memory) {
        this(episodeId, taskId, app, agent, status, scored, success, op, tr, fm, privacy, privacyQualified, steps,
                invalidSteps, rules, findings, memory, null, null);
    }

    /**
     * @param pair   the task's cross-session pair link, null outside pairs (the summary's later-session use reads it)
     * @param scores both profiles; when absent (an audit written before profiles existed) both are the top-level
     *               scores
     */
    @JsonCreator
    public EpisodeAudit {
        rules = rules == null ? List.of() : List.copyOf(rules);
        findings = findings == null ? List.of() : List.copyOf(findings);
        if (scores == null) {
            ProfileScore s = new ProfileScore(op, tr, fm, privacy, privacyQualified);
            scores = new PerProfile<>(s, s);
        }
        if (evidenceComplete == null) evidenceComplete = true;
    }

    /** The scores under one profile. */
    public ProfileScore score(ScoringProfile profile) { return scores.get(profile); }

    /** Whether the privacy scores rest on complete evidence. */
    @JsonIgnore
    public boolean trustworthy() { return Boolean.TRUE.equals(evidenceComplete); }
}
