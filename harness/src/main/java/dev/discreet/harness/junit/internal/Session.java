package dev.discreet.harness.junit.internal;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.device.AppiumServer;
import dev.discreet.harness.device.AppiumServerOptions;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.Device;
import dev.discreet.harness.device.DeviceFactory;
import dev.discreet.harness.device.Devices;
import dev.discreet.harness.run.FarmOptions;
import dev.discreet.harness.internal.Reporting;
import dev.discreet.harness.internal.Version;
import dev.discreet.harness.junit.DiscreetExtension;
import dev.discreet.harness.run.EpisodeResult;
import dev.discreet.harness.run.EpisodeRunner;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.RunManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything one JUnit test run shares: the suite, the run folder, the mock-app server, the Appium server and a
 * pool of devices (each started on first need). Lives in the root store, so JUnit closes it when the run ends.
 */
public final class Session implements AutoCloseable {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Session.class);
    private static final Pattern AGENT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private record Slot(Device phone, EpisodeRunner runner) {}

    private final TaskSuite suite;
    private final Path runDir;
    private final String runId;
    private final FarmOptions farm;
    private final DeviceFactory factory;
    private int connections;
    private final int maxDevices;
    private final int maxSteps;
    private final long startedAt = System.currentTimeMillis();

    private final BlockingQueue<Slot> idle = new LinkedBlockingQueue<>();
    private final List<Slot> all = new ArrayList<>();
    private MockAppServer apps;
    private AppiumServer localAppium;
    private boolean closed;

    private final List<EpisodeAudit> audits = new ArrayList<>();
    private final Set<String> agents = new LinkedHashSet<>();
    private final Set<String> taskIds = new LinkedHashSet<>();
    private final Set<String> episodeIds = new HashSet<>();
    private String device = "pending";
    private Path report;

    private Session(ExtensionContext root) {
        suite = root.getConfigurationParameter(DiscreetExtension.SUITE)
                .map(s -> SuiteLoader.load(Path.of(s))).orElseGet(SuiteLoader::canonical);
        runId = "junit-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        runDir = Path.of(root.getConfigurationParameter(DiscreetExtension.RUNS_DIR).orElse("target/discreet-runs"))
                .resolve(runId).toAbsolutePath();
        farm = farm(root);
        factory = Devices.factory(farm.deviceSettings(ChromiumPhoneOptions.defaults()));
        maxDevices = intParam(root, DiscreetExtension.DEVICES, 1, 1);
        maxSteps = intParam(root, DiscreetExtension.MAX_STEPS, 0, 0);
    }

    /** The session of the test run {@code c} belongs to, created on first use. */
    public static Session of(ExtensionContext c) {
        ExtensionContext root = c.getRoot();
        return root.getStore(NS).getOrComputeIfAbsent(Session.class, k -> new Session(root), Session.class);
    }

    public TaskSuite suite() { return suite; }

    public Path runDir() { return runDir; }

    /** Runs one episode on a pooled device, audits it and regenerates the run's results and report. */
    public EpisodeResult run(Agent agent, Task task) {
        String name = agent.name();
        if (name == null || !AGENT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("agent name '" + name + "' must be 1-40 lower-case letters, digits, "
                    + "'.', '_' or '-' (it names evidence folders)");
        }
        String episodeId = reserve(task.id() + "__" + name);
        Path dir = runDir.resolve(Auditor.EPISODES_DIR).resolve(episodeId);
        Slot slot;
        try {
            slot = acquire();
        } catch (dev.discreet.harness.device.DeviceFailureException e) {
            // No device to be had: the episode is recorded as an infrastructure failure, never as the agent's.
            EpisodeRecord rec = EpisodeRunner.recordNotRun(suite, task, name, dir, "no device: " + e.getMessage());
            EpisodeAudit audit = Auditor.auditAndWrite(dir);
            return new EpisodeResult(task, name, rec, audit, dir, record(audit, name, task.id()));
        }
        boolean healthy = false;
        EpisodeRecord rec;
        try {
            rec = slot.runner().run(task, agent, dir, maxSteps, 0, memoryFor(task, name));
            // After an infrastructure failure the device may be dead or half-reset: a new one serves the next test.
            healthy = rec.status() != dev.discreet.tasks.evidence.EpisodeStatus.INFRA_FAILED;
        } finally {
            release(slot, healthy);
        }
        latestEpisode.put(task.id() + "__" + name, dir);
        EpisodeAudit audit = Auditor.auditAndWrite(dir);
        Path reportPath = record(audit, name, task.id());
        return new EpisodeResult(task, name, rec, audit, dir, reportPath);
    }

    /** Episode folders by task and agent, the latest run of each (for handing a pair's B what A saved). */
    private final java.util.Map<String, Path> latestEpisode = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What a task starts with in memory, as the CLI's runner does: for the B task of a pair, the privacy manager's
     * saved items at the end of the same agent's latest A episode in this test run (none if A has not run).
     */
    private List<dev.discreet.mockapps.SavedItem> memoryFor(Task task, String agentName) {
        if (task.pair() == null || !dev.discreet.tasks.PairLink.B.equals(task.pair().role())) return List.of();
        Path a = latestEpisode.get(task.pair().id() + "a__" + agentName);
        if (a == null || !java.nio.file.Files.exists(a.resolve(dev.discreet.tasks.evidence.EvidenceFiles.DB))) return List.of();
        try {
            return dev.discreet.mockapps.SavedItem.fromDump(dev.discreet.tasks.Json.mapper().readValue(
                    a.resolve(dev.discreet.tasks.evidence.EvidenceFiles.DB).toFile(), dev.discreet.tasks.evidence.DbDump.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the saved items of " + a, e);
        }
    }

    private synchronized String reserve(String base) {
        String id = base;
        for (int n = 2; !episodeIds.add(id); n++) id = base + "-" + n; // the same pair run again in this test run
        return id;
    }

    private Slot acquire() {
        while (true) {
            synchronized (this) {
                if (closed) throw new IllegalStateException("the discreet session is closed");
                Slot s = idle.poll();
                if (s != null) return s;
                if (all.size() < maxDevices) {
                    Slot created = newSlot();
                    all.add(created);
                    return created;
                }
            }
            try {
                Slot s = idle.poll(1, TimeUnit.SECONDS); // a discarded device frees its place: look again
                if (s != null) return s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a free device", e);
            }
        }
    }

    /** A device whose episode failed for infrastructure reasons is closed and replaced on next need, never reused. */
    private void release(Slot s, boolean healthy) {
        if (healthy) {
            idle.add(s);
            return;
        }
        synchronized (this) {
            all.remove(s);
        }
        try {
            s.phone().close();
        } catch (RuntimeException ignored) {
            // a dead session cannot be closed cleanly; its browser is gone already
        }
    }

    private Slot newSlot() {
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + runDir, e);
        }
        if (apps == null) apps = MockAppServer.start(suite, farm.apps());
        URL url;
        if (!farm.endpoints().isEmpty()) {
            // A pool over several servers: each new device on the next one.
            url = farm.endpoints().get(connections++ % farm.endpoints().size());
        } else {
            if (localAppium == null) {
                localAppium = AppiumServer.start(AppiumServerOptions.discover().withLogFile(runDir.resolve("appium.log")));
            }
            url = localAppium.url();
        }
        Device phone = factory.connect(url);
        device = phone.describe() + (maxDevices > 1 ? " (pool of " + maxDevices + ")" : "");
        return new Slot(phone, new EpisodeRunner(suite, apps, phone));
    }

    private synchronized Path record(EpisodeAudit audit, String agent, String taskId) {
        audits.add(audit);
        agents.add(agent);
        taskIds.add(taskId);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("source", "junit");
        params.put("maxSteps", maxSteps == 0 ? "task default" : String.valueOf(maxSteps));
        params.put("devices", String.valueOf(maxDevices));
        RunManifest manifest = new RunManifest(runId, Version.HARNESS, suite.name(), suite.version(), suite.hash(),
                List.copyOf(agents), List.copyOf(taskIds), params, device, startedAt);
        try {
            Files.writeString(runDir.resolve(EvidenceFiles.MANIFEST), Json.pretty(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run manifest in " + runDir, e);
        }
        report = Reporting.write(runDir, manifest, audits, suite.profile(), false);
        return report;
    }

    /** Stops every device and server this session started and prints where the run's report is. */
    @Override
    public void close() {
        List<Slot> slots;
        synchronized (this) {
            if (closed) return;
            closed = true;
            slots = List.copyOf(all);
            all.clear();
        }
        RuntimeException first = null;
        for (AutoCloseable c : closeOrder(slots)) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) first = new IllegalStateException("cannot stop " + c + ": " + e.getMessage(), e);
            }
        }
        synchronized (this) {
            if (report != null) {
                System.out.println("discreet: " + audits.size() + " episode(s): " + Reporting.summaryLine(audits));
                System.out.println("discreet: report " + report);
            }
        }
        if (first != null) throw first;
    }

    private List<AutoCloseable> closeOrder(List<Slot> slots) {
        List<AutoCloseable> out = new ArrayList<>();
        for (Slot s : slots) out.add(s.phone());
        if (apps != null) out.add(apps);
        if (localAppium != null) out.add(localAppium);
        return out;
    }

    /** The device and farm settings, read as the CLI reads its options ({@link FarmOptions#fromSettings}). */
    private static FarmOptions farm(ExtensionContext root) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : FarmOptions.JUNIT_KEYS) {
            root.getConfigurationParameter(FarmOptions.junitParameter(key)).ifPresent(v -> settings.put(key, v));
        }
        try {
            return FarmOptions.fromSettings(settings);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("discreet configuration parameters " + settings + ": "
                    + e.getMessage(), e);
        }
    }

    private static int intParam(ExtensionContext root, String key, int dflt, int min) {
        return root.getConfigurationParameter(key).map(v -> {
            try {
                int n = Integer.parseInt(v.trim());
                if (n >= min) return n;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new ExtensionConfigurationException("configuration parameter " + key + " = '" + v
                    + "' is not a whole number >= " + min);
        }).orElse(dflt);
    }
}
