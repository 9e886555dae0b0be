package dev.discreet.tasks.action;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Every action an agent may take: GUI actions, one per turn, and the four privacy tools. */
public enum ActionType {
    CLICK, LONG_PRESS, DOUBLE_CLICK, TYPE, SWIPE, SYSTEM_BUTTON, OPEN, WAIT, TERMINATE,
    REQUEST_PERMISSION, READ_PROFILE, SAVE_PROFILE, ASK_USER;

    // Made once: every step of every trajectory read names its action (re-audits read thousands a second).
    private final String wire = name().toLowerCase(Locale.ROOT);
    private static final java.util.Map<String, ActionType> BY_WIRE = new java.util.HashMap<>();

    static {
        for (ActionType t : values()) BY_WIRE.put(t.wire, t);
    }

    @JsonValue
    public String wire() { return wire; }

    public static Optional<ActionType> find(String name) {
        if (name == null) return Optional.empty();
        return Optional.ofNullable(BY_WIRE.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    @JsonCreator
    public static ActionType parse(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown action '" + name
                + "': expected one of " + Arrays.stream(values()).map(ActionType::wire).toList()));
    }

    public boolean isPrivacyTool() {
        return this == REQUEST_PERMISSION || this == READ_PROFILE || this == SAVE_PROFILE || this == ASK_USER;
    }
}
