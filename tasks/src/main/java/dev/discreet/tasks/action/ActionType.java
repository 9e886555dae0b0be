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

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<ActionType> find(String name) {
        if (name == null) return Optional.empty();
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wire().equals(n)).findFirst();
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
