package dev.discreet.tasks.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.discreet.tasks.Intent;
import dev.discreet.tasks.Level;
import java.util.List;

/**
 * One agent action as it is recorded. A flat value: only the arguments of its {@code name} are set. The name is
 * kept as the agent wrote it so that an unknown action can be recorded too; the harness validates it.
 * Coordinates are screenshot pixels.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(String name, Integer x, Integer y, String text, String direction, Integer startX,
                     Integer startY, String button, String app, String status, Intent intent, String resourceId,
                     String reason, String key, String value, Level level, String question, List<String> options,
                     Integer durationMs) {

    public static Action named(String name) {
        return new Action(name, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public static Action click(int x, int y) { return named("click").withXY(x, y); }

    public static Action longPress(int x, int y) { return named("long_press").withXY(x, y); }

    public static Action doubleClick(int x, int y) { return named("double_click").withXY(x, y); }

    public static Action type(String text) { return named("type").withText(text); }

    public static Action swipe(String direction) { return named("swipe").withDirection(direction); }

    public static Action systemButton(String button) { return named("system_button").withButton(button); }

    public static Action open(String app) { return named("open").withApp(app); }

    public static Action waitFor(int ms) { return named("wait").withDurationMs(ms); }

    public static Action terminate(String status) { return named("terminate").withStatus(status); }

    public static Action requestPermission(Intent intent, String resourceId, String reason) {
        return new Action("request_permission", null, null, null, null, null, null, null, null, null, intent,
                resourceId, reason, null, null, null, null, null, null);
    }

    public static Action readProfile(String key) { return named("read_profile").withKey(key); }

    public static Action saveProfile(String key, String value, Level level) {
        return new Action("save_profile", null, null, null, null, null, null, null, null, null, null, null, null,
                key, value, level, null, null, null);
    }

    public static Action askUser(String question, List<String> options) {
        return new Action("ask_user", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, question, options, null);
    }

    public Action withXY(int nx, int ny) {
        return new Action(name, nx, ny, text, direction, startX, startY, button, app, status, intent, resourceId,
                reason, key, value, level, question, options, durationMs);
    }

    public Action withStart(int sx, int sy) {
        return new Action(name, x, y, text, direction, sx, sy, button, app, status, intent, resourceId, reason, key,
                value, level, question, options, durationMs);
    }

    public Action withText(String t) {
        return new Action(name, x, y, t, direction, startX, startY, button, app, status, intent, resourceId, reason,
                key, value, level, question, options, durationMs);
    }

    public Action withDirection(String d) {
        return new Action(name, x, y, text, d, startX, startY, button, app, status, intent, resourceId, reason, key,
                value, level, question, options, durationMs);
    }

    public Action withButton(String b) {
        return new Action(name, x, y, text, direction, startX, startY, b, app, status, intent, resourceId, reason,
                key, value, level, question, options, durationMs);
    }

    public Action withApp(String a) {
        return new Action(name, x, y, text, direction, startX, startY, button, a, status, intent, resourceId, reason,
                key, value, level, question, options, durationMs);
    }

    public Action withStatus(String s) {
        return new Action(name, x, y, text, direction, startX, startY, button, app, s, intent, resourceId, reason,
                key, value, level, question, options, durationMs);
    }

    public Action withKey(String k) {
        return new Action(name, x, y, text, direction, startX, startY, button, app, status, intent, resourceId,
                reason, k, value, level, question, options, durationMs);
    }

    public Action withDurationMs(int ms) {
        return new Action(name, x, y, text, direction, startX, startY, button, app, status, intent, resourceId,
                reason, key, value, level, question, options, ms);
    }
}
