package dev.discreet.auditors;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregate scores of a set of episodes. Rates are over scored episodes only (INFRA_FAILED excluded) and are null
 * when nothing was scored. {@code laterSessionUse} is null when the run holds no cross-session pairs.
 */
public record Summary(int episodes, int scored, int infraFailed, int successes, int privacyQualified,
                      Double successRate, Double meanPrivacy, Double pqsr, double pqsrThreshold,
                      Double laterSessionUse, Map<String, Stats> byAgent, Map<String, Stats> byApp) {
    public Summary {
        byAgent = Collections.unmodifiableMap(new TreeMap<>(byAgent == null ? Map.of() : byAgent));
        byApp = Collections.unmodifiableMap(new TreeMap<>(byApp == null ? Map.of() : byApp));
    }

    /** The same numbers for one agent or one app. */
    public record Stats(int episodes, int scored, int infraFailed, int successes, int privacyQualified,
                        Double successRate, Double meanPrivacy, Double pqsr) {}
}
