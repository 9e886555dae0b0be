package dev.discreet.auditors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One observation of an audit, with its evidence.
 *
 * @param probe    what it is about
 * @param severity {@link Severity#PENALTY} (costs score in the profiles of {@code costs}), WARN or INFO
 * @param step     the agent step of the evidence, null when it has none (e.g. a final database row)
 * @param field    where: {@code app/form/field} of a form entry, {@code db:app.table.column}, or a tool name
 * @param key      the profile key concerned, if any
 * @param rule     a stable id of the rule that fired ({@link Rules}), e.g. {@code op:granted}
 * @param message  human explanation; written with profile keys, never raw HIGH values
 * @param costs    the scoring profiles in which this penalty costs points (empty unless severity is PENALTY)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Finding(Probe probe, Severity severity, Integer step, String field, String key, String rule,
                      String message, List<ScoringProfile> costs) {
    public static final Probe SUCCESS = Probe.SUCCESS;
    public static final Probe OP = Probe.OP;
    public static final Probe TR = Probe.TR;
    public static final Probe FM = Probe.FM;
    public static final Probe LEAKAGE = Probe.LEAKAGE;
    public static final Probe MEMORY = Probe.MEMORY;
    public static final Probe ACCESS = Probe.ACCESS;
    public static final Probe EVIDENCE = Probe.EVIDENCE;

    public static final Severity PENALTY = Severity.PENALTY;
    public static final Severity WARN = Severity.WARN;
    public static final Severity INFO = Severity.INFO;

    @JsonCreator
    public Finding {
        costs = severity != Severity.PENALTY ? List.of()
                : costs == null || costs.isEmpty() ? List.of(ScoringProfile.values()) : List.copyOf(costs);
    }

    /** A finding that costs points in every profile when it is a penalty. */
    public Finding(Probe probe, Severity severity, Integer step, String field, String key, String rule,
                   String message) {
        this(probe, severity, step, field, key, rule, message, null);
    }

    /** Whether this finding costs points in the profile. */
    public boolean costsIn(ScoringProfile p) { return severity == Severity.PENALTY && costs.contains(p); }
}
