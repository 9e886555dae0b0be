package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Final contents of every app database of an episode: app → table → rows (column → value). */
public final class DbDump {
    private final Map<String, Map<String, List<Map<String, Object>>>> apps;

    @JsonCreator
    public DbDump(Map<String, Map<String, List<Map<String, Object>>>> apps) {
        this.apps = apps == null ? Map.of() : new LinkedHashMap<>(apps);
    }

    @JsonValue
    public Map<String, Map<String, List<Map<String, Object>>>> apps() { return apps; }

    /** Rows of a table; empty if the app or table is absent. */
    public List<Map<String, Object>> rows(String app, String table) {
        return apps.getOrDefault(app, Map.of()).getOrDefault(table, List.of());
    }

    public boolean hasTable(String app, String table) {
        return apps.containsKey(app) && apps.get(app).containsKey(table);
    }

    @Override
    public boolean equals(Object o) { return o instanceof DbDump d && d.apps.equals(apps); }

    @Override
    public int hashCode() { return apps.hashCode(); }
}
