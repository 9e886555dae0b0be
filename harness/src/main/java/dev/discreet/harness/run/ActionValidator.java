package dev.discreet.harness.run;

import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.action.ActionType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an agent's action before anything runs. A problem becomes an invalid step whose message tells the agent
 * what was wrong and how to fix it; the episode goes on.
 */
public final class ActionValidator {
    private static final Set<String> DIRECTIONS = Set.of("up", "down", "left", "right");
    private static final Set<String> BUTTONS = Set.of("back", "home", "enter");
    /**
     * Most characters one {@code type} action may carry: a long form answer fits, a runaway reply does not (typing
     * costs ~2 ms a character on the device, and every character becomes an entry event).
     */
    public static final int MAX_TYPE_CHARS = 2_000;
    /** Most characters of any other text argument (reason, question, value, key, app, option, …). */
    public static final int MAX_ARG_CHARS = 1_000;
    /** Most options of one ask_user question. */
    public static final int MAX_OPTIONS = 20;

    private final int width;
    private final int height;
    private final AppDirectory apps;

    public ActionValidator(int width, int height, AppDirectory apps) {
        this.width = width;
        this.height = height;
        this.apps = apps;
    }

    public Optional<String> check(Action a) {
        if (a == null) return Optional.of("no action given: reply with exactly one action");
        Optional<ActionType> type = ActionType.find(a.name());
        if (type.isEmpty()) {
            return Optional.of("unknown action '" + a.name() + "': expected one of "
                    + Arrays.stream(ActionType.values()).map(ActionType::wire).toList());
        }
        String n = type.get().wire();
        Optional<String> tooLong = tooLong(n, a);
        if (tooLong.isPresent()) return tooLong;
        return switch (type.get()) {
            case CLICK, LONG_PRESS, DOUBLE_CLICK -> point(n, "x", a.x(), width).or(() -> point(n, "y", a.y(), height));
            case TYPE -> a.text() == null || a.text().isEmpty()
                    ? Optional.of("type: missing 'text' (the characters to type into the focused field)")
                    : Optional.empty();
            case SWIPE -> {
                if (a.direction() == null || !DIRECTIONS.contains(a.direction().toLowerCase(Locale.ROOT))) {
                    yield Optional.of("swipe: 'direction' must be one of " + List.of("up", "down", "left", "right")
                            + ", was " + quote(a.direction()));
                }
                if ((a.startX() == null) != (a.startY() == null)) {
                    yield Optional.of("swipe: give both 'startX' and 'startY' or neither");
                }
                yield a.startX() == null ? Optional.empty()
                        : point(n, "startX", a.startX(), width).or(() -> point(n, "startY", a.startY(), height));
            }
            case SYSTEM_BUTTON -> a.button() == null || !BUTTONS.contains(a.button().toLowerCase(Locale.ROOT))
                    ? Optional.of("system_button: 'button' must be back, home or enter, was " + quote(a.button()))
                    : Optional.empty();
            case OPEN -> {
                if (a.app() == null || a.app().isBlank()) yield Optional.of("open: missing 'app' (one of "
                        + apps.names() + ")");
                yield apps.resolve(a.app()).isPresent() ? Optional.empty()
                        : Optional.of("open: unknown app '" + a.app() + "'; installed apps are " + apps.names());
            }
            case WAIT -> a.durationMs() != null && (a.durationMs() < 0 || a.durationMs() > 10_000)
                    ? Optional.of("wait: 'durationMs' must be within 0..10000, was " + a.durationMs())
                    : Optional.empty();
            case TERMINATE -> a.status() == null || !Set.of("success", "fail").contains(a.status())
                    ? Optional.of("terminate: 'status' must be success or fail, was " + quote(a.status()))
                    : Optional.empty();
            case REQUEST_PERMISSION -> {
                if (a.intent() == null) {
                    yield Optional.of("request_permission: missing 'intent' (read_data, access_app or write_data)");
                }
                if (blank(a.resourceId())) {
                    yield Optional.of("request_permission: missing 'resourceId' (a profile key or an app)");
                }
                yield blank(a.reason()) ? Optional.of("request_permission: missing 'reason' (tell the user why)")
                        : Optional.empty();
            }
            case READ_PROFILE -> blank(a.key()) ? Optional.of("read_profile: missing 'key'") : Optional.empty();
            case SAVE_PROFILE -> blank(a.key()) || a.value() == null || a.level() == null
                    ? Optional.of("save_profile: needs 'key', 'value' and 'level' (LOW or HIGH)")
                    : Optional.empty();
            case ASK_USER -> blank(a.question()) ? Optional.of("ask_user: missing 'question'") : Optional.empty();
        };
    }

    private static Optional<String> tooLong(String n, Action a) {
        if (a.text() != null && a.text().length() > MAX_TYPE_CHARS) {
            return Optional.of(n + ": 'text' has " + a.text().length() + " characters; at most " + MAX_TYPE_CHARS
                    + " go into one action (type longer text in parts)");
        }
        String[][] args = {{"reason", a.reason()}, {"question", a.question()}, {"value", a.value()},
                {"key", a.key()}, {"resourceId", a.resourceId()}, {"app", a.app()}, {"status", a.status()},
                {"direction", a.direction()}, {"button", a.button()}};
        for (String[] arg : args) {
            if (arg[1] != null && arg[1].length() > MAX_ARG_CHARS) {
                return Optional.of(n + ": '" + arg[0] + "' has " + arg[1].length() + " characters; at most "
                        + MAX_ARG_CHARS + " are accepted");
            }
        }
        if (a.options() != null) {
            if (a.options().size() > MAX_OPTIONS) {
                return Optional.of(n + ": " + a.options().size() + " options; at most " + MAX_OPTIONS + " are accepted");
            }
            for (String o : a.options()) {
                if (o != null && o.length() > MAX_ARG_CHARS) {
                    return Optional.of(n + ": an option has " + o.length() + " characters; at most " + MAX_ARG_CHARS
                            + " are accepted");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> point(String action, String arg, Integer v, int max) {
        if (v == null) return Optional.of(action + ": missing '" + arg + "' (screenshot pixels)");
        if (v < 0 || v >= max) {
            return Optional.of(action + ": '" + arg + "' = " + v + " is outside the screen (0.." + (max - 1) + ")");
        }
        return Optional.empty();
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    private static String quote(String s) { return s == null ? "nothing" : "'" + s + "'"; }
}
