package dev.discreet.auditors;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.discreet.tasks.evidence.Usage;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregate scores of a set of episodes. {@code profiles} holds the numbers under both scoring profiles; the
 * top-level {@code successes, privacyQualified, successRate, meanPrivacy, pqsr, laterSessionUse} are the
 * {@code myphonebench} ones (so SR and PQSR are over the episodes outside cross-session pairs, as in the anchor).
 * {@code episodes, scored, infraFailed} count every episode. Rates are null when nothing was rated.
 * {@code usage} totals the model usage of every episode, infra-failed ones included (their calls were paid for);
 * null when no episode had a model-backed agent.
 */
public record Summary(int episodes, int scored, int infraFailed, int successes, int privacyQualified,
                      Double successRate, Double meanPrivacy, Double pqsr, double pqsrThreshold,
                      Double laterSessionUse, Map<String, Stats> byAgent, Map<String, Stats> byApp, Usage usage,
                      PerProfile<ProfileStats> profiles, Integer untrustworthy) {
    @JsonCreator
    public Summary {
        byAgent = Collections.unmodifiableMap(new TreeMap<>(byAgent == null ? Map.of() : byAgent));
        byApp = Collections.unmodifiableMap(new TreeMap<>(byApp == null ? Map.of() : byApp));
        if (untrustworthy == null) untrustworthy = 0;
    }

    public ProfileStats profile(ScoringProfile p) { return profiles == null ? null : profiles.get(p); }

    /** The same numbers for one agent or one app. */
    public record Stats(int episodes, int scored, int infraFailed, int successes, int privacyQualified,
                        Double successRate, Double meanPrivacy, Double pqsr, Usage usage,
                        PerProfile<ProfileStats> profiles) {
        @JsonCreator
        public Stats {
        }

        public ProfileStats profile(ScoringProfile p) { return profiles == null ? null : profiles.get(p); }
    }
}
