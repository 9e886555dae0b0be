package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.discreet.tasks.action.Action;

/**
 * One line of an episode's trajectory.
 *
 * @param screenshot file name of the observation's screenshot, relative to the bundle
 * @param elements   file name of the observation's element list, relative to the bundle
 * @param result     {@code ok}, {@code invalid} (recorded, the episode goes on) or {@code error}
 * @param usage      the model calls behind this step's decision (model-backed agents only, else null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({EvidenceChain.FIELD}) // the chain mac: verified apart
public record StepRecord(int step, long startedAt, String app, String url, String screenshot, String elements,
                         String reasoning, Action action, String result, String message, Timings timings,
                         Usage usage) {
    public static final String OK = "ok";
    public static final String INVALID = "invalid";
    public static final String ERROR = "error";

    @com.fasterxml.jackson.annotation.JsonCreator
    public StepRecord {
    }

    /** A step without model usage (scripted agents). */
    public StepRecord(int step, long startedAt, String app, String url, String screenshot, String elements,
                      String reasoning, Action action, String result, String message, Timings timings) {
        this(step, startedAt, app, url, screenshot, elements, reasoning, action, result, message, timings, null);
    }

    /** Milliseconds spent observing, in the agent, acting, and in the harness's own bookkeeping. */
    public record Timings(double observeMs, double agentMs, double actMs, double harnessMs) {}
}
