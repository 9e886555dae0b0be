package dev.discreet.auditors;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.discreet.tasks.evidence.Usage;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregate scores of a set of episodes. Rates are over scored episodes only (INFRA_FAILED excluded) and are null
 * when nothing was scored. {@code laterSessionUse} is null when the run holds no cross-session pairs.
 * {@code usage} totals the model usage of every episode, infra-failed ones included (their calls were paid for);
 * null when no episode had a model-backed agent.
 */
public record Summary(int episodes, int scored, int infraFailed, int successes, int privacyQualified,
                      Double successRate, Double meanPrivacy, Double pqsr, double pqsrThreshold,
                      Double laterSessionUse, Map<String, Stats> byAgent, Map<String, Stats> byApp, Usage usage) {
    /** A summary without model usage. */
    public Summary(int episodes, int scored, int infraFailed, int successes, int privacyQualified,
                   Double successRate, Double meanPrivacy, Double pqsr, double pqsrThreshold,
                   Double laterSessionUse, Map<String, Stats> byAgent, Map<String, Stats> byApp) {
        this(episodes, scored, infraFailed, successes, privacyQualified, successRate, meanPrivacy, pqsr, pqsrThreshold,
                laterSessionUse, byAgent, byApp, null);
    }

    @JsonCreator
    public Summary {
        byAgent = Collections.unmodifiableMap(new TreeMap<>(byAgent == null ? Map.of() : byAgent));
        byApp = Collections.unmodifiableMap(new TreeMap<>(byApp == null ? Map.of() : byApp));
    }

    /** The same numbers for one agent or one app. */
    public record Stats(int episodes, int scored, int infraFailed, int successes, int privacyQualified,
                        Double successRate, Double meanPrivacy, Double pqsr, Usage usage) {
        /** Stats without model usage. */
        public Stats(int episodes, int scored, int infraFailed, int successes, int privacyQualified,
                     Double successRate, Double meanPrivacy, Double pqsr) {
            this(episodes, scored, infraFailed, successes, privacyQualified, successRate, meanPrivacy, pqsr, null);
        }

        @JsonCreator
        public Stats {
        }
    }
}
