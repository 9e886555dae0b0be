package dev.discreet.auditors;

/**
 * The numbers of a set of episodes under one scoring profile.
 *
 * @param rated           scored episodes this profile rates for SR and PQSR: myphonebench leaves cross-session pair
 *                        episodes out (the anchor's later-session layer is separate from its per-task layer); strict
 *                        rates every scored episode
 * @param withPrivacy     rated episodes with a privacy score (the rest had nothing to evaluate)
 * @param meanPrivacy     mean privacy over {@code withPrivacy} episodes ("privacy over n of m episodes")
 * @param pqsr            privacy-qualified successes over {@code rated}
 * @param meanOp          mean of each dimension over the rated episodes where it was evaluable
 * @param pairs           complete cross-session pairs (both halves scored)
 * @param laterSessionUse share of pairs where A saved the preference and B succeeded using it; null without pairs
 */
public record ProfileStats(int rated, int successes, int withPrivacy, int privacyQualified, Double successRate,
                           Double meanPrivacy, Double pqsr, Double meanOp, Double meanTr, Double meanFm, int pairs,
                           Double laterSessionUse) {}
