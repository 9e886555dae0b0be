package dev.discreet.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Comparison operators of verification rules, written as in SQL-ish task files ({@code "=="}, {@code "LIKE"}). */
public enum Operator {
    EQ("=="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">="), LIKE("LIKE"), IN("IN");

    private final String symbol;

    Operator(String symbol) { this.symbol = symbol; }

    @JsonValue
    public String symbol() { return symbol; }

    @JsonCreator
    public static Operator parse(String s) {
        for (Operator o : values()) {
            if (o.symbol.equalsIgnoreCase(s == null ? "" : s.trim())) return o;
        }
        throw new IllegalArgumentException("unknown operator '" + s + "': expected one of "
                + Arrays.stream(values()).map(Operator::symbol).toList());
    }
}
