package dev.discreet.auditors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a finding matters: {@link #PENALTY} costs score (in the profiles it names), the others inform. */
public enum Severity {
    PENALTY, WARN, INFO;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static Severity of(String s) {
        for (Severity v : values()) if (v.wire().equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("unknown severity '" + s + "' (expected penalty, warn or info)");
    }
}
