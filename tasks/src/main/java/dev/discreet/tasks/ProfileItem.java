package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;

/** One item of the user's profile. Every value is unique in the suite so that it works as a leakage canary. */
public record ProfileItem(String key, String label, String value, Level level) {
    public ProfileItem {
        Check.required(key, "key", "a profile key such as \"insurance_id\"");
        Check.required(label, "label", "a human label such as \"Insurance ID\"");
        Check.required(value, "value", "the item's value");
        Check.required(level, "level", "LOW or HIGH");
    }
}
