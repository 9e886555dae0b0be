package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user the agent acts for: profile items in two tiers and the access level of each app.
 * LOW values are handed to the agent; HIGH items are shown by key only.
 */
public record UserProfile(String id, List<ProfileItem> items, Map<String, Level> appLevels) {
    public UserProfile {
        Check.required(id, "id", "a profile id");
        items = Check.list(items);
        appLevels = Check.map(appLevels);
        Map<String, ProfileItem> seen = new LinkedHashMap<>();
        for (ProfileItem item : items) {
            if (seen.put(item.key(), item) != null) {
                throw new IllegalArgumentException("duplicate profile key '" + item.key() + "' in 'items'");
            }
        }
    }

    public Optional<ProfileItem> item(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    public List<ProfileItem> low() { return items.stream().filter(i -> i.level() == Level.LOW).toList(); }

    public List<ProfileItem> high() { return items.stream().filter(i -> i.level() == Level.HIGH).toList(); }

    /** Apps not listed are LOW: they open without an access_app grant. */
    public Level appLevel(String app) { return appLevels.getOrDefault(app, Level.LOW); }
}
