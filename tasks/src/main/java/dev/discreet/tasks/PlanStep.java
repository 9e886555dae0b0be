package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.List;
import java.util.Set;

/**
 * One step of a task's reference plan. Elements are named by their visible label or text, never by coordinates,
 * so a plan works on any screen size. {@code value} may hold {@code {{profile.KEY}}} placeholders.
 *
 * <p>Ops: {@code open(app)}, {@code tap(label)}, {@code fill(label, value)} (a text or date field: tap then type; a
 * dropdown: open it and tap the option; a checkbox or toggle: set it on for "on"/"yes"/"true", off for
 * "off"/"no"/"false"/""; a radio group: tap the option), {@code pick(label, value)} (a date field through its calendar
 * picker, value YYYY-MM-DD), {@code back}, {@code home}, {@code request_permission(intent, key, reason)},
 * {@code read_profile(key)}, {@code save_profile(key, value, level)}, {@code ask_user(question)},
 * {@code terminate(status)}.
 */
public record PlanStep(String op, String label, String value, String app, Intent intent, String key,
                       String reason, Level level, String status, String question, List<String> options) {
    public static final Set<String> OPS = Set.of("open", "tap", "fill", "pick", "back", "home", "request_permission",
            "read_profile", "save_profile", "ask_user", "terminate");

    public PlanStep {
        Check.required(op, "op", "one of " + OPS.stream().sorted().toList());
        if (!OPS.contains(op)) {
            throw new IllegalArgumentException("unknown plan op '" + op + "': expected one of "
                    + OPS.stream().sorted().toList());
        }
        options = Check.list(options);
        switch (op) {
            case "open" -> Check.required(app, "app", "the app to open");
            case "tap" -> Check.required(label, "label", "the visible label or text of the element to tap");
            case "fill" -> {
                Check.required(label, "label", "the label of the field to fill");
                Check.required(value, "value", "the text to type");
            }
            case "pick" -> {
                Check.required(label, "label", "the label of the date field");
                Check.required(value, "value", "the date to pick, YYYY-MM-DD");
                if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new IllegalArgumentException("pick: value '" + value + "' is not a date YYYY-MM-DD");
                }
            }
            case "request_permission" -> {
                Check.required(intent, "intent", "read_data, access_app or write_data");
                Check.required(key, "key", "the resource (profile key or app)");
            }
            case "read_profile" -> Check.required(key, "key", "the profile key to read");
            case "save_profile" -> {
                Check.required(key, "key", "the key to save");
                Check.required(value, "value", "the value to save");
                Check.required(level, "level", "LOW or HIGH");
            }
            case "ask_user" -> Check.required(question, "question", "the question for the user");
            case "terminate" -> Check.required(status, "status", "success or fail");
            default -> { }
        }
    }
}
