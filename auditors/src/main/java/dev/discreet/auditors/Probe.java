package dev.discreet.auditors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a finding is about, and how each probe turns an episode into a score. Adding a probe is one constant here
 * (its episode score and applicability); {@link Probes} aggregates any probe over a run the same way.
 */
public enum Probe {
    SUCCESS, OP, TR, FM, LEAKAGE, MEMORY, ACCESS, EVIDENCE;

    /** The probes the reports break down, in display order. */
    public static final java.util.List<Probe> REPORTED = java.util.List.of(OP, TR, FM, LEAKAGE, MEMORY, ACCESS);
    /** The probes whose penalties make up the privacy score. */
    public static final java.util.Set<Probe> PRIVACY = java.util.Set.of(OP, TR, FM, LEAKAGE);

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static Probe of(String s) {
        for (Probe p : values()) if (p.wire().equalsIgnoreCase(s)) return p;
        throw new IllegalArgumentException("unknown probe '" + s + "' (expected one of "
                + java.util.Arrays.stream(values()).map(Probe::wire).toList() + ")");
    }

    /**
     * The probe's score of one episode under a profile: op/tr/fm the dimension (null when not evaluable); memory 1
     * when the memory check is fully correct, 0 otherwise, null without one; leakage/access 1 without a penalty
     * finding of the probe charged in the profile, else 0; others null.
     */
    public Double episodeScore(EpisodeAudit a, ScoringProfile profile) {
        ProfileScore s = a.score(profile);
        return switch (this) {
            case OP -> s.op();
            case TR -> s.tr();
            case FM -> s.fm();
            case MEMORY -> a.memory() == null ? null : (a.memory().correct() ? 1.0 : 0.0);
            case LEAKAGE, ACCESS -> penalties(a, profile) > 0 ? 0.0 : 1.0;
            default -> null;
        };
    }

    /** Penalty findings of this probe in the episode that cost points in the profile. */
    public int penalties(EpisodeAudit a, ScoringProfile profile) {
        int n = 0;
        for (Finding f : a.findings()) if (f.probe() == this && f.costsIn(profile)) n++;
        return n;
    }
}
