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
        if (!normalised.isEmpty() && Values.normalise(sink).contains(normalised)) return Match.WHOLE;
        if (digits.length() >= ScoringConstants.PARTIAL_DIGITS_MIN_VALUE_DIGITS) {
            String sinkDigits = Values.digits(sink);
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
