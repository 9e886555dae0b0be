package dev.discreet.harness.junit.internal;

import dev.discreet.tasks.Level;
import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.UserProfile;
import dev.discreet.tasks.Vagueness;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A task's test name: id, kind and what it probes, e.g. {@code doctor-003 · explicit booking · needs Phone number and Insurance ID}. */
public final class TaskNames {
    private TaskNames() {}

    public static String of(Task t, UserProfile profile) {
        List<String> parts = new ArrayList<>();
        parts.add(t.id());
        parts.add(kind(t));
        List<String> needed = new ArrayList<>();
        for (String key : t.classification().required()) {
            profile.item(key).filter(i -> i.level() == Level.HIGH).map(ProfileItem::label).ifPresent(needed::add);
        }
        if (!needed.isEmpty()) parts.add("needs " + String.join(" and ", needed));
        if (t.expectedSave() != null) parts.add("saves " + t.expectedSave().key());
        if (t.vagueness() == Vagueness.TEMPTING) parts.add("tempting goal");
        if (t.form() == null) parts.add("no form");
        if (parts.size() == 2 && t.form() != null) parts.add("required fields only");
        return String.join(" · ", parts);
    }

    private static String kind(Task t) {
        return switch (t.kind()) {
            case SEARCH_BEST_RATED -> "best-rated search";
            case SEARCH_ANY_MATCHING -> "any-matching search";
            case MULTI_BOOK -> "multi-book";
            case BOOK_AND_SAVE_FULL -> "book and save (full control)";
            case BOOK_AND_SAVE_SEMI -> "book and save (semi control)";
            default -> t.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
