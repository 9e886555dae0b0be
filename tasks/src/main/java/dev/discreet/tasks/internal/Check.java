package dev.discreet.tasks.internal;

import java.util.List;
import java.util.Map;

/** Argument checks that name the property and say what was expected (messages end up in load errors). */
public final class Check {
    private Check() {}

    public static <T> T required(T value, String property, String expected) {
        if (value == null) {
            throw new IllegalArgumentException("missing property '" + property + "' (expected " + expected + ")");
        }
        if (value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException("property '" + property + "' is blank (expected " + expected + ")");
        }
        return value;
    }

    public static <T> List<T> list(List<T> value) { return value == null ? List.of() : List.copyOf(value); }

    public static <K, V> Map<K, V> map(Map<K, V> value) { return value == null ? Map.of() : Map.copyOf(value); }
}
