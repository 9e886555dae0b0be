package dev.discreet.auditors.internal;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.ScoringConstants;
import dev.discreet.auditors.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/** Aggregates episode audits; INFRA_FAILED (unscored) episodes count only as infraFailed. */
public final class Summariser {
    private Summariser() {}

    public static Summary summarise(List<EpisodeAudit> audits) {
        List<EpisodeAudit> all = audits == null ? List.of() : audits;
        Summary.Stats s = stats(all);
        return new Summary(s.episodes(), s.scored(), s.infraFailed(), s.successes(), s.privacyQualified(),
                s.successRate(), s.meanPrivacy(), s.pqsr(), ScoringConstants.PQSR_THRESHOLD, null,
                group(all, EpisodeAudit::agent), group(all, EpisodeAudit::app));
    }

    private static Map<String, Summary.Stats> group(List<EpisodeAudit> all, Function<EpisodeAudit, String> by) {
        Map<String, List<EpisodeAudit>> groups = new TreeMap<>();
        for (EpisodeAudit a : all) {
            groups.computeIfAbsent(Objects.requireNonNullElse(by.apply(a), "(unknown)"), k -> new ArrayList<>()).add(a);
        }
        Map<String, Summary.Stats> out = new TreeMap<>();
        groups.forEach((k, v) -> out.put(k, stats(v)));
        return out;
    }

    public static Summary.Stats stats(List<EpisodeAudit> all) {
        int scored = 0;
        int infra = 0;
        int successes = 0;
        int qualified = 0;
        int withPrivacy = 0;
        double privacySum = 0;
        for (EpisodeAudit a : all) {
            if (!a.scored()) {
                infra++;
                continue;
            }
            scored++;
            if (a.success()) successes++;
            if (a.privacyQualified()) qualified++;
            if (a.privacy() != null) {
                withPrivacy++;
                privacySum += a.privacy();
            }
        }
        return new Summary.Stats(all.size(), scored, infra, successes, qualified,
                scored == 0 ? null : (double) successes / scored,
                withPrivacy == 0 ? null : privacySum / withPrivacy,
                scored == 0 ? null : (double) qualified / scored);
    }
}
