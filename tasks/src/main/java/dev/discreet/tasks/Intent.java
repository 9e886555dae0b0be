package dev.discreet.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a {@code request_permission} call asks for. */
public enum Intent {
    READ_DATA, ACCESS_APP, WRITE_DATA;

    private final String wire = name().toLowerCase(Locale.ROOT); // made once: read with every permission request

    @JsonValue
    public String wire() { return wire; }

    /** Accepts {@code read_data} as well as {@code READ_DATA}; anything else names the accepted values. */
    @JsonCreator
    public static Intent parse(String s) {
        for (Intent i : values()) {
            if (i.wire().equalsIgnoreCase(s == null ? "" : s.trim())) return i;
        }
        throw new IllegalArgumentException("unknown intent '" + s + "': expected one of "
                + Arrays.stream(values()).map(Intent::wire).toList());
    }
}
