package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.discreet.tasks.action.Action;

/**
 * One line of an episode's trajectory.
 *
 * @param screenshot file name of the observation's screenshot, relative to the bundle
 * @param elements   file name of the observation's element list, relative to the bundle
 * @param result     {@code ok}, {@code invalid} (recorded, the episode goes on) or {@code error}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepRecord(int step, long startedAt, String app, String url, String screenshot, String elements,
                         String reasoning, Action action, String result, String message, Timings timings) {
    public static final String OK = "ok";
    public static final String INVALID = "invalid";
    public static final String ERROR = "error";

    /** Milliseconds spent observing, in the agent, acting, and in the harness's own bookkeeping. */
    public record Timings(double observeMs, double agentMs, double actMs, double harnessMs) {}
}
