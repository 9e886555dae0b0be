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
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import dev.discreet.tasks.evidence.EvidenceFiles;
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

    public EpisodeRunner(TaskSuite suite, MockAppServer apps, Device device) {
        this.suite = suite;
        this.apps = apps;
        this.device = device;
        this.directory = new AppDirectory(suite.apps().values());
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
        writeStart(dir, task, record, suite);
        ActionValidator validator = new ActionValidator(device.screenWidth(), device.screenHeight(), directory);
        int steps = 0;
        EpisodeStatus status = EpisodeStatus.STEP_BUDGET;
        String error = null;
        MockEpisode episode = null;
        // Who failed decides the status: the agent's own exceptions are its ERROR (scored); the model's
        // unavailability, the device, the mock apps and the evidence files are infrastructure (INFRA_FAILED: not
        // scored, rerun by --resume).
        try {
            episode = beginEpisode(episodeId, dir, memory);
            try (JsonLinesWriter trajectory = new JsonLinesWriter(dir.resolve(EvidenceFiles.TRAJECTORY));
                 JsonLinesWriter access = new JsonLinesWriter(dir.resolve(EvidenceFiles.ACCESS))) {
                PrivacyTools tools = new PrivacyTools(task, suite.profile(), episode, access);
                device.reset(episode.homeUri());
                EpisodeBrief brief = brief(task, maxSteps);
                agentCall(() -> {
                    ScriptedAgents.begin(agent, brief, task);
                    return null;
                });
                String feedback = null;
                ToolResult toolResult = null;
                for (int step = 1; step <= maxSteps; step++) {
                    steps = step;
                    episode.setStep(step);
                    long t0 = System.nanoTime();
                    Observation obs = device.observe();
                    long t1 = System.nanoTime();
                    String shot = EvidenceFiles.screenshot(step);
                    String elements = EvidenceFiles.elements(step);
                    Files.write(dir.resolve(shot), obs.screenshotPng());
                    Files.writeString(dir.resolve(elements), Json.write(obs.elements()));
                    long t2 = System.nanoTime();
                    AgentInput input = new AgentInput(step, obs, feedback, toolResult);
                    AgentDecision decision = agentCall(() -> agent.next(input));
                    long t3 = System.nanoTime();
                    Action action = decision == null ? null : decision.action();
                    feedback = null;
                    toolResult = null;
                    String result = StepRecord.OK;
                    String message = null;
                    Optional<String> invalid = validator.check(action);
                    if (invalid.isPresent()) {
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
                                device.open(episode.appUri(directory.resolve(action.app()).orElseThrow()));
                            } else {
                                device.act(action, episode.homeUri());
                            }
                        } catch (InvalidActionException e) {
                            result = StepRecord.INVALID;
                            message = e.getMessage();
                        }
                    }
                    if (StepRecord.INVALID.equals(result)) feedback = "Invalid action: " + message;
                    else if (toolResult != null) feedback = toolResult.message();
                    long t4 = System.nanoTime();
                    URI url = URI.create(obs.url().isEmpty() ? "about:blank" : obs.url());
                    trajectory.append(new StepRecord(step, System.currentTimeMillis(),
                            episode.appOf(url).orElse("home"), obs.url(), shot, elements,
                            decision == null ? null : decision.reasoning(), action, result, message,
                            new StepRecord.Timings(ms(t1 - t0), ms(t3 - t2), ms(t4 - t3), ms(t2 - t1)),
                            agent instanceof Metered m ? m.lastStepUsage() : null));
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
                try {
                    write(dir.resolve(EvidenceFiles.DB), episode.dump());
                } catch (RuntimeException | IOException e) {
                    if (status != EpisodeStatus.INFRA_FAILED) {
                        status = EpisodeStatus.INFRA_FAILED;
                        error = "cannot dump the app databases: " + e;
                    }
                }
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
            write(dir.resolve(EvidenceFiles.EPISODE), end);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evidence to " + dir, e);
        }
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
        writeStart(dir, task, rec, suite);
        return rec;
    }

    private static void writeStart(Path dir, Task task, EpisodeRecord record, TaskSuite suite) {
        try {
            Files.createDirectories(dir.resolve(EvidenceFiles.SCREENS));
            write(dir.resolve(EvidenceFiles.TASK), task);
            write(dir.resolve(EvidenceFiles.PROFILE), suite.profile());
            write(dir.resolve(EvidenceFiles.APPS), new LinkedHashMap<>(suite.apps()));
            write(dir.resolve(EvidenceFiles.EPISODE), record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evidence to " + dir, e);
        }
    }

    private MockEpisode beginEpisode(String episodeId, Path dir, java.util.List<dev.discreet.mockapps.SavedItem> memory) {
        try {
            return apps.beginEpisode(episodeId, dir, memory);
        } catch (RuntimeException e) {
            throw new MockAppFailure("mock-app server failure: cannot begin the episode: " + e.getMessage(), e);
        }
    }

    /**
     * Calls into agent code: whatever it throws is the agent's failure, except an unavailable model. Errors of agent
     * code (a failed assertion, a stack overflow, a missing class) are its own too; only a JVM out of memory or
     * otherwise broken ends the run.
     */
    private static <T> T agentCall(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ModelUnavailableException e) {
            throw e;
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

    private static double ms(long nanos) { return Math.round(nanos / 10_000.0) / 100.0; }

    private static void write(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.pretty(value));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
