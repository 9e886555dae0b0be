package dev.discreet.auditors;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.discreet.tasks.evidence.Usage;
import java.util.List;

/**
 * The audit of one episode. A null dimension (op, tr, fm) was not evaluable; {@code privacy} is the mean of the
 * evaluable ones. {@code scored} is false for INFRA_FAILED episodes, which are kept out of every aggregate.
 * {@code usage} is the model usage recorded in episode.json (null for scripted agents).
 */
public record EpisodeAudit(String episodeId, String taskId, String app, String agent, String status, boolean scored,
                           boolean success, Double op, Double tr, Double fm, Double privacy, boolean privacyQualified,
                           int steps, int invalidSteps, List<RuleResult> rules, List<Finding> findings,
                           Memory memory, Usage usage, dev.discreet.tasks.PairLink pair) {
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

    /** @param pair the task's cross-session pair link, null outside pairs (the summary's later-session use reads it) */
    @JsonCreator
    public EpisodeAudit {
        rules = rules == null ? List.of() : List.copyOf(rules);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
