package dev.discreet.reports.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model usage (tokens, latency, cost) when the evidence carries it: an optional {@code usage} object of numbers in
 * {@code episode.json} and/or in each trajectory line. Read generically (every numeric field is summed) so the
 * report works before and after the harness records usage, whatever the field names are. Empty when absent.
 */
public final class UsageTotals {
    /** The JSON field that holds usage in episode.json and in each trajectory line. */
    public static final String FIELD = "usage";
    private final Map<String, Double> totals = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private int sources;

    /** Adds every numeric field of {@code usage} (nested objects flattened as {@code a.b}); null is ignored. */
    public UsageTotals add(JsonNode usage) {
        if (usage != null && usage.isObject()) {
            sources++;
            add("", usage);
        }
        return this;
    }

    public UsageTotals add(UsageTotals other) {
        other.totals.forEach((k, v) -> totals.merge(k, v, Double::sum));
        other.counts.forEach((k, v) -> counts.merge(k, v, Integer::sum));
        sources += other.sources;
        return this;
    }

    /**
     * Fields missing from some of the usage objects summed (e.g. a cost unknown for some calls), with how many
     * objects had them: their total is partial and is shown as such.
     */
    public Map<String, String> partial() {
        Map<String, String> out = new TreeMap<>();
        counts.forEach((k, n) -> {
            if (n < sources) out.put(k, n + " of " + sources);
        });
        return out;
    }

    private void add(String prefix, JsonNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = prefix + e.getKey();
            if (e.getValue().isNumber()) {
                totals.merge(k, e.getValue().doubleValue(), Double::sum);
                counts.merge(k, 1, Integer::sum);
            }
            else if (e.getValue().isObject()) add(k + ".", e.getValue());
        }
    }

    public boolean isEmpty() { return totals.isEmpty(); }

    /** Field name → sum. */
    public Map<String, Double> totals() { return Collections.unmodifiableMap(totals); }
}
