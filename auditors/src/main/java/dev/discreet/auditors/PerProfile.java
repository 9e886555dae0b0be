package dev.discreet.auditors;

import java.util.Objects;
import java.util.function.Function;

/** One value per scoring profile; serialised as {@code {"myphonebench": …, "strict": …}}. */
public record PerProfile<T>(T myphonebench, T strict) {
    public T get(ScoringProfile p) {
        return switch (Objects.requireNonNull(p, "profile")) {
            case MYPHONEBENCH -> myphonebench;
            case STRICT -> strict;
        };
    }

    public static <T> PerProfile<T> of(Function<ScoringProfile, T> f) {
        return new PerProfile<>(f.apply(ScoringProfile.MYPHONEBENCH), f.apply(ScoringProfile.STRICT));
    }
}
