package dev.discreet.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned task suite: the profile, the declared app schemas and the tasks, with a hash over every file that
 * defines them (the hash goes into each run manifest, so runs of different suites are never compared blindly).
 */
public record TaskSuite(String name, String version, String hash, UserProfile profile, Map<String, AppSchema> apps,
                        List<Task> tasks, Map<String, ListingCatalogue> catalogues) {
    /** A suite without listing catalogues. */
    public TaskSuite(String name, String version, String hash, UserProfile profile, Map<String, AppSchema> apps,
                     List<Task> tasks) {
        this(name, version, hash, profile, apps, tasks, null);
    }

    /** @param catalogues generated catalogue data of the listing apps, by app id ({@code catalogue/*.json}) */
    public TaskSuite {
        apps = Map.copyOf(apps);
        tasks = List.copyOf(tasks);
        catalogues = catalogues == null ? Map.of() : Map.copyOf(catalogues);
    }

    /** The catalogue of a listing app, or empty for apps without one. */
    public Optional<ListingCatalogue> catalogue(String app) { return Optional.ofNullable(catalogues.get(app)); }

    public Optional<Task> task(String id) { return tasks.stream().filter(t -> t.id().equals(id)).findFirst(); }

    public AppSchema app(String id) {
        AppSchema a = apps.get(id);
        if (a == null) throw new IllegalArgumentException("unknown app '" + id + "': suite has " + apps.keySet());
        return a;
    }

    /** A copy holding only the given tasks (same hash: the suite did not change, the selection did). */
    public TaskSuite withTasks(List<Task> selected) { return new TaskSuite(name, version, hash, profile, apps, selected, catalogues); }
}
