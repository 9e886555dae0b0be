package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;

/** A memory write a book-and-save task expects: key, exact value and level. */
public record ExpectedSave(String key, String value, Level level) {
    public ExpectedSave {
        Check.required(key, "key", "the key to save");
        Check.required(value, "value", "the value to save");
        Check.required(level, "level", "LOW or HIGH");
    }
}
