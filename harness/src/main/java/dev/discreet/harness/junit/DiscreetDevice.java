package dev.discreet.harness.junit;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.junit.internal.Session;
import dev.discreet.harness.junit.internal.TasksProvider;
import dev.discreet.harness.run.EpisodeResult;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test's handle on the shared device pool, injected by {@link DiscreetExtension}. {@link #run} borrows a device,
 * runs the agent on the task, audits the episode, regenerates the run's report and attaches the evidence folder
 * and report path to the test's output: as JUnit report entries ({@code discreet.evidence}, {@code discreet.report},
 * {@code discreet.scores}: IDEs, Gradle, JUnit's own XML) and as lines on the test's standard output, which Surefire
 * keeps per test case in its XML ({@code <system-out>}).
 */
public final class DiscreetDevice {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(DiscreetDevice.class);

    private final Session session;
    private final ExtensionContext test;

    DiscreetDevice(Session session, ExtensionContext test) {
        this.session = session;
        this.test = test;
    }

    /** Runs {@code agent} on {@code task}; blocks while every device of the pool is busy. */
    public EpisodeResult run(Agent agent, Task task) {
        if (agent == null) throw new IllegalArgumentException("agent must not be null");
        if (task == null) throw new IllegalArgumentException("task must not be null");
        EpisodeResult r = session.run(agent, task);
        results(test).add(r);
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("discreet.episode", r.episodeId());
        entry.put("discreet.evidence", r.evidenceDir().toString());
        entry.put("discreet.report", r.report().toString());
        dev.discreet.auditors.ProfileScore strict = r.audit().score(dev.discreet.auditors.ScoringProfile.STRICT);
        entry.put("discreet.scores", String.format(Locale.ROOT, "status=%s success=%s privacy=%s op=%s tr=%s fm=%s "
                        + "strict.privacy=%s strict.op=%s strict.tr=%s strict.fm=%s steps=%d", r.audit().status(),
                r.audit().success(), n(r.audit().privacy()), n(r.audit().op()), n(r.audit().tr()), n(r.audit().fm()),
                n(strict.privacy()), n(strict.op()), n(strict.tr()), n(strict.fm()), r.audit().steps()));
        test.publishReportEntry(entry);
        // Surefire ignores report entries but keeps each test's standard output in its XML (<system-out>).
        System.out.println("discreet: episode " + r.episodeId() + ": " + entry.get("discreet.scores"));
        System.out.println("discreet: evidence " + r.evidenceDir());
        System.out.println("discreet: report " + r.report());
        return r;
    }

    /** Runs {@code agent} on the task of the session's suite with this id. */
    public EpisodeResult run(Agent agent, String taskId) {
        TaskSuite suite = session.suite();
        Task task = suite.task(taskId).orElseThrow(() -> new IllegalArgumentException(
                TasksProvider.unknownTask(suite, taskId)));
        return run(agent, task);
    }

    /** The suite the session runs (configuration parameter {@code discreet.suite}, else the canonical suite). */
    public TaskSuite suite() { return session.suite(); }

    /** This test run's folder: manifest, results, report and one evidence folder per episode. */
    public Path runDir() { return session.runDir(); }

    static List<EpisodeResult> resultsOf(ExtensionContext test) { return List.copyOf(results(test)); }

    @SuppressWarnings("unchecked")
    private static List<EpisodeResult> results(ExtensionContext test) {
        return test.getStore(NS).getOrComputeIfAbsent("results", k -> new CopyOnWriteArrayList<EpisodeResult>(),
                List.class);
    }

    private static String n(Double d) { return d == null ? "-" : String.format(Locale.ROOT, "%.4f", d); }
}
