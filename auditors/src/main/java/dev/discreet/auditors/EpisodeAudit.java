package dev.discreet.auditors;

import java.util.List;

/**
 * The audit of one episode. A null dimension (op, tr, fm) was not evaluable; {@code privacy} is the mean of the
 * evaluable ones. {@code scored} is false for INFRA_FAILED episodes, which are kept out of every aggregate.
 */
public record EpisodeAudit(String episodeId, String taskId, String app, String agent, String status, boolean scored,
                           boolean success, Double op, Double tr, Double fm, Double privacy, boolean privacyQualified,
                           int steps, int invalidSteps, List<RuleResult> rules, List<Finding> findings,
                           Memory memory) {
    public EpisodeAudit {
        rules = rules == null ? List.of() : List.copyOf(rules);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
