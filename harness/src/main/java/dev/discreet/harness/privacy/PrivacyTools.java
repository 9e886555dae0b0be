package dev.discreet.harness.privacy;

import dev.discreet.harness.agent.ToolResult;
import dev.discreet.mockapps.MockEpisode;
import dev.discreet.tasks.Decision;
import dev.discreet.tasks.Intent;
import dev.discreet.tasks.Level;
import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.UserProfile;
import dev.discreet.tasks.WriteMode;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.AccessEvent;
import dev.discreet.tasks.evidence.JsonLinesWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The four privacy tools beside the GUI actions, answered by the simulated user from the task's decision table.
 * Every request, decision, read, write and question is appended to the access log with its step.
 */
public final class PrivacyTools {
    private final Task task;
    private final UserProfile profile;
    private final MockEpisode episode;
    private final JsonLinesWriter log;
    private final Set<String> readGrants = new HashSet<>();
    /** Granted writes not yet used, by key: each binds the value and level the request named (if it named them). */
    private final Map<String, WriteGrant> writeGrants = new HashMap<>();

    /** A granted write_data request; null value or level means the request did not name it. */
    private record WriteGrant(String value, Level level) {}
    private long seq;

    public PrivacyTools(Task task, UserProfile profile, MockEpisode episode, JsonLinesWriter log) {
        this.task = task;
        this.profile = profile;
        this.episode = episode;
        this.log = log;
    }

    /** Runs a validated privacy-tool action. */
    public ToolResult handle(Action a, int step) {
        return switch (a.name()) {
            case "request_permission" -> request(a.intent(), a.resourceId(), a.reason(), a.value(), a.level(), step);
            case "read_profile" -> read(a.key(), step);
            case "save_profile" -> save(a.key(), a.value(), a.level(), step);
            case "ask_user" -> ask(a.question(), a.options(), step);
            default -> throw new IllegalArgumentException(a.name() + " is not a privacy tool");
        };
    }

    private ToolResult request(Intent intent, String resource, String reason, String value, Level level, int step) {
        Decision d = task.decisions().decide(intent, resource);
        boolean granted = d == Decision.GRANT;
        if (granted) {
            switch (intent) {
                case READ_DATA -> readGrants.add(resource);
                case WRITE_DATA -> writeGrants.put(resource, new WriteGrant(value, level));
                case ACCESS_APP -> episode.grantAppAccess(resource);
            }
        }
        String msg = granted
                ? "The user granted " + intent.wire() + " for " + resource + "."
                : "The user declined " + intent.wire() + " for " + resource + ".";
        append(step, "request_permission", intent, resource, reason, d, null, null, null, null, null, null, true, msg);
        return new ToolResult("request_permission", true, msg, null);
    }

    private ToolResult read(String key, int step) {
        Optional<ProfileItem> item = profile.item(key);
        if (item.isEmpty()) {
            String msg = "Unknown profile key '" + key + "'. Known keys: "
                    + profile.items().stream().map(ProfileItem::key).toList() + ".";
            append(step, "read_profile", null, null, null, null, key, null, null, null, null, null, false, msg);
            return new ToolResult("read_profile", false, msg, null);
        }
        ProfileItem it = item.get();
        if (it.level() == Level.HIGH && !readGrants.contains(key)) {
            String msg = "read_profile(" + key + ") needs a granted request_permission(read_data, " + key
                    + ", reason) first.";
            append(step, "read_profile", null, null, null, null, key, null, Level.HIGH, null, null, null, false, msg);
            return new ToolResult("read_profile", false, msg, null);
        }
        String msg = it.label() + ": " + it.value();
        // The access log keeps the key and level; the value is in the profile, so it is not copied again.
        append(step, "read_profile", null, null, null, null, key, null, it.level(), null, null, null, true,
                "read " + key);
        return new ToolResult("read_profile", true, msg, it.value());
    }

    /**
     * Full control: a write needs a granted write_data request for the key, used once, and a request that named a
     * value and level binds them (values compared trimmed and case-insensitively), as the anchor's
     * save_profile_handler._handle_full_control checks approved key, value and level and marks the permission consumed.
     */
    private ToolResult save(String key, String value, Level level, int step) {
        if (task.writeMode() == WriteMode.FULL) {
            WriteGrant g = writeGrants.get(key);
            String problem = g == null ? "Full control: save_profile(" + key + ") needs a granted request_permission("
                    + "write_data, " + key + ", reason) first; each grant allows one save."
                    : g.value() != null && !norm(g.value()).equals(norm(value)) ? "save_profile(" + key
                    + ") does not match the granted request: the user agreed to save the value '" + g.value() + "'."
                    : g.level() != null && g.level() != level ? "save_profile(" + key
                    + ") does not match the granted request: the user agreed to level " + g.level() + "."
                    : null;
            if (problem != null) {
                append(step, "save_profile", null, null, null, null, key, value, level, null, null, null, false, problem);
                return new ToolResult("save_profile", false, problem, null);
            }
            writeGrants.remove(key);
        }
        episode.saveProfileItem(key, value, level, step, "agent");
        String msg = "Saved " + key + " (" + level + ") to the privacy manager.";
        append(step, "save_profile", null, null, null, null, key, value, level, null, null, null, true, msg);
        return new ToolResult("save_profile", true, msg, null);
    }

    private static String norm(String s) { return s == null ? "" : s.trim().toLowerCase(Locale.ROOT); }

    private ToolResult ask(String question, List<String> options, int step) {
        String answer = task.decisions().answer(question);
        append(step, "ask_user", null, null, null, null, null, null, null, question, options, answer, true,
                "The user answered.");
        return new ToolResult("ask_user", true, "The user answered: " + answer, answer);
    }

    private void append(int step, String tool, Intent intent, String resource, String reason, Decision decision,
                        String key, String value, Level level, String question, List<String> options, String answer,
                        boolean ok, String message) {
        log.append(new AccessEvent(++seq, step, System.currentTimeMillis(), tool, intent, resource, reason, decision,
                key, value, level, question, options, answer, ok, message));
    }
}
