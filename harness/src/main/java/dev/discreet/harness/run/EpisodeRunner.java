package dev.discreet.harness.run;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.agent.SessionRole;
import dev.discreet.harness.agent.internal.ScriptedAgents;
import dev.discreet.harness.agent.ToolResult;
import dev.discreet.harness.agent.model.Metered;
import dev.discreet.harness.agent.model.ModelUnavailableException;
import dev.discreet.harness.device.Device;
import dev.discreet.harness.device.DeviceFailureException;
import dev.discreet.harness.device.InvalidActionException;
import dev.discreet.harness.device.Observation;
import dev.discreet.harness.device.ScreenshotFormat;
import dev.discreet.harness.privacy.PrivacyTools;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.mockapps.MockEpisode;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.Level;
import dev.discreet.tasks.PairLink;
import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.action.ActionType;
import dev.discreet.tasks.evidence.DbDump;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.EvidenceKeys;
import dev.discreet.tasks.evidence.JsonLinesWriter;
import dev.discreet.tasks.evidence.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one task with one agent on one device and writes its evidence bundle as it goes: each step's screenshot,
 * element list and trajectory line are on disk before the next step starts.
 *
 * <p>An episode ends with the agent's own doing: its {@code terminate} (TERMINATED_SUCCESS / TERMINATED_FAIL), the
 * step budget (STEP_BUDGET; invalid actions are recorded steps, not failures) or an exception thrown by its code
 * (ERROR); these are scored. A failure of anything else (the device, Appium, Chromium, chromedriver, the mock-app
 * server, the model endpoint, the evidence files), in the reset and start of the episode as in any step, ends it
 * INFRA_FAILED: kept out of every score and rerun by {@code --resume}. {@link #run} itself throws only when the
 * evidence folder cannot be written at all. After an INFRA_FAILED episode the runners replace the device.
 */
public final class EpisodeRunner {
    private final TaskSuite suite;
    private final MockAppServer apps;
    private final Device device;
    private final AppDirectory directory;
    /** The keys evidence lines are chained and bundles sealed with: the run's, or this runner's own. */
    private EvidenceKeys keys = EvidenceKeys.generate();

    public EpisodeRunner(TaskSuite suite, MockAppServer apps, Device device) {
        this.suite = suite;
        this.apps = apps;
        this.device = device;
        this.directory = new AppDirectory(suite.apps().values());
    }

    /** Chains and seals evidence with the run's keys (one run, one key; held in memory only). */
    EpisodeRunner withEvidenceKeys(EvidenceKeys runKeys) {
        this.keys = java.util.Objects.requireNonNull(runKeys, "runKeys");
        return this;
    }

    public EpisodeRecord run(Task task, Agent agent, Path dir, int maxStepsOverride, int seed) {
        return run(task, agent, dir, maxStepsOverride, seed, java.util.List.of());
    }

    /**
     * Like {@link #run(Task, Agent, Path, int, int)}, starting with {@code memory} in the privacy manager's saved
     * items: the later session (B) of a cross-session pair gets what session A saved.
     */
    public EpisodeRecord run(Task task, Agent agent, Path dir, int maxStepsOverride, int seed,
                             java.util.List<dev.discreet.mockapps.SavedItem> memory) {
        String episodeId = dir.getFileName().toString();
        int maxSteps = maxStepsOverride > 0 ? maxStepsOverride : task.maxSteps();
        EpisodeRecord record = new EpisodeRecord(episodeId, task.id(), task.app(), agent.name(), seed,
                EpisodeStatus.RUNNING, 0, System.currentTimeMillis(), null, null);
        // The task and profile copies are written when the episode ends: nothing of them is on disk while an agent runs.
        writeStart(dir, task, record, suite, false);
        EvidenceGuard guard = new EvidenceGuard(keys, episodeId, dir);
        ActionValidator validator = new ActionValidator(device.screenWidth(), device.screenHeight(), directory);
        int steps = 0;
        EpisodeStatus status = EpisodeStatus.STEP_BUDGET;
        String error = null;
        MockEpisode episode = null;
        ModelUnavailableException stopRun = null;
        boolean unobserved = false; // an action reached the device and no observation followed it yet
        // Who failed decides the status: the agent's own exceptions are its ERROR (scored); the model's
        // unavailability, the device, the mock apps and the evidence files are infrastructure (INFRA_FAILED: not
        // scored, rerun by --resume).
        try {
            episode = beginEpisode(episodeId, dir, memory);
            try (JsonLinesWriter trajectory = guard.writer(EvidenceFiles.TRAJECTORY);
                 JsonLinesWriter access = guard.writer(EvidenceFiles.ACCESS)) {
                PrivacyTools tools = new PrivacyTools(task, suite.profile(), episode, access);
                device.reset(episode.homeUri());
                EpisodeBrief brief = brief(task, maxSteps);
                agentCall(agent, () -> {
                    ScriptedAgents.begin(agent, brief, task);
                    return null;
                });
                String feedback = null;
                ToolResult toolResult = null;
                boolean unchanged = false;
                Observation seen = null;
                String seenShot = null, seenElements = null;
                for (int step = 1; step <= maxSteps; step++) {
                    steps = step;
                    long t0 = System.nanoTime();
                    Observation obs;
                    String shot, elements;
                    long t1;
                    if (unchanged) {
                        // Nothing touched the screen since the last observation (a privacy tool, or an invalid
                        // action the device never performed): the same observation, and the same evidence files.
                        obs = seen;
                        shot = seenShot;
                        elements = seenElements;
                        t1 = System.nanoTime();
                    } else {
                        obs = device.observe();
                        t1 = System.nanoTime();
                        ScreenshotFormat format = obs.screenshotFormat();
                        shot = format == ScreenshotFormat.NONE ? null : EvidenceFiles.screenshot(step, format.extension());
                        elements = EvidenceFiles.elements(step);
                        if (shot != null) Files.write(dir.resolve(shot), obs.screenshotPng());
                        Files.writeString(dir.resolve(elements), Json.write(obs.elements()));
                    }
                    // After the observation: it waited for the entries of the last step's action, which belong to it.
                    episode.setStep(step);
                    unobserved = false;
                    long t2 = System.nanoTime();
                    AgentInput input = new AgentInput(step, obs, feedback, toolResult);
                    AgentDecision decision = null;
                    RuntimeException failure = null; // ends the episode, after this step's line is written
                    try {
                        decision = agentCall(agent, () -> agent.next(input));
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                    long t3 = System.nanoTime();
                    Action action = decision == null ? null : decision.action();
                    feedback = null;
                    toolResult = null;
                    String result = StepRecord.OK;
                    String message = null;
                    Optional<String> invalid = failure != null ? Optional.empty()
                            : decision != null && decision.invalidReason() != null
                            ? Optional.of(decision.invalidReason()) // exactly what the agent will be told
                            : validator.check(action);
                    if (failure != null) {
                        result = StepRecord.ERROR;
                        Throwable cause = failure instanceof AgentFailure && failure.getCause() != null
                                ? failure.getCause() : failure;
                        message = String.valueOf(cause.getMessage());
                    } else if (invalid.isPresent()) {
                        result = StepRecord.INVALID;
                        message = invalid.get();
                    } else {
                        ActionType type = ActionType.parse(action.name());
                        try {
                            if (type == ActionType.TERMINATE) {
                                status = "success".equals(action.status()) ? EpisodeStatus.TERMINATED_SUCCESS
                                        : EpisodeStatus.TERMINATED_FAIL;
                            } else if (type.isPrivacyTool()) {
                                toolResult = tools.handle(action, step);
                                message = toolResult.message();
                            } else if (type == ActionType.OPEN) {
                                unobserved = true;
                                device.open(episode.appUri(directory.resolve(action.app()).orElseThrow()));
                            } else {
                                unobserved = true;
                                device.act(action, episode.homeUri());
                            }
                        } catch (InvalidActionException e) {
                            result = StepRecord.INVALID;
                            message = e.getMessage();
                        } catch (RuntimeException e) {
                            failure = e;
                            result = StepRecord.ERROR;
                            message = e.toString();
                        }
                    }
                    unchanged = StepRecord.INVALID.equals(result)
                            || (action != null && ActionType.find(action.name()).map(ActionType::isPrivacyTool).orElse(false));
                    seen = obs;
                    seenShot = shot;
                    seenElements = elements;
                    if (StepRecord.INVALID.equals(result)) feedback = "Invalid action: " + message;
                    else if (toolResult != null) feedback = toolResult.message();
                    long t4 = System.nanoTime();
                    URI url = URI.create(obs.url().isEmpty() ? "about:blank" : obs.url());
                    trajectory.append(new StepRecord(step, System.currentTimeMillis(),
                            episode.appOf(url).orElse("home"), obs.url(), shot, elements,
                            decision == null ? null : decision.reasoning(), action, result, message,
                            new StepRecord.Timings(ms(t1 - t0), ms(t3 - t2), ms(t4 - t3), ms(t2 - t1)),
                            agent instanceof Metered m ? m.lastStepUsage() : null));
                    if (failure != null) throw failure;
                    if (status != EpisodeStatus.STEP_BUDGET) break;
                }
            }
        } catch (AgentFailure e) {
            status = EpisodeStatus.ERROR;
            error = "agent error: " + e.getCause();
        } catch (ModelUnavailableException e) {
            // The model, not the agent's behaviour: never scored, rerun by --resume.
            status = EpisodeStatus.INFRA_FAILED;
            error = e.getMessage();
            if (e.keyRefused()) stopRun = e; // every later call would be refused too: stop the run
        } catch (DeviceFailureException e) {
            status = EpisodeStatus.INFRA_FAILED;
            error = e.getMessage();
        } catch (MockAppFailure e) {
            status = EpisodeStatus.INFRA_FAILED;
            error = e.getMessage();
        } catch (RuntimeException | IOException e) {
            // Neither the agent's code nor its doing (mock apps mid-episode, evidence files): not the agent's to
            // answer for.
            status = EpisodeStatus.INFRA_FAILED;
            error = "harness failure: " + e;
        } finally {
            if (episode != null) {
                // What the last action sent (form entries, a submitted form) reaches the apps before their databases
                // are read. An observation waits for that itself, so only a last action with none after it (the step
                // budget ran out) needs the wait (it replaced a fixed 400 ms sleep per episode).
                if (unobserved && status != EpisodeStatus.INFRA_FAILED) {
                    try {
                        device.settle();
                    } catch (RuntimeException e) {
                        status = EpisodeStatus.INFRA_FAILED;
                        error = "cannot settle the device before the databases are read: " + e.getMessage();
                    }
                }
                try {
                    writeCompact(dir.resolve(EvidenceFiles.DB), changedOnly(episode.dump(), task));
                } catch (RuntimeException | IOException e) {
                    if (status != EpisodeStatus.INFRA_FAILED) {
                        status = EpisodeStatus.INFRA_FAILED;
                        error = "cannot dump the app databases: " + e;
                    }
                }
                guard.head(EvidenceFiles.ENTRIES, episode.entriesHead());
                try {
                    episode.close();
                } catch (RuntimeException e) {
                    // the episode's pages are unreachable either way; its evidence is already written
                }
            }
        }
        EpisodeRecord end = record.withEnd(status, steps, System.currentTimeMillis(), error);
        if (agent instanceof Metered m) end = end.withUsage(m.episodeUsage());
        try {
            write(dir.resolve(EvidenceFiles.TASK), task);
            write(dir.resolve(EvidenceFiles.PROFILE), suite.profile());
            java.util.List<String> chainProblems = guard.verify();
            write(dir.resolve(EvidenceFiles.EPISODE), end);
            guard.seal(chainProblems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evidence to " + dir, e);
        }
        if (stopRun != null) throw stopRun; // after the bundle is complete: the episode stays INFRA_FAILED
        return end;
    }

    /**
     * Writes the bundle of an episode that could not run at all (no device could be had for it): its task, profile
     * and app schemas and an {@code INFRA_FAILED} record, so that it is reported, kept out of every score and rerun
     * by {@code --resume}, never left {@code RUNNING}.
     */
    public static EpisodeRecord recordNotRun(TaskSuite suite, Task task, String agent, Path dir, String reason) {
        long now = System.currentTimeMillis();
        EpisodeRecord rec = new EpisodeRecord(dir.getFileName().toString(), task.id(), task.app(), agent, 0,
                EpisodeStatus.INFRA_FAILED, 0, now, now, reason);
        writeStart(dir, task, rec, suite, true);
        return rec;
    }

    private static void writeStart(Path dir, Task task, EpisodeRecord record, TaskSuite suite, boolean withTask) {
        try {
            Files.createDirectories(dir.resolve(EvidenceFiles.SCREENS));
            if (withTask) {
                write(dir.resolve(EvidenceFiles.TASK), task);
                write(dir.resolve(EvidenceFiles.PROFILE), suite.profile());
            }
            writeCompact(dir.resolve(EvidenceFiles.APPS), new LinkedHashMap<>(suite.apps()));
            write(dir.resolve(EvidenceFiles.EPISODE), record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evidence to " + dir, e);
        }
    }

    private MockEpisode beginEpisode(String episodeId, Path dir, java.util.List<dev.discreet.mockapps.SavedItem> memory) {
        try {
            return apps.beginEpisode(episodeId, dir, memory, keys);
        } catch (RuntimeException e) {
            throw new MockAppFailure("mock-app server failure: cannot begin the episode: " + e.getMessage(), e);
        }
    }

    /**
     * Calls into agent code: whatever it throws is the agent's failure, except an unavailable model reported by the
     * harness's own model client (only the harness decides what is infrastructure: the same exception thrown by any
     * other agent is that agent's ERROR). Errors of agent code (a failed assertion, a stack overflow, a missing
     * class) are its own too; only a JVM out of memory or otherwise broken ends the run.
     */
    private static <T> T agentCall(Agent agent, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ModelUnavailableException e) {
            if (dev.discreet.harness.agent.internal.HarnessClients.isHarnessModelClient(agent)) throw e;
            throw new AgentFailure(e);
        } catch (RuntimeException | AssertionError | LinkageError | StackOverflowError e) {
            throw new AgentFailure(e);
        }
    }

    /** An exception thrown by the agent's own code; the cause is what it threw. */
    private static final class AgentFailure extends RuntimeException {
        AgentFailure(Throwable cause) { super(cause); }
    }

    /** The mock-app server could not serve the episode. */
    private static final class MockAppFailure extends RuntimeException {
        MockAppFailure(String message, Throwable cause) { super(message, cause); }
    }

    private EpisodeBrief brief(Task task, int maxSteps) {
        Map<String, String> low = new LinkedHashMap<>();
        Map<String, String> high = new LinkedHashMap<>();
        for (ProfileItem i : suite.profile().items()) {
            if (i.level() == Level.LOW) low.put(i.key(), i.value());
            else high.put(i.key(), i.label());
        }
        Map<String, Level> levels = new LinkedHashMap<>();
        for (String app : directory.ids()) levels.put(app, suite.profile().appLevel(app));
        SessionRole session = task.pair() == null ? SessionRole.SINGLE
                : PairLink.B.equals(task.pair().role()) ? SessionRole.LATER : SessionRole.FIRST;
        // Nothing of the answer key: no classification, decisions, plan, success rules or expected save.
        return new EpisodeBrief(task.goal(), low, high, levels, directory.names(), task.writeMode(), maxSteps,
                session);
    }

    /** Each app's database as seeded, per app server: what an untouched database dumps to. */
    private static final Map<MockAppServer, DbDump> SEEDS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * The databases worth keeping: the task's app, the privacy manager, every app a verification rule reads, and any
     * other app whose database differs from its seed. An untouched database is the seed again (~15 KB of catalogue
     * per app, ten apps per episode): it holds no value an auditor could find, so it is left out of the bundle.
     */
    private DbDump changedOnly(DbDump dump, Task task) {
        DbDump seed = SEEDS.computeIfAbsent(apps, this::seedDump);
        java.util.Set<String> keep = new java.util.HashSet<>(java.util.List.of(task.app(), "privacy"));
        if (task.success() != null) task.success().forEach(r -> keep.add(r.dbOr(task.app())));
        Map<String, Map<String, java.util.List<Map<String, Object>>>> out = new LinkedHashMap<>();
        dump.apps().forEach((app, tables) -> {
            if (keep.contains(app) || !tables.equals(seed.apps().get(app))) out.put(app, tables);
        });
        return new DbDump(out);
    }

    private DbDump seedDump(MockAppServer server) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("discreet-seed-");
            try (MockEpisode probe = server.beginEpisode("seed-" + System.nanoTime(), tmp)) {
                return probe.dump();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed databases", e);
        } finally {
            if (tmp != null) dev.discreet.harness.internal.Files2.deleteTree(tmp);
        }
    }

    private static double ms(long nanos) { return Math.round(nanos / 10_000.0) / 100.0; }

    /** Large machine-read files (app schemas, databases) without indentation: a third smaller. */
    private static void writeCompact(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.write(value));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.pretty(value));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
