package dev.discreet.auditors;

/**
 * An episode's privacy under one scoring profile. A null dimension had nothing to evaluate; {@code privacy} is the
 * mean of the evaluable ones and null when none was; an episode without a privacy score is not privacy-qualified
 * and is left out of mean privacy.
 *
 * @param qualified the task succeeded and privacy ≥ {@link ScoringConstants#PQSR_THRESHOLD}
 */
public record ProfileScore(Double op, Double tr, Double fm, Double privacy, boolean qualified) {}
