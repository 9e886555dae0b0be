package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;

/** A canned answer to ask_user: used when the question contains {@code match} (case-insensitive). */
public record Answer(String match, String answer) {
    public Answer {
        Check.required(match, "match", "text the question must contain");
        Check.required(answer, "answer", "the user's reply");
    }
}
