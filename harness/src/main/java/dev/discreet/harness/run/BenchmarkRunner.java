package dev.discreet.harness.run;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.Agents;
import dev.discreet.harness.device.AppiumServer;
import dev.discreet.harness.device.AppiumServerOptions;
import dev.discreet.harness.device.Device;
import dev.discreet.harness.device.DeviceFailureException;
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
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.net.URL;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs agents over tasks on one device and audits each episode as soon as it ends. With {@code resume}, episodes
 * whose evidence and audit are complete are kept and only the rest run again (those left RUNNING or INFRA_FAILED).
 * An infrastructure failure ends only its own episode (INFRA_FAILED, see {@link EpisodeRunner}): the phone it ran on
 * is replaced by a new session and the run goes on, so it always ends with every episode recorded and a report.
 */
public final class BenchmarkRunner {
    private final RunOptions options;
    private final Map<String, Supplier<Agent>> customAgents = new LinkedHashMap<>();
    private static final long REPORT_INTERVAL_NANOS = 3_000_000_000L;
    private Consumer<String> progress = s -> { };
    private final Map<String, String> extraParameters = new LinkedHashMap<>();
    /** This run's evidence keys: in memory only; the public signing key goes into the manifest. */
    private final dev.discreet.tasks.evidence.EvidenceKeys evidenceKeys = dev.discreet.tasks.evidence.EvidenceKeys.generate();
    /** Tests' fake devices instead of Chromium phones on Appium; null in real runs. */
    private Supplier<Device> devices;

    public BenchmarkRunner(RunOptions options) { this.options = options; }

    /** Registers an agent by name (its {@link Agent#name()} must match), for agents outside the built-in ones. */
    public BenchmarkRunner withAgent(String name, Supplier<Agent> agent) {
        customAgents.put(name, agent);
        return this;
    }

    /** Adds a parameter to the run manifest (e.g. the model settings of a model-backed agent). */
    public BenchmarkRunner withParameter(String key, String value) {
        extraParameters.put(key, value);
        return this;
    }

    /** For tests: phones come from {@code factory} (no Appium server is started). */
    BenchmarkRunner withDeviceFactory(Supplier<Device> factory) {
        this.devices = factory;
        return this;
    }

    public BenchmarkRunner onProgress(Consumer<String> p) {
        this.progress = p;
        return this;
    }

    /** One episode to run: an agent on a task, with its place in the run's order. */
    private record Job(int index, String agentName, Task task) {}

    /** The run's id: the one given, or the timestamp chosen when {@link #run} started (null before that). */
    public String runId() { return runId != null ? runId : options.runId(); }

    /**
     * Runs every episode and writes the report. A run that fails before any episode started leaves nothing behind
     * (the folder it created, with only its manifest, would block reusing the id).
     */
    public RunResult run() {
        try {
            return runAll();
        } catch (RuntimeException | Error e) {
            if (createdRunDir != null && !Files.exists(createdRunDir.resolve(Auditor.EPISODES_DIR))) {
                try {
                    dev.discreet.harness.internal.Files2.deleteTree(createdRunDir);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    private volatile String runId;
    /** Whether any phone of this run has connected (until then a connection failure is a failed start). */
    private volatile boolean anyConnected;
    private Path createdRunDir;
    /** Infra-failed episodes run again on a new device ({@link FarmOptions#retries()}). */
    private Retries retries;

    private RunResult runAll() {
        TaskSuite suite = options.suite();
        List<Task> tasks = selectTasks(suite);
        for (String name : options.agents()) agent(name); // unknown agents fail before anything is written
        checkScreenshots();
        // An unknown or unwired device kind fails before anything is written.
        dev.discreet.harness.device.DeviceFactory factory = devices != null ? null
                : dev.discreet.harness.device.Devices.factory(options.deviceSettings());
        String runId = options.runId() != null ? options.runId()
                : LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        this.runId = runId;
        Path runDir = options.runsDir().resolve(runId).toAbsolutePath();
        RunManifest manifest = prepare(runDir, runId, suite, tasks);
        retries = new Retries(options.farm().retries(), runDir, line -> {
            synchronized (this) {
                progress.accept(line);
            }
        });
        List<List<Job>> chains = new ArrayList<>();
        int index = 0;
        for (String agentName : options.agents()) {
            // A cross-session pair runs as one chain, A then B, so B starts with what A saved.
            Map<String, List<Job>> pairs = new HashMap<>();
            for (Task task : tasks) {
                Job job = new Job(index++, agentName, task);
                if (task.pair() == null) {
                    chains.add(List.of(job));
                    continue;
                }
                List<Job> chain = pairs.get(task.pair().id());
                if (chain == null) {
                    chain = new ArrayList<>();
                    pairs.put(task.pair().id(), chain);
                    chains.add(chain);
                }
                if (dev.discreet.tasks.PairLink.A.equals(task.pair().role())) chain.add(0, job);
                else chain.add(job);
            }
        }
        int total = index;
        Map<Integer, EpisodeAudit> audits = new TreeMap<>();
        AtomicInteger done = new AtomicInteger();
        try (MockAppServer apps = MockAppServer.start(suite, options.farm().apps());
             AppiumServer local = options.appiumUrl() == null && options.farm().endpoints().isEmpty() && devices == null
                     ? AppiumServer.start(localAppium(runDir)) : null) {
            List<URL> servers = !options.farm().endpoints().isEmpty() ? options.farm().endpoints()
                    : options.appiumUrl() != null ? List.of(options.appiumUrl())
                    : local == null ? List.of() : List.of(local.url());
            DevicePool pool0 = new DevicePool(servers, factory);
            int workers = Math.min(options.parallelism(), Math.max(1, chains.size()));
            ConcurrentLinkedQueue<List<Job>> queue = new ConcurrentLinkedQueue<>(chains);
            RunManifest[] current = {manifest};
            long[] lastReport = {Long.MIN_VALUE / 2, 0}; // last write's end, its duration
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "discreet-device");
                t.setDaemon(true);
                return t;
            });
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int number = w + 1;
                futures.add(pool.submit(() -> {
                    Supplier<Device> connect = devices != null ? devices : () -> pool0.connect(number);
                    try (Phone phone = new Phone(evidenceKeys, number, suite, apps, connect, d -> {
                        anyConnected = true;
                        synchronized (audits) {
                            if ("pending".equals(current[0].device())) {
                                current[0] = withDevice(runDir, current[0], d.describe()
                                        + (workers > 1 ? " x" + workers : ""));
                            }
                        }
                    }, line -> {
                        synchronized (audits) {
                            progress.accept(line);
                        }
                    })) {
                        Map<String, Agent> agents = new HashMap<>();
                        for (List<Job> chain = queue.poll(); chain != null; chain = queue.poll()) {
                            // A later session reruns whenever its earlier one ran again (its memory changed), and
                            // does not run after an infra-failed earlier one (--resume reruns both, in order).
                            boolean earlierRan = false;
                            String earlierInfraFailed = null;
                            for (Job job : chain) {
                                Agent agent = agents.computeIfAbsent(job.agentName(), n -> agent(n).get());
                                Outcome o = runOne(phone, agent, job, runDir, earlierRan, earlierInfraFailed);
                                EpisodeAudit audit = o.audit();
                                earlierRan |= o.ran();
                                if (!audit.scored() && earlierInfraFailed == null) earlierInfraFailed = audit.episodeId();
                                synchronized (audits) {
                                    audits.put(job.index(), audit);
                                    progress.accept(String.format("[%d/%d] %s %s: %s, %d steps, %s",
                                            done.incrementAndGet(), total, agent.name(), job.task().id(),
                                            audit.status(), audit.steps(), !audit.scored()
                                                    ? "not scored (infrastructure failure: rerun with --resume)"
                                                    : String.format("success=%s privacy=%s", audit.success(),
                                                    audit.privacy() == null ? "-"
                                                            : String.format("%.2f", audit.privacy()))));
                                    // Reports of a run in progress stay current, but at most every few seconds:
                                    // this runs under the lock every phone waits on, and the run's end writes anyway.
                                    // The gap also grows with the report's own cost (20x its last write, ~5% of
                                    // the run): late in a 700-episode run one write takes a second or more.
                                    if (System.nanoTime() - lastReport[0] < Math.max(REPORT_INTERVAL_NANOS,
                                            20 * lastReport[1])) continue;
                                    long w0 = System.nanoTime();
                                    Reporting.write(runDir, current[0], List.copyOf(audits.values()), suite.profile(),
                                            options.revealValues());
                                    lastReport[0] = System.nanoTime();
                                    lastReport[1] = lastReport[0] - w0;
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            pool.shutdown();
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error err) throw err;
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new IllegalStateException("run interrupted", e);
                }
            }
            manifest = current[0];
        }
        if (!retries.marks().isEmpty()) manifest = withParameter(runDir, manifest, "retried", retries.marks());
        List<EpisodeAudit> ordered = List.copyOf(audits.values());
        Path report = Reporting.write(runDir, manifest, ordered, suite.profile(), options.revealValues());
        return new RunResult(runDir, manifest, ordered, report);
    }

    /** An episode's audit, and whether it ran in this attempt (false: kept from an earlier attempt). */
    private record Outcome(EpisodeAudit audit, boolean ran) {}

    private Outcome runOne(Phone phone, Agent agent, Job job, Path runDir, boolean earlierRan,
                           String earlierInfraFailed) {
        Path dir = runDir.resolve(Auditor.EPISODES_DIR).resolve(job.task().id() + "__" + agent.name());
        EpisodeAudit kept = options.resume() && !earlierRan ? completed(dir) : null;
        if (kept != null) return new Outcome(kept, false);
        dev.discreet.harness.internal.Files2.deleteTree(dir);
        if (earlierInfraFailed != null) {
            EpisodeRunner.recordNotRun(options.suite(), job.task(), agent.name(), dir, "not run: its earlier session "
                    + earlierInfraFailed + " failed for infrastructure reasons (--resume runs both)");
            return new Outcome(Auditor.auditAndWrite(dir), true);
        }
        EpisodeRunner runner;
        try {
            runner = phone.runner();
        } catch (DeviceFailureException e) {
            // No phone of this run has ever connected: a failed start (a dead --appium-url, no browser), not an
            // episode's bad luck. The run stops with the reason and leaves no folder behind.
            if (!anyConnected) throw e;
            EpisodeRunner.recordNotRun(options.suite(), job.task(), agent.name(), dir, "no device: " + e.getMessage());
            return new Outcome(Auditor.auditAndWrite(dir), true);
        }
        EpisodeRecord rec;
        try {
            rec = runner.run(job.task(), agent, dir, options.maxSteps(), 0, memoryFor(job.task(), agent, runDir));
        } catch (dev.discreet.harness.agent.model.ModelUnavailableException e) {
            // A refused key: the episode's bundle is complete (INFRA_FAILED); every later call would be refused
            // too, so the run stops here with the reason.
            Auditor.auditAndWrite(dir);
            throw e;
        } catch (RuntimeException e) {
            // The evidence folder could not be written: record what can be, never leave the episode RUNNING.
            rec = EpisodeRunner.recordNotRun(options.suite(), job.task(), agent.name(), dir, "harness failure: " + e);
        }
        if (rec.status() == EpisodeStatus.INFRA_FAILED) {
            phone.replace(rec.episodeId() + ": " + rec.error());
            rec = retries.retry(rec, dir, attempt -> {
                EpisodeRunner again = phone.runner(); // a new device: the next server of the pool, if any
                try {
                    EpisodeRecord r2 = again.run(job.task(), agent, dir, options.maxSteps(), 0,
                            memoryFor(job.task(), agent, runDir));
                    if (r2.status() == EpisodeStatus.INFRA_FAILED) phone.replace(r2.episodeId() + ": " + r2.error());
                    return r2;
                } catch (dev.discreet.harness.agent.model.ModelUnavailableException e) {
                    Auditor.auditAndWrite(dir);
                    throw e;
                }
            }, (why, e) -> EpisodeRunner.recordNotRun(options.suite(), job.task(), agent.name(), dir, why + e));
        }
        return new Outcome(Auditor.auditAndWrite(dir), true);
    }

    /**
     * One worker's phone: connected on first need, and closed after an infra-failed episode so that the next
     * episode gets a new session on a new browser. A failed connection is retried a few times; when it still
     * fails, {@link #runner} throws and that episode is recorded INFRA_FAILED (the next one tries again).
     */
    private static final class Phone implements AutoCloseable {
        private static final int CONNECT_ATTEMPTS = 3;
        private final int number;
        private final TaskSuite suite;
        private final MockAppServer apps;
        private final Supplier<Device> connect;
        private final Consumer<Device> onConnect;
        private final Consumer<String> progress;
        private Device device;
        private EpisodeRunner runner;
        private int failedEpisodes;

        private final dev.discreet.tasks.evidence.EvidenceKeys evidenceKeys;

        Phone(dev.discreet.tasks.evidence.EvidenceKeys evidenceKeys, int number, TaskSuite suite, MockAppServer apps, Supplier<Device> connect, Consumer<Device> onConnect,
              Consumer<String> progress) {
            this.evidenceKeys = evidenceKeys;
            this.number = number;
            this.suite = suite;
            this.apps = apps;
            this.connect = connect;
            this.onConnect = onConnect;
            this.progress = progress;
        }

        EpisodeRunner runner() {
            if (runner != null) return runner;
            DeviceFailureException last = null;
            // Once connecting has failed for whole episodes, one attempt per episode: a dead server fails fast.
            int attempts = failedEpisodes >= 2 ? 1 : CONNECT_ATTEMPTS;
            for (int attempt = 1; attempt <= attempts; attempt++) {
                try {
                    device = connect.get();
                    onConnect.accept(device);
                    runner = new EpisodeRunner(suite, apps, device).withEvidenceKeys(evidenceKeys);
                    failedEpisodes = 0;
                    return runner;
                } catch (DeviceFailureException e) {
                    last = e;
                    progress.accept("phone " + number + ": cannot connect (attempt " + attempt + " of "
                            + attempts + "): " + e.getMessage());
                    if (attempt < attempts) sleep(500L * attempt);
                }
            }
            failedEpisodes++;
            throw last;
        }

        /** Closes the device after an infrastructure failure; the next episode connects a new one. */
        void replace(String why) {
            if (device == null) return;
            close();
            progress.accept("phone " + number + ": replaced by a new session after an infrastructure failure ("
                    + why + ")");
        }

        @Override
        public void close() {
            Device d = device;
            device = null;
            runner = null;
            if (d != null) {
                try {
                    d.close();
                } catch (RuntimeException ignored) {
                    // a dead session cannot be closed cleanly; its browser is gone already
                }
            }
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The saved items a task starts with: for the B task of a pair, the privacy manager's saved items at the end of
     * the same agent's A episode in this run (none if A was not run); nothing for every other task.
     */
    private static List<dev.discreet.mockapps.SavedItem> memoryFor(Task task, Agent agent, Path runDir) {
        if (task.pair() == null || !dev.discreet.tasks.PairLink.B.equals(task.pair().role())) return List.of();
        String aId = task.pair().id() + "a";
        Path db = runDir.resolve(Auditor.EPISODES_DIR).resolve(aId + "__" + agent.name()).resolve(EvidenceFiles.DB);
        if (!Files.exists(db)) return List.of();
        try {
            return dev.discreet.mockapps.SavedItem.fromDump(Json.mapper().readValue(db.toFile(),
                    dev.discreet.tasks.evidence.DbDump.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved items of " + aId + " from " + db, e);
        }
    }

    /** Screenshots off is for agents that read only the element list; refuse it, before anything runs, for one that looks. */
    private void checkScreenshots() {
        if (options.phone().screenshots() != dev.discreet.harness.device.ScreenshotFormat.NONE) return;
        for (String name : options.agents()) {
            Agent a = agent(name).get();
            boolean needs = a.needsScreenshots();
            if (a instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // only asked what it needs
                }
            }
            if (needs) {
                throw new IllegalArgumentException("agent '" + name + "' looks at screenshots, but screenshots are "
                        + "off: run with --screenshots jpeg (or png), or give it the element list only");
            }
        }
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
        return Shards.select(selectListed(suite), options.farm().shard());
    }

    private List<Task> selectListed(TaskSuite suite) {
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
            if (options.resume() && !Files.exists(file)) {
                throw new IllegalStateException("nothing to resume: " + runDir + " holds no run (no "
                        + EvidenceFiles.MANIFEST + "); check --run-id and --runs-dir, or drop --resume to start a new run");
            }
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
            if (!Files.exists(runDir)) createdRunDir = runDir;
            Files.createDirectories(runDir);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("maxSteps", options.maxSteps() == 0 ? "task default" : String.valueOf(options.maxSteps()));
            params.put("resume", String.valueOf(options.resume()));
            params.put("phone", options.phone().phone().name());
            params.put("screenshot", options.phone().screenshotScale().name());
            params.put("screenshots", screenshots(options.phone()));
            params.put("parallelism", String.valueOf(options.parallelism()));
            params.putAll(options.farm().manifestParameters());
            params.putAll(extraParameters);
            params.put(dev.discreet.tasks.evidence.EvidenceSeal.MANIFEST_PARAMETER, evidenceKeyParameter(file));
            RunManifest m = new RunManifest(runId, Version.HARNESS, suite.name(), suite.version(), suite.hash(),
                    options.agents(), tasks.stream().map(Task::id).toList(), params, "pending",
                    System.currentTimeMillis());
            Files.writeString(file, Json.pretty(m));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run manifest " + file, e);
        }
    }

    /** What each step captured, for the manifest and the report: "jpeg 412x915", "png 1082x2402", "none". */
    static String screenshots(dev.discreet.harness.device.ChromiumPhoneOptions p) {
        double s = p.screenScale();
        String size = Math.round(p.phone().cssWidth() * s) + "x" + Math.round(p.phone().cssHeight() * s);
        return switch (p.screenshots()) {
            case NONE -> "none (element lists only; coordinates " + size + ")";
            case JPEG -> "jpeg " + size;
            case PNG -> "png " + size;
        };
    }

    private static RunManifest withParameter(Path runDir, RunManifest m, String key, String value) {
        Map<String, String> params = new LinkedHashMap<>(m.parameters());
        params.put(key, value);
        RunManifest d = new RunManifest(m.runId(), m.harnessVersion(), m.suiteName(), m.suiteVersion(), m.suiteHash(),
                m.agents(), m.taskIds(), params, m.device(), m.startedAt());
        try {
            Files.writeString(runDir.resolve(EvidenceFiles.MANIFEST), Json.pretty(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
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

    /**
     * The manifest's public evidence key(s): this attempt's, after those of earlier attempts of a resumed run (their
     * kept episodes stay sealed with their own key).
     */
    private String evidenceKeyParameter(Path manifest) {
        String mine = evidenceKeys.publicKey();
        if (!options.resume() || !Files.exists(manifest)) return mine;
        try {
            RunManifest old = Json.mapper().readValue(manifest.toFile(), RunManifest.class);
            String earlier = old.parameters() == null ? null
                    : old.parameters().get(dev.discreet.tasks.evidence.EvidenceSeal.MANIFEST_PARAMETER);
            return earlier == null || earlier.isBlank() ? mine : earlier + "," + mine;
        } catch (IOException e) {
            return mine;
        }
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
