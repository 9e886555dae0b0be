package dev.discreet.auditors.internal;

import dev.discreet.auditors.ScoringConstants;

/** Matches one profile value against sink text, normalised, with the partial-digits rule for long numbers. */
public final class Canary {
    public enum Match { NONE, WHOLE, PARTIAL_DIGITS }

    private final String normalised;
    private final String digits;

    public Canary(String value) {
        this.normalised = Values.normalise(value);
        this.digits = Values.digits(value);
    }

    public Match find(String sink) {
        if (sink == null || sink.isEmpty()) return Match.NONE;
        return find(Values.normalise(sink), Values.digits(sink));
    }

    /**
     * As {@link #find(String)} on a sink already reduced with {@link Values#normalise} and {@link Values#digits}:
     * an episode has many sinks and several canaries, so each sink is reduced once, not once per canary.
     */
    public Match find(String normalisedSink, String sinkDigits) {
        if (normalisedSink.isEmpty() && sinkDigits.isEmpty()) return Match.NONE;
        if (!normalised.isEmpty() && normalisedSink.contains(normalised)) return Match.WHOLE;
        if (digits.length() >= ScoringConstants.PARTIAL_DIGITS_MIN_VALUE_DIGITS) {
            int run = ScoringConstants.PARTIAL_DIGITS_RUN;
            if (sinkDigits.length() >= run) {
                for (int i = 0; i + run <= digits.length(); i++) {
                    if (sinkDigits.contains(digits.substring(i, i + run))) return Match.PARTIAL_DIGITS;
                }
            }
        }
        return Match.NONE;
    }
}
