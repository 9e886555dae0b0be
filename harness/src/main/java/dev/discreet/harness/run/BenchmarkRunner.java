package dev.discreet.harness.run;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.Agents;
import dev.discreet.harness.device.AppiumServer;
import dev.discreet.harness.device.AppiumServerOptions;
import dev.discreet.harness.device.ChromiumPhone;
import dev.discreet.harness.internal.Reporting;
import dev.discreet.harness.internal.Version;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.RunManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs agents over tasks on one device and audits each episode as soon as it ends. With {@code resume}, episodes
 * whose evidence and audit are complete are kept and only the rest run again.
 */
public final class BenchmarkRunner {
    private final RunOptions options;
    private final Map<String, Supplier<Agent>> customAgents = new LinkedHashMap<>();
    private Consumer<String> progress = s -> { };

    public BenchmarkRunner(RunOptions options) { this.options = options; }

    /** Registers an agent by name (its {@link Agent#name()} must match), for agents outside the built-in ones. */
    public BenchmarkRunner withAgent(String name, Supplier<Agent> agent) {
        customAgents.put(name, agent);
        return this;
    }

    public BenchmarkRunner onProgress(Consumer<String> p) {
        this.progress = p;
        return this;
    }

    public RunResult run() {
        TaskSuite suite = options.suite();
        List<Task> tasks = selectTasks(suite);
        List<Supplier<Agent>> agents = options.agents().stream().map(this::agent).toList();
        String runId = options.runId() != null ? options.runId()
                : LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = options.runsDir().resolve(runId).toAbsolutePath();
        RunManifest manifest = prepare(runDir, runId, suite, tasks);
        List<EpisodeAudit> audits = new ArrayList<>();
        try (MockAppServer apps = MockAppServer.start(suite);
             AppiumServer local = options.appiumUrl() == null ? AppiumServer.start(localAppium(runDir)) : null;
             ChromiumPhone phone = ChromiumPhone.connect(
                     options.appiumUrl() != null ? options.appiumUrl() : local.url(), options.phone())) {
            manifest = withDevice(runDir, manifest, phone.describe());
            EpisodeRunner runner = new EpisodeRunner(suite, apps, phone);
            int total = agents.size() * tasks.size(), n = 0;
            for (Supplier<Agent> supplier : agents) {
                Agent agent = supplier.get();
                for (Task task : tasks) {
                    n++;
                    Path dir = runDir.resolve(Auditor.EPISODES_DIR).resolve(task.id() + "__" + agent.name());
                    EpisodeAudit audit = options.resume() ? completed(dir) : null;
                    if (audit == null) {
                        dev.discreet.harness.internal.Files2.deleteTree(dir);
                        EpisodeRecord rec = runner.run(task, agent, dir, options.maxSteps(), 0);
                        audit = Auditor.auditAndWrite(dir);
                        progress.accept(String.format("[%d/%d] %s %s: %s, %d steps, success=%s privacy=%s",
                                n, total, agent.name(), task.id(), rec.status(), rec.steps(), audit.success(),
                                audit.privacy() == null ? "-" : String.format("%.2f", audit.privacy())));
                    } else {
                        progress.accept(String.format("[%d/%d] %s %s: kept from the earlier run", n, total,
                                agent.name(), task.id()));
                    }
                    audits.add(audit);
                    // Reports of a run in progress are always current.
                    Reporting.write(runDir, manifest, audits, suite.profile(), options.revealValues());
                }
            }
        }
        Path report = Reporting.write(runDir, manifest, audits, suite.profile(), options.revealValues());
        return new RunResult(runDir, manifest, List.copyOf(audits), report);
    }

    private Supplier<Agent> agent(String name) {
        Supplier<Agent> s = customAgents.get(name);
        return s != null ? s : Agents.byName(name);
    }

    private AppiumServerOptions localAppium(Path runDir) {
        AppiumServerOptions o = options.localAppium() != null ? options.localAppium() : AppiumServerOptions.discover();
        return o.logFile() == null ? o.withLogFile(runDir.resolve("appium.log")) : o;
    }

    private List<Task> selectTasks(TaskSuite suite) {
        if (options.taskIds().isEmpty()) return suite.tasks();
        List<Task> out = new ArrayList<>();
        for (String id : options.taskIds()) {
            out.add(suite.task(id).orElseThrow(() -> new IllegalArgumentException("unknown task '" + id
                    + "': the suite has " + suite.tasks().stream().map(Task::id).toList())));
        }
        return out;
    }

    private RunManifest prepare(Path runDir, String runId, TaskSuite suite, List<Task> tasks) {
        Path file = runDir.resolve(EvidenceFiles.MANIFEST);
        try {
            if (Files.exists(file)) {
                RunManifest old = Json.mapper().readValue(file.toFile(), RunManifest.class);
                if (!options.resume()) {
                    throw new IllegalStateException("run folder " + runDir + " already holds a run: pass --resume to "
                            + "continue it, or choose another run id");
                }
                if (!old.suiteHash().equals(suite.hash())) {
                    throw new IllegalStateException("cannot resume " + runDir + ": it was run with task suite "
                            + old.suiteHash().substring(0, 12) + ", this suite is " + suite.hash().substring(0, 12));
                }
            }
            Files.createDirectories(runDir);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("maxSteps", options.maxSteps() == 0 ? "task default" : String.valueOf(options.maxSteps()));
            params.put("resume", String.valueOf(options.resume()));
            params.put("phone", options.phone().phone().name());
            RunManifest m = new RunManifest(runId, Version.HARNESS, suite.name(), suite.version(), suite.hash(),
                    options.agents(), tasks.stream().map(Task::id).toList(), params, "pending",
                    System.currentTimeMillis());
            Files.writeString(file, Json.pretty(m));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run manifest " + file, e);
        }
    }

    private static RunManifest withDevice(Path runDir, RunManifest m, String device) {
        RunManifest d = new RunManifest(m.runId(), m.harnessVersion(), m.suiteName(), m.suiteVersion(), m.suiteHash(),
                m.agents(), m.taskIds(), m.parameters(), device, m.startedAt());
        try {
            Files.writeString(runDir.resolve(EvidenceFiles.MANIFEST), Json.pretty(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** The audit of an episode that finished and was audited in an earlier attempt, or null to run it again. */
    private static EpisodeAudit completed(Path dir) {
        Path ep = dir.resolve(EvidenceFiles.EPISODE), audit = dir.resolve(EvidenceFiles.AUDIT);
        if (!Files.exists(ep) || !Files.exists(audit)) return null;
        try {
            EpisodeRecord r = Json.mapper().readValue(ep.toFile(), EpisodeRecord.class);
            if (r.status() == EpisodeStatus.RUNNING || r.status() == EpisodeStatus.INFRA_FAILED) return null;
            return Auditor.readAudit(audit);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }


}
