package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a model-backed agent consumed: tokens as the server reported them, wall-clock latency of the model calls
 * (retries and back-off included), model calls made and retries among them. {@code costUsd} is null when the
 * model has no price in the run's price table, so an unknown cost is never shown as free.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Usage(long promptTokens, long completionTokens, double latencyMs, Double costUsd, int calls,
                    int retries) {
    public static final Usage ZERO = new Usage(0, 0, 0, 0.0, 0, 0);

    /** The sum of both; the cost is null as soon as either side's cost is unknown. */
    public Usage plus(Usage o) {
        if (o == null) return this;
        return new Usage(promptTokens + o.promptTokens, completionTokens + o.completionTokens,
                Math.round((latencyMs + o.latencyMs) * 100) / 100.0,
                costUsd == null || o.costUsd == null ? null : costUsd + o.costUsd, calls + o.calls,
                retries + o.retries);
    }

    public long totalTokens() { return promptTokens + completionTokens; }
}
