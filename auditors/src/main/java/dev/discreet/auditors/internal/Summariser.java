package dev.discreet.auditors.internal;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.PerProfile;
import dev.discreet.auditors.ProfileScore;
import dev.discreet.auditors.ProfileStats;
import dev.discreet.auditors.ScoringConstants;
import dev.discreet.auditors.ScoringProfile;
import dev.discreet.auditors.Summary;
import dev.discreet.tasks.PairLink;
import dev.discreet.tasks.evidence.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Aggregates episode audits under both profiles; INFRA_FAILED (unscored) episodes count only as infraFailed.
 *
 * <p>myphonebench follows the anchor's aggregation: SR and PQSR over the per-task layer only (cross-session pair
 * episodes are its separate second layer: run_e2e_batch.generate_summary's {@code layer1_results}); PQSR's
 * denominator is every rated task and an episode without a privacy score never qualifies
 * (evaluation/aggregate_results.compute_pqsr); mean privacy is over the episodes that have a score
 * (compute_full_privacy_avg); later-session use is the share of pairs whose {@code pair_score} = A saved × B
 * resolved is positive (full_loop_rate). strict rates every scored episode and asks more of a saved preference.
 */
public final class Summariser {
    private Summariser() {}

    public static Summary summarise(List<EpisodeAudit> audits) {
        List<EpisodeAudit> all = audits == null ? List.of() : audits;
        Summary.Stats s = stats(all);
        ProfileStats m = s.profiles().myphonebench();
        int untrustworthy = (int) all.stream().filter(a -> a.scored() && !a.trustworthy()).count();
        return new Summary(s.episodes(), s.scored(), s.infraFailed(), m.successes(), m.privacyQualified(),
                m.successRate(), m.meanPrivacy(), m.pqsr(), ScoringConstants.PQSR_THRESHOLD, m.laterSessionUse(),
                group(all, EpisodeAudit::agent), group(all, EpisodeAudit::app), s.usage(), s.profiles(), untrustworthy);
    }

    /** The myphonebench later-session use (see {@link #laterSessionUse(List, ScoringProfile)}). */
    public static Double laterSessionUse(List<EpisodeAudit> all) {
        return laterSessionUse(all, ScoringProfile.MYPHONEBENCH);
    }

    /**
     * Share of cross-session pairs (per agent, both halves scored) where session A saved the preference and session
     * B succeeded; B's success rules pin the booking to the saved value, so a B success means the preference was
     * used. Null without pairs.
     */
    public static Double laterSessionUse(List<EpisodeAudit> all, ScoringProfile profile) {
        int[] r = pairs(all, profile);
        return r[0] == 0 ? null : (double) r[1] / r[0];
    }

    private static int[] pairs(List<EpisodeAudit> all, ScoringProfile profile) {
        Map<String, EpisodeAudit[]> pairs = new TreeMap<>();
        for (EpisodeAudit a : all) {
            if (a.pair() == null || !a.scored()) continue;
            EpisodeAudit[] slot = pairs.computeIfAbsent(Objects.requireNonNullElse(a.agent(), "") + "\u0000"
                    + a.pair().id(), k -> new EpisodeAudit[2]);
            slot[PairLink.A.equals(a.pair().role()) ? 0 : 1] = a;
        }
        int n = 0;
        int used = 0;
        for (EpisodeAudit[] p : pairs.values()) {
            if (p[0] == null || p[1] == null) continue;
            n++;
            if (laterSessionHolds(p[0], p[1], profile)) used++;
        }
        return new int[] {n, used};
    }

    /**
     * myphonebench ({@code run_cross_session_pair}): A made an effective save whose key fuzzily matches the
     * expected key, and B succeeded. strict: A saved exactly the expected value at the expected level, with consent
     * in full control, and B succeeded.
     */
    public static boolean laterSessionHolds(EpisodeAudit a, EpisodeAudit b, ScoringProfile profile) {
        if (a.memory() == null || !b.success()) return false;
        return profile == ScoringProfile.MYPHONEBENCH ? Boolean.TRUE.equals(a.memory().anchorSaved())
                : a.memory().correct();
    }

    /** The strict test (kept for callers of the single-profile API). */
    public static boolean laterSessionHolds(EpisodeAudit a, EpisodeAudit b) {
        return laterSessionHolds(a, b, ScoringProfile.STRICT);
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
        for (EpisodeAudit a : all) {
            if (a.scored()) scored++;
            else infra++;
        }
        PerProfile<ProfileStats> profiles = PerProfile.of(p -> profileStats(all, p));
        ProfileStats m = profiles.myphonebench();
        return new Summary.Stats(all.size(), scored, infra, m.successes(), m.privacyQualified(), m.successRate(),
                m.meanPrivacy(), m.pqsr(), usage(all), profiles);
    }

    /** Whether the profile rates this episode for SR, mean privacy and PQSR. */
    public static boolean rates(EpisodeAudit a, ScoringProfile p) {
        return a.scored() && (p == ScoringProfile.STRICT || a.pair() == null);
    }

    public static ProfileStats profileStats(List<EpisodeAudit> all, ScoringProfile p) {
        int rated = 0, successes = 0, qualified = 0, withPrivacy = 0;
        double privacySum = 0;
        double[] dimSum = new double[3];
        int[] dimN = new int[3];
        for (EpisodeAudit a : all) {
            if (!rates(a, p)) continue;
            rated++;
            ProfileScore s = a.score(p);
            if (a.success()) successes++;
            if (s.qualified()) qualified++;
            if (s.privacy() != null) {
                withPrivacy++;
                privacySum += s.privacy();
            }
            Double[] dims = {s.op(), s.tr(), s.fm()};
            for (int i = 0; i < 3; i++) {
                if (dims[i] != null) {
                    dimSum[i] += dims[i];
                    dimN[i]++;
                }
            }
        }
        int[] pairs = pairs(all, p);
        return new ProfileStats(rated, successes, withPrivacy, qualified,
                rated == 0 ? null : (double) successes / rated,
                withPrivacy == 0 ? null : privacySum / withPrivacy,
                rated == 0 ? null : (double) qualified / rated,
                dimN[0] == 0 ? null : dimSum[0] / dimN[0], dimN[1] == 0 ? null : dimSum[1] / dimN[1],
                dimN[2] == 0 ? null : dimSum[2] / dimN[2], pairs[0], pairs[0] == 0 ? null : (double) pairs[1] / pairs[0]);
    }

    /** Model usage over every episode (scored or not), or null when none had any. */
    private static Usage usage(List<EpisodeAudit> all) {
        Usage total = null;
        for (EpisodeAudit a : all) {
            if (a.usage() != null) total = total == null ? a.usage() : total.plus(a.usage());
        }
        return total;
    }
}
