package dev.discreet.harness.agent.model.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discreet.tasks.Intent;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.Level;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.UiElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a model reply into reasoning and one action. The action is the first JSON object in the reply that has an
 * {@code "action"} (or {@code "name"}) member; code fences and prose around it are fine, later objects are
 * ignored. Anything unusable gives an {@code error} saying what was wrong, never an exception.
 */
public final class ReplyParser {
    /** The action name recorded for a reply with no usable action; the harness rejects it as invalid. */
    public static final String UNPARSEABLE = "unparseable";

    /** {@code action} is null exactly when {@code error} is set. */
    public record Parsed(String reasoning, Action action, String error) {}

    private final Screens screens;
    private final List<UiElement> elements;

    public ReplyParser(Screens screens, List<UiElement> elements) {
        this.screens = screens;
        this.elements = elements;
    }

    public Parsed parse(String reply) {
        if (reply == null || reply.isBlank()) return new Parsed(null, null, "the reply was empty");
        String firstError = null;
        for (int i = reply.indexOf('{'); i >= 0; i = reply.indexOf('{', i + 1)) {
            int end = matchingBrace(reply, i);
            if (end < 0) continue;
            JsonNode node;
            try {
                node = Json.mapper().readTree(reply.substring(i, end + 1));
            } catch (JsonProcessingException e) {
                if (firstError == null) firstError = "the JSON at character " + i + " is malformed: "
                        + e.getOriginalMessage();
                continue;
            }
            if (!(node instanceof ObjectNode o) || !(o.has("action") || o.has("name"))) continue;
            String reasoning = reasoning(reply, i, end);
            try {
                return new Parsed(reasoning, toAction(o), null);
            } catch (IllegalArgumentException e) {
                return new Parsed(reasoning, null, e.getMessage());
            }
        }
        return new Parsed(reply.strip(), null, firstError != null ? firstError
                : "no JSON action found: end your reply with one object such as {\"action\":\"click\",\"x\":100,\"y\":200}");
    }

    /** The reply without the action's JSON and the fence or label around it. */
    private static String reasoning(String reply, int start, int end) {
        String before = reply.substring(0, start), after = reply.substring(end + 1);
        before = before.replaceAll("(?s)```[a-zA-Z]*\\s*$", "").replaceAll("(?i)(action|json)\\s*:?\\s*$", "");
        after = after.replaceAll("(?s)^\\s*```", "");
        String r = (before.strip() + "\n" + after.strip()).strip();
        r = r.replaceAll("(?i)^(reasoning|thought|thinking)\\s*:\\s*", "");
        return r.isEmpty() ? null : r;
    }

    /** The index of the brace closing the one at {@code open}, skipping strings; -1 if it never closes. */
    static int matchingBrace(String s, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Where tool-call style replies put the arguments: {"name": "click", "arguments": {"x": 1, "y": 2}}. */
    private static final List<String> WRAPPERS = List.of("arguments", "args", "parameters", "params");

    /** The object with a wrapped argument object (or a JSON string holding one, as OpenAI tool calls do) merged in. */
    private static ObjectNode unwrapArguments(ObjectNode o) {
        for (String wrap : WRAPPERS) {
            JsonNode w = o.get(wrap);
            if (w == null || w.isNull()) continue;
            if (w.isTextual()) {
                try {
                    w = Json.mapper().readTree(w.asText());
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("'" + wrap + "' is a string but not a JSON object: "
                            + e.getOriginalMessage());
                }
            }
            if (!(w instanceof ObjectNode args)) {
                throw new IllegalArgumentException("'" + wrap + "' must be an object holding the action's arguments, "
                        + "such as {\"x\":100,\"y\":200}, was " + w);
            }
            ObjectNode merged = o.deepCopy();
            merged.remove(wrap);
            args.fields().forEachRemaining(e -> {
                if (!merged.has(e.getKey())) merged.set(e.getKey(), e.getValue());
            });
            return merged;
        }
        return o;
    }

    private Action toAction(ObjectNode wrapped) {
        ObjectNode o = unwrapArguments(wrapped);
        JsonNode nameNode = o.has("action") ? o.get("action") : o.get("name");
        if (nameNode.isObject()) { // {"action": {"name": "click", ...}}
            ObjectNode inner = (ObjectNode) nameNode;
            if (!inner.has("name")) throw new IllegalArgumentException("'action' is an object without a 'name'");
            return toAction(inner);
        }
        if (!nameNode.isTextual() || nameNode.asText().isBlank()) {
            throw new IllegalArgumentException("'action' must be an action name such as \"click\", was " + nameNode);
        }
        String name = nameNode.asText().trim().toLowerCase(Locale.ROOT);
        Action a = Action.named(name);
        Integer element = integer(o, "element", "element_index", "index");
        if (element != null && List.of("click", "long_press", "double_click", "swipe").contains(name)) {
            UiElement e = elements.stream().filter(u -> u.index() == element).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("element " + element + " is not on the screen "
                            + "(indices on this screen: " + indices() + ")"));
            int cx = e.bounds().centerX(), cy = e.bounds().centerY();
            a = name.equals("swipe") ? a.withStart(cx, cy) : a.withXY(cx, cy);
        }
        Double x = number(o, "x"), y = number(o, "y");
        if (x != null || y != null) {
            if (x == null || y == null) throw new IllegalArgumentException(name + ": give both 'x' and 'y'");
            a = a.withXY(screens.toPixelX(x), screens.toPixelY(y));
        } else if (o.has("coordinate") || o.has("point")) { // [x, y]
            JsonNode p = o.has("coordinate") ? o.get("coordinate") : o.get("point");
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException(name + ": 'coordinate' must be [x, y], was " + p);
            }
            a = a.withXY(screens.toPixelX(p.get(0).asDouble()), screens.toPixelY(p.get(1).asDouble()));
        }
        Double sx = number(o, "startX", "start_x"), sy = number(o, "startY", "start_y");
        if (sx != null && sy != null) a = a.withStart(screens.toPixelX(sx), screens.toPixelY(sy));
        else if (sx != null || sy != null) throw new IllegalArgumentException("swipe: give both 'startX' and 'startY'");
        String text = text(o, "text");
        if (text != null) a = a.withText(text);
        String direction = text(o, "direction");
        if (direction != null) a = a.withDirection(direction.toLowerCase(Locale.ROOT));
        String button = text(o, "button");
        if (button != null) a = a.withButton(button.toLowerCase(Locale.ROOT));
        String app = text(o, "app");
        if (app != null) a = a.withApp(app);
        String status = text(o, "status");
        if (status != null) a = a.withStatus(status.toLowerCase(Locale.ROOT));
        Integer duration = integer(o, "durationMs", "duration_ms");
        if (duration != null) a = a.withDurationMs(duration);
        String key = text(o, "key");
        if (key != null) a = a.withKey(key);
        Intent intent = null;
        String intentText = text(o, "intent");
        if (intentText != null) intent = Intent.parse(intentText); // names the accepted values when wrong
        Level level = null;
        String levelText = text(o, "level");
        if (levelText != null) {
            try {
                level = Level.valueOf(levelText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": 'level' must be LOW or HIGH, was '" + levelText + "'");
            }
        }
        List<String> options = null;
        if (o.has("options") && !o.get("options").isNull()) {
            if (!o.get("options").isArray()) throw new IllegalArgumentException(name + ": 'options' must be a list");
            options = new ArrayList<>();
            for (JsonNode n : o.get("options")) options.add(n.asText());
        }
        return new Action(a.name(), a.x(), a.y(), a.text(), a.direction(), a.startX(), a.startY(), a.button(),
                a.app(), a.status(), intent, text(o, "resourceId", "resource_id", "resource"), text(o, "reason"),
                a.key(), text(o, "value"), level, text(o, "question"), options, a.durationMs());
    }

    private String indices() {
        if (elements.isEmpty()) return "none";
        return elements.get(0).index() + ".." + elements.get(elements.size() - 1).index();
    }

    private static JsonNode field(ObjectNode o, String... names) {
        for (String n : names) {
            JsonNode v = o.get(n);
            if (v != null && !v.isNull()) return v;
        }
        return null;
    }

    private static String text(ObjectNode o, String... names) {
        JsonNode v = field(o, names);
        if (v == null) return null;
        if (v.isContainerNode()) throw new IllegalArgumentException("'" + names[0] + "' must be a string, was " + v);
        return v.asText();
    }

    private static Double number(ObjectNode o, String... names) {
        JsonNode v = field(o, names);
        if (v == null) return null;
        if (v.isNumber()) return v.asDouble();
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("'" + names[0] + "' must be a number, was " + v);
    }

    private static Integer integer(ObjectNode o, String... names) {
        Double d = number(o, names);
        if (d == null) return null;
        if (d != Math.rint(d)) throw new IllegalArgumentException("'" + names[0] + "' must be a whole number, was " + d);
        return (int) Math.round(d);
    }
}
