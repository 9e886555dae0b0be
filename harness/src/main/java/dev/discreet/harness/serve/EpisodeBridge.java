package dev.discreet.harness.serve;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.action.ActionType;
import java.time.Duration;

/**
 * The agent the harness runs while an outside client plays it: the runner's thread calls {@link #begin} and
 * {@link #next} as for any agent, and {@code next} waits until the client submits an action ({@link #act}); the
 * client's calls wait for the runner in turn. One episode at a time; the next task's brief appears when the runner
 * begins it.
 *
 * <p>A client that sends no action within the step timeout leaves {@code next} throwing: that episode ends ERROR
 * and is scored, as for any agent that stops answering.
 */
public final class EpisodeBridge implements Agent {
    private final String name;
    private final Duration stepTimeout;
    private final boolean needsScreenshots;
    private final Object lock = new Object();
    private EpisodeBrief brief;
    private int episode;
    private boolean episodeOpen;
    private AgentInput pending;
    private AgentDecision submitted;
    private boolean runOver;
    private String runOverMessage;

    public EpisodeBridge(String name, Duration stepTimeout, boolean needsScreenshots) {
        this.name = name;
        this.stepTimeout = stepTimeout;
        this.needsScreenshots = needsScreenshots;
    }

    @Override
    public String name() { return name; }

    @Override
    public boolean needsScreenshots() { return needsScreenshots; }

    @Override
    public void begin(EpisodeBrief b) {
        synchronized (lock) {
            brief = b;
            episode++;
            episodeOpen = true;
            pending = null;
            submitted = null;
            lock.notifyAll();
        }
    }

    @Override
    public AgentDecision next(AgentInput input) {
        synchronized (lock) {
            pending = input;
            submitted = null;
            lock.notifyAll();
            long deadline = System.nanoTime() + stepTimeout.toNanos();
            while (submitted == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    pending = null;
                    episodeOpen = false;
                    throw new IllegalStateException("the MCP client sent no action for step " + input.step()
                            + " within " + stepTimeout.toSeconds() + " s");
                }
                waitNanos(left);
            }
            AgentDecision d = submitted;
            submitted = null;
            pending = null;
            // The episode ends with this action when it terminates or uses the last step of the budget.
            if (ActionType.find(d.action().name()).orElse(null) == ActionType.TERMINATE
                    || brief != null && input.step() >= brief.maxSteps()) {
                episodeOpen = false;
            }
            return d;
        }
    }

    /** Called once the run has no more episodes. */
    void runOver(String message) {
        synchronized (lock) {
            runOver = true;
            runOverMessage = message;
            episodeOpen = false;
            lock.notifyAll();
        }
    }

    /** What a tool call sees: the episode it belongs to, its brief, and the step waiting for an action (or none). */
    record View(int episode, EpisodeBrief brief, AgentInput step, boolean open, boolean runOver, String runOverMessage) {}

    /** The current episode's brief, waiting up to {@code wait} for the runner to begin one. */
    View task(Duration wait) {
        synchronized (lock) {
            awaitUntil(() -> runOver || brief != null && episodeOpen, wait);
            return view();
        }
    }

    /** The step waiting for an action, waiting up to {@code wait} for the runner to observe the screen. */
    View observe(Duration wait) {
        synchronized (lock) {
            awaitUntil(() -> runOver || pending != null || !episodeOpen, wait);
            return view();
        }
    }

    /**
     * Submits one action for the step waiting, then waits for its outcome: the next step's input (with the feedback
     * or privacy-tool result), or the end of the episode (then the view's episode number has moved on or the run is
     * over). Returns null when no step is waiting for an action (nothing was submitted).
     */
    View act(String reasoning, Action action, Duration wait) {
        synchronized (lock) {
            awaitUntil(() -> runOver || pending != null || !episodeOpen, wait);
            if (pending == null) return null;
            int ep = episode;
            int step = pending.step();
            submitted = new AgentDecision(reasoning, action);
            lock.notifyAll();
            awaitUntil(() -> runOver || episode != ep || pending != null && pending.step() > step, wait);
            return view();
        }
    }

    private View view() { return new View(episode, brief, pending, episodeOpen, runOver, runOverMessage); }

    private void awaitUntil(java.util.function.BooleanSupplier done, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            waitNanos(left);
        }
    }

    private void waitNanos(long nanos) {
        try {
            lock.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
