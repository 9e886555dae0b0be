package dev.discreet.harness.run;

import dev.discreet.tasks.AppSchema;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Installed apps, found by id ("doctor") or display name ("MediBook"), case-insensitively. */
public final class AppDirectory {
    private final List<AppSchema> apps;

    public AppDirectory(Collection<AppSchema> apps) { this.apps = List.copyOf(apps); }

    public Optional<String> resolve(String nameOrId) {
        String n = nameOrId.trim().toLowerCase(Locale.ROOT);
        return apps.stream()
                .filter(a -> a.id().toLowerCase(Locale.ROOT).equals(n) || a.name().toLowerCase(Locale.ROOT).equals(n))
                .map(AppSchema::id).findFirst();
    }

    public List<String> names() { return apps.stream().map(a -> a.name() + " (" + a.id() + ")").sorted().toList(); }

    public List<String> ids() { return apps.stream().map(AppSchema::id).sorted().toList(); }
}
