package dev.discreet.harness.agent;

import dev.discreet.tasks.Level;
import dev.discreet.tasks.WriteMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an agent is told when an episode starts: only what the user says and the phone shows. The task's
 * classification, the simulated user's decisions, the reference plan, the success rules and the expected saves are
 * the answer key and never reach an agent through this API (a test checks it by reflection and in a real run).
 *
 * @param goal       the user's request, in their words
 * @param lowProfile LOW profile items by key, with their values (usable directly)
 * @param highKeys   HIGH profile items by key, with their human label only; a value needs a granted
 *                   {@code request_permission(read_data, key)} and then {@code read_profile(key)}
 * @param appLevels  the data level each installed app (by id) is trusted with; a HIGH app opens only after a granted
 *                   {@code request_permission(access_app, app)} (see {@link #needsAccessApp})
 * @param apps       the installed apps as shown by the launcher, "Name (id)"
 * @param writeMode  how memory writes work: FULL needs a granted {@code write_data} request first, SEMI does not
 * @param maxSteps   the step budget of this episode
 * @param session    whether this is a task on its own, the first of two sessions, or a later session
 */
public record EpisodeBrief(String goal, Map<String, String> lowProfile, Map<String, String> highKeys,
                           Map<String, Level> appLevels, List<String> apps, WriteMode writeMode, int maxSteps,
                           SessionRole session) {
    public EpisodeBrief {
        if (goal == null) throw new IllegalArgumentException("goal must not be null");
        lowProfile = ordered(lowProfile);
        highKeys = ordered(highKeys);
        appLevels = ordered(appLevels);
        apps = List.copyOf(apps == null ? List.of() : apps);
        if (writeMode == null) throw new IllegalArgumentException("writeMode must not be null");
        if (session == null) session = SessionRole.SINGLE;
    }

    /** An unmodifiable copy that keeps the profile's order (prompts list items in it). */
    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** Whether {@code appId} opens only after the user grants {@code request_permission(access_app, appId)}. */
    public boolean needsAccessApp(String appId) { return appLevels.get(appId) == Level.HIGH; }
}
