package dev.discreet.harness.cli;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.device.AppiumServer;
import dev.discreet.harness.device.AppiumServerOptions;
import dev.discreet.harness.device.ChromiumPhone;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.ScreenshotFormat;
import dev.discreet.harness.device.ScreenshotScale;
import dev.discreet.harness.internal.ReAudit;
import dev.discreet.harness.internal.Reporting;
import dev.discreet.harness.internal.RunCopies;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.mockapps.MockEpisode;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.RunManifest;
import dev.discreet.tasks.evidence.StepRecord;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures, in one run on one machine: the raw floor loop (the three calls a step needs, made straight on the driver,
 * with JPEG and PNG screenshots) next to the harness's own steps with the reference agent at 1, 2 and 3 phones;
 * episode reset; episodes per minute; offline re-audit throughput; report rendering for a whole-suite-sized run;
 * heap and disk per episode. Writes the tables with the machine's description and load to a Markdown file.
 */
@Command(name = "bench", description = "Measure the floor loop, the harness's steps at 1-3 phones, reset, re-audit "
        + "and report speed; write BENCHMARKS.md.")
final class Bench implements Callable<Integer> {
    @Option(names = "--steps", defaultValue = "60", description = "Raw floor-loop steps per session (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--resets", defaultValue = "30", description = "Episode resets to time (default: ${DEFAULT-VALUE}).")
    int resets;
    @Option(names = "--per-app", defaultValue = "3", description = "Tasks per app in each harness run: the first N "
            + "independent tasks of every app (default: ${DEFAULT-VALUE}, 30 episodes).")
    int perApp;
    @Option(names = "--phones", split = ",", defaultValue = "1,2,3", description = "Phone counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> phones;
    @Option(names = "--suite-size", defaultValue = "700", description = "Episodes in the generated run that re-audit "
            + "and report rendering are timed on (copies of the measured bundles; default: ${DEFAULT-VALUE}).")
    int suiteSize;
    @Option(names = "--out", defaultValue = "BENCHMARKS.md", description = "Markdown file to write (default: ${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--try-args", split = " ", description = "Chromium switches to compare: the 2-phone floor and "
            + "harness rows are measured again with them added (e.g. \"--disable-extensions --mute-audio\").")
    List<String> tryArgs = new ArrayList<>();
    @Option(names = "--offline-only", paramLabel = "RUN_DIR", description = "Only the offline section (re-audit, "
            + "report), on copies of this run folder's bundles; no device, no lock needed.")
    Path offlineOnly;
    @Option(names = "--offline-from", paramLabel = "RUN_DIR", description = "Time the offline section on copies of "
            + "this run folder (e.g. one with both agents' bundles) instead of the bench's own 2-phone reference run.")
    Path offlineFrom;
    @Option(names = "--note", description = "A line to add under the machine description (e.g. what else was running).")
    String note;

    private final StringBuilder md = new StringBuilder();

    @Override
    public Integer call() throws Exception {
        TaskSuite suite = SuiteLoader.canonical();
        List<String> slice = slice(suite);
        Path tmp = Files.createTempDirectory("discreet-bench-");
        String started = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        md.append("# Benchmarks\n\nWritten by `harness/bin/discreet bench` (").append(started).append("). ")
                .append("All numbers below come from this one run on this one machine; absolute figures move between "
                        + "machines and with other load, so compare rows of the same run. The load average "
                        + "(1-minute, from /proc/loadavg) is recorded beside each figure.\n\n");
        machine();
        if (offlineOnly != null && offlineFrom != null) {
            throw new IllegalArgumentException("--offline-only RUN_DIR and --offline-from RUN_DIR exclude each other: "
                    + "--offline-only already names the run to copy");
        }
        if (offlineOnly != null) {
            try {
                offline(offlineOnly, tmp, suite, offlineOnly.toString());
            } finally {
                dev.discreet.harness.internal.Files2.deleteTree(tmp);
            }
            Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
            System.out.println(md);
            return 0;
        }
        try (MockAppServer apps = MockAppServer.start(suite);
             AppiumServer server = AppiumServer.start(AppiumServerOptions.discover().withLogFile(tmp.resolve("appium.log")))) {
            Map<Integer, Double> floorJpeg = new LinkedHashMap<>();
            Map<Integer, Double> floorNone = new LinkedHashMap<>();
            section("Floor loop: raw calls through Appium, no harness",
                    "Per step, straight on the driver: the element script, one screenshot (none in the last rows: "
                            + "what a run without screenshots, such as the canonical proof, needs), one W3C touch tap, "
                            + "back to back on a loaded mock-app page (the hotel list); N sessions at once on the one "
                            + "Appium server. steps/s is over all sessions, session start excluded.");
            table("screenshot", "phones", "steps/s", "step p50 ms", "step p90 ms", "load");
            for (ScreenshotFormat f : List.of(ScreenshotFormat.JPEG, ScreenshotFormat.PNG, ScreenshotFormat.NONE)) {
                for (int n : phones) {
                    double[] r = floor(server.url(), apps, tmp, f, n, ChromiumPhoneOptions.defaults());
                    if (f == ScreenshotFormat.JPEG) floorJpeg.put(n, r[0]);
                    if (f == ScreenshotFormat.NONE) floorNone.put(n, r[0]);
                    row(f == ScreenshotFormat.JPEG ? "JPEG q60 412x915 (DevTools)" : f == ScreenshotFormat.PNG
                            ? "PNG 1082x2402 (WebDriver)" : "none", n, fmt(r[0]), fmt(r[1]), fmt(r[2]), load());
                }
            }
            section("Harness: the reference agent, every step on disk",
                    "`BenchmarkRunner` with the reference agent over " + slice.size() + " tasks (the first "
                            + perApp + " independent tasks of every app): every observation, action, evidence file "
                            + "and audit. steps/s and episodes/min over the span from the first episode's start "
                            + "to the last one's end (Appium and session start excluded); step = observe + act + "
                            + "evidence, agent excluded (p50). ratio = harness steps/s ÷ floor of the same screenshot kind "
                            + "(JPEG, none) at the same phone count.");
            table("screenshots", "phones", "episodes", "steps", "steps/s", "episodes/min", "step p50 ms",
                    "ratio to floor", "evidence KB/step", "run folder KB/episode", "load");
            RunResult keep = null;
            long heapBefore = usedHeapAfterGc();
            for (int n : phones) {
                RunResult r = harness(suite, slice, server.url(), tmp, "jpeg-" + n, n, ScreenshotFormat.JPEG);
                double[] m = measure(r);
                Double floor = floorJpeg.get(n);
                row("jpeg", n, r.audits().size(), (int) m[0], fmt(m[1]), fmt(m[2]), fmt(m[3]),
                        floor == null ? "-" : String.format(Locale.ROOT, "%.2f", m[1] / floor), fmt(m[4]), fmt(m[5]), load());
                if (n == 2 || keep == null) keep = r;
            }
            int mid = phones.contains(2) ? 2 : phones.get(0);
            if (!tryArgs.isEmpty()) {
                ChromiumPhoneOptions with = ChromiumPhoneOptions.defaults().withExtraArgs(tryArgs);
                double[] f = floor(server.url(), apps, tmp, ScreenshotFormat.JPEG, mid, with);
                RunResult r = harness(suite, slice, server.url(), tmp, "args-" + mid, mid, ScreenshotFormat.JPEG, with);
                double[] m = measure(r);
                row("jpeg + `" + String.join(" ", tryArgs) + "` (floor " + fmt(f[0]) + " steps/s, p50 " + fmt(f[1])
                        + " ms)", mid, r.audits().size(), (int) m[0], fmt(m[1]), fmt(m[2]), fmt(m[3]),
                        String.format(Locale.ROOT, "%.2f", m[1] / f[0]), fmt(m[4]), fmt(m[5]), load());
            }
            for (ScreenshotFormat f : List.of(ScreenshotFormat.PNG, ScreenshotFormat.NONE)) {
                RunResult r = harness(suite, slice, server.url(), tmp, f.name().toLowerCase(Locale.ROOT) + "-" + mid, mid, f);
                double[] m = measure(r);
                // none against the floor without screenshots; PNG has no floor of its own kind here (WebDriver's)
                Double floor = f == ScreenshotFormat.NONE ? floorNone.get(mid) : null;
                row(f.name().toLowerCase(Locale.ROOT) + (f == ScreenshotFormat.PNG ? " 1082x2402" : ""), mid,
                        r.audits().size(), (int) m[0], fmt(m[1]), fmt(m[2]), fmt(m[3]),
                        floor == null ? "-" : String.format(Locale.ROOT, "%.2f", m[1] / floor), fmt(m[4]), fmt(m[5]), load());
            }
            long heapAfter = usedHeapAfterGc();
            md.append("\nHeap: ").append(String.format(Locale.ROOT, "%.1f", (heapAfter - heapBefore) / 1024.0 / keep.audits().size()))
                    .append(" KB retained per finished episode (used heap after GC, before and after the runs above, ")
                    .append("with one run's results held); peak heap of the whole bench ")
                    .append(peakHeapMb()).append(" MB.\n");
            resets(apps, server.url(), suite, tmp);
            if (offlineFrom != null) offline(offlineFrom, tmp, suite, offlineFrom.getFileName().toString());
            else offline(keep.runDir(), tmp, suite, "the 2-phone JPEG run");
        } finally {
            dev.discreet.harness.internal.Files2.deleteTree(tmp);
        }
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.println(out.toAbsolutePath());
        return 0;
    }

    /** The first {@link #perApp} independent tasks of every app, in the suite's order. */
    private List<String> slice(TaskSuite suite) {
        Map<String, Integer> n = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (Task t : suite.tasks()) {
            if (t.pair() != null || n.merge(t.app(), 1, Integer::sum) > perApp) continue;
            ids.add(t.id());
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------------------ floor loop

    /** {steps/s over all sessions, step p50, step p90}. */
    private double[] floor(URL server, MockAppServer apps, Path tmp, ScreenshotFormat f, int sessions,
                           ChromiumPhoneOptions o) throws Exception {
        List<ChromiumPhone> ps = new ArrayList<>();
        List<MockEpisode> eps = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            for (Future<ChromiumPhone> fp : pool.invokeAll(Collections.nCopies(sessions,
                    (Callable<ChromiumPhone>) () -> ChromiumPhone.connect(server, o)))) {
                ps.add(fp.get());
            }
            for (int i = 0; i < sessions; i++) {
                MockEpisode ep = apps.beginEpisode("bench-floor-" + i, tmp.resolve("floor-" + f + sessions + "-" + i));
                eps.add(ep);
                ps.get(i).open(ep.appUri("hotel"));
                ps.get(i).observe(); // waits for the page
            }
            List<Callable<List<Double>>> loops = new ArrayList<>();
            for (ChromiumPhone p : ps) {
                loops.add(() -> {
                    List<Double> times = new ArrayList<>();
                    String script = ChromiumPhone.elementsScript();
                    for (int i = 0; i < steps + 5; i++) {
                        long t0 = System.nanoTime();
                        p.driver().executeScript(script, 1.0);
                        p.rawScreenshot(f);
                        p.rawTap(250, 28); // the app bar's title: nothing happens
                        if (i >= 5) times.add((System.nanoTime() - t0) / 1e6); // warm-up
                    }
                    return times;
                });
            }
            long t0 = System.nanoTime();
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> r : pool.invokeAll(loops)) all.addAll(r.get());
            double wall = (System.nanoTime() - t0) / 1e9;
            return new double[] {sessions * (steps + 5) / wall, pct(all, 50), pct(all, 90)};
        } finally {
            pool.shutdownNow();
            for (ChromiumPhone p : ps) p.close();
            for (MockEpisode ep : eps) {
                ep.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ harness runs

    private static RunResult harness(TaskSuite suite, List<String> slice, URL server, Path tmp, String id, int phones,
                                     ScreenshotFormat f) {
        return harness(suite, slice, server, tmp, id, phones, f, ChromiumPhoneOptions.defaults());
    }

    private static RunResult harness(TaskSuite suite, List<String> slice, URL server, Path tmp, String id, int phones,
                                     ScreenshotFormat f, ChromiumPhoneOptions base) {
        ChromiumPhoneOptions phone = base.withScreenshots(f)
                .withScreenshotScale(f == ScreenshotFormat.PNG ? ScreenshotScale.DEVICE : ScreenshotScale.CSS);
        return new BenchmarkRunner(RunOptions.of(suite).withRunsDir(tmp.resolve("runs")).withRunId(id)
                .withAgents(List.of("reference")).withTaskIds(slice).withParallelism(phones).withAppiumUrl(server)
                .withPhone(phone)).run();
    }

    /** {steps, steps/s, episodes/min, step p50, evidence KB/step, run folder KB/episode}. */
    private static double[] measure(RunResult r) throws IOException {
        long first = Long.MAX_VALUE, last = 0;
        int steps = 0;
        List<Double> step = new ArrayList<>();
        long evidence = 0;
        for (Path dir : Auditor.bundleDirs(r.runDir())) {
            EpisodeRecord ep = Json.mapper().readValue(dir.resolve(EvidenceFiles.EPISODE).toFile(), EpisodeRecord.class);
            first = Math.min(first, ep.startedAt());
            last = Math.max(last, ep.endedAt() == null ? ep.startedAt() : ep.endedAt());
            for (StepRecord s : EvidenceBundle.readLines(dir.resolve(EvidenceFiles.TRAJECTORY), StepRecord.class)) {
                steps++;
                StepRecord.Timings t = s.timings();
                if (t != null) step.add(t.observeMs() + t.actMs() + t.harnessMs());
            }
            evidence += size(dir, p -> !p.getFileName().toString().endsWith(".html"));
        }
        double span = Math.max(1, last - first) / 1000.0;
        long folder = size(r.runDir(), p -> true);
        int n = r.audits().size();
        return new double[] {steps, steps / span, n / span * 60, pct(step, 50), evidence / 1024.0 / steps,
                folder / 1024.0 / n};
    }

    // ------------------------------------------------------------------------------------------------ resets

    private void resets(MockAppServer apps, URL server, TaskSuite suite, Path tmp) throws IOException {
        section("Episode reset", "New app databases (a copy of each seed), then the device: cookies and storage "
                + "cleared and the home screen started in one script call; the first observation waits for it. "
                + "One phone, " + resets + " resets after 3 warm-up ones.");
        table("measure", "n", "p50 ms", "p90 ms", "load");
        List<Double> db = new ArrayList<>(), device = new ArrayList<>(), total = new ArrayList<>(), first = new ArrayList<>();
        try (dev.discreet.harness.device.Device phone = dev.discreet.harness.device.Devices.factory(
                dev.discreet.harness.device.DeviceSettings.chromium(ChromiumPhoneOptions.defaults())).connect(server)) {
            for (int i = 0; i < resets + 3; i++) {
                long t0 = System.nanoTime();
                MockEpisode ep = apps.beginEpisode("bench-reset-" + i, tmp.resolve("reset-" + i));
                long t1 = System.nanoTime();
                phone.reset(ep.homeUri());
                long t2 = System.nanoTime();
                phone.observe();
                long t3 = System.nanoTime();
                ep.close();
                if (i < 3) continue;
                db.add((t1 - t0) / 1e6);
                device.add((t2 - t1) / 1e6);
                total.add((t2 - t0) / 1e6);
                first.add((t3 - t2) / 1e6);
            }
        }
        String l = load();
        row("app databases", db.size(), fmt(pct(db, 50)), fmt(pct(db, 90)), l);
        row("device (one script call)", device.size(), fmt(pct(device, 50)), fmt(pct(device, 90)), l);
        row("reset total", total.size(), fmt(pct(total, 50)), fmt(pct(total, 90)), l);
        row("first observation (waits for the home screen; JPEG)", first.size(), fmt(pct(first, 50)), fmt(pct(first, 90)), l);
    }

    // ------------------------------------------------------------------------------------------------ offline

    /**
     * Copies the measured run folder whole (manifest, bundles and seals byte for byte) until it holds a
     * whole-suite-sized number of episodes, then times re-auditing them (read, seal check, audit, audit.json) and
     * rendering their reports. Every copy must audit exactly as its original: the table says how many did not.
     */
    private void offline(Path sourceRun, Path tmp, TaskSuite suite, String from) throws Exception {
        List<Path> originals = Auditor.bundleDirs(sourceRun);
        // The originals' audits (not written: the source may be the user's run folder); also warms the JIT up.
        Map<String, String> expected = new LinkedHashMap<>();
        for (Path d : originals) expected.put(d.getFileName().toString(), Json.write(Auditor.audit(EvidenceBundle.read(d))));
        Path copies = tmp.resolve("suite-size");
        List<Path> dirs = RunCopies.copy(sourceRun, copies, suiteSize);
        int n = dirs.size();
        long evidenceBytes = size(copies, p -> true);
        int cores = ReAudit.defaultThreads();

        long c0 = cpuNanos(), t0 = System.nanoTime();
        List<ReAudit.Outcome> serial = ReAudit.auditAndWrite(dirs, 1);
        double serialS = (System.nanoTime() - t0) / 1e9, serialCpu = (cpuNanos() - c0) / 1e6 / n;
        String l1 = load();
        long c1 = cpuNanos(), t1 = System.nanoTime();
        List<ReAudit.Outcome> parallel = ReAudit.auditAndWrite(dirs, cores);
        double parallelS = (System.nanoTime() - t1) / 1e9, parallelCpu = (cpuNanos() - c1) / 1e6 / n;
        String l2 = load();
        // Again: the JIT has now compiled the audit (a long `discreet audit`, or the runner auditing every episode).
        long c2 = cpuNanos(), t2w = System.nanoTime();
        List<ReAudit.Outcome> again = ReAudit.auditAndWrite(dirs, cores);
        double againS = (System.nanoTime() - t2w) / 1e9, againCpu = (cpuNanos() - c2) / 1e6 / n;
        String l2w = load();
        // The seal check alone, what a re-audit must do before it may score a bundle: the floor under the re-audit.
        long c4 = cpuNanos(), t4 = System.nanoTime();
        int notIntact = sealChecks(dirs, cores);
        double sealS = (System.nanoTime() - t4) / 1e9, sealCpu = (cpuNanos() - c4) / 1e6 / n;
        String l4 = load();

        int differ = 0, failed = 0, tampered = 0, originalTampered = 0;
        for (String json : expected.values()) if (json.contains("\"" + dev.discreet.auditors.Rules.EVIDENCE_TAMPERED + "\"")) originalTampered++;
        for (List<ReAudit.Outcome> pass : List.of(serial, parallel, again)) {
            for (ReAudit.Outcome o : pass) {
                if (!o.ok()) {
                    failed++;
                    continue;
                }
                String json = Json.write(o.audit());
                if (!json.equals(expected.get(o.dir().getFileName().toString()))) differ++;
                if (o.audit().findings().stream().anyMatch(f -> dev.discreet.auditors.Rules.EVIDENCE_TAMPERED.equals(f.rule()))) {
                    tampered++;
                }
            }
        }

        // Reports: each copy is a run of its own, rendered as `discreet audit` would (cold: every episode page new;
        // warm: the call after each episode, pages unchanged).
        List<Path> runs;
        try (Stream<Path> s = Files.list(copies)) {
            runs = s.sorted().toList();
        }
        RunManifest m = Json.mapper().readValue(sourceRun.resolve(EvidenceFiles.MANIFEST).toFile(), RunManifest.class);
        Map<Path, List<EpisodeAudit>> byRun = new LinkedHashMap<>();
        for (ReAudit.Outcome o : parallel) {
            if (o.ok()) byRun.computeIfAbsent(o.dir().getParent().getParent(), k -> new ArrayList<>()).add(o.audit());
        }
        long t2 = System.nanoTime();
        for (Path r : runs) Reporting.write(r, m, byRun.getOrDefault(r, List.of()), suite.profile(), false);
        double cold = (System.nanoTime() - t2) / 1e9;
        long t3 = System.nanoTime();
        for (Path r : runs) Reporting.write(r, m, byRun.getOrDefault(r, List.of()), suite.profile(), false);
        double warm = (System.nanoTime() - t3) / 1e9;
        String l3 = load();
        long reportKb = Files.size(runs.get(0).resolve("report.html")) / 1024;

        section("Offline: re-audit and report for a whole-suite-sized run",
                n + " episode bundles: " + runs.size() + " whole copies of " + from + " (" + originals.size()
                        + " bundles, manifest and seals byte for byte, so each copy audits exactly as its original), "
                        + "files in the page cache. Re-audit = read every bundle, check its seal (Ed25519 signature, "
                        + "SHA-256 of every file, the harness's chain verdict, the run's key), audit it under both "
                        + "profiles and write audit.json. CPU = the whole JVM's CPU time (GC and JIT included) per "
                        + "episode; capacity = cores x 1000 / CPU ms, what the machine would do with nothing else on it.");
        table("measure", "value", "load");
        row("re-audit, one thread (first pass over the copies)", String.format(Locale.ROOT, "%.0f episodes/s (%.2f s; CPU %.2f ms/episode)",
                n / serialS, serialS, serialCpu), l1);
        row("re-audit, " + cores + " threads (`discreet audit`)", String.format(Locale.ROOT,
                "%.0f episodes/s (%.2f s; CPU %.2f ms/episode, capacity %.0f episodes/s)", n / parallelS, parallelS,
                parallelCpu, cores * 1000 / parallelCpu), l2);
        row("re-audit, " + cores + " threads, again (JIT warm)", String.format(Locale.ROOT,
                "%.0f episodes/s (%.2f s; CPU %.2f ms/episode, capacity %.0f episodes/s)", n / againS, againS,
                againCpu, cores * 1000 / againCpu), l2w);
        row("seal check alone, " + cores + " threads (every sealed file read and SHA-256'd, the Ed25519 signature "
                + "verified; nothing parsed or audited)", String.format(Locale.ROOT,
                "%.0f episodes/s (%.2f s; CPU %.2f ms/episode, capacity %.0f episodes/s; %d not intact)", n / sealS,
                sealS, sealCpu, cores * 1000 / sealCpu, notIntact), l4);
        row("copies whose audit differs from the original's / not audited / with evidence-tampered findings",
                differ + " / " + failed + " / " + tampered + " (of " + 3 * n + " audits; originals with that finding: "
                        + originalTampered + ")", l2);
        row("evidence read per episode", String.format(Locale.ROOT, "%.0f KB", evidenceBytes / 1024.0 / n), l2);
        row("report, cold (results.json/csv, report.html, " + n + " episode pages; " + runs.size() + " runs)",
                String.format(Locale.ROOT, "%.2f s", cold), l3);
        row("report, warm (pages unchanged: the call after each episode)", String.format(Locale.ROOT, "%.2f s", warm), l3);
        row("report.html of one copy (" + byRun.getOrDefault(runs.get(0), List.of()).size() + " episodes)",
                reportKb + " KB", l3);
    }

    /** {@code EvidenceSeal.check} of every bundle on {@code threads} threads; how many were not intact. */
    private static int sealChecks(List<Path> dirs, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> fs = new ArrayList<>(dirs.size());
            for (Path d : dirs) fs.add(pool.submit(() -> dev.discreet.tasks.evidence.EvidenceSeal.check(d).intact()));
            int bad = 0;
            for (Future<Boolean> f : fs) if (!f.get()) bad++;
            return bad;
        } finally {
            pool.shutdownNow();
        }
    }

    /** CPU time of the whole JVM (all threads, GC and JIT included), or 0 where the platform does not say. */
    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void machine() {
        md.append("## Machine\n\n");
        String cpu = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(s -> s.startsWith("model name")).map(s -> s.substring(s.indexOf(':') + 1).trim())
                    .findFirst().orElse("?");
        } catch (IOException | RuntimeException ignored) {
            // not Linux: the JVM's description below still says what it was
        }
        String mem = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            mem = lines.filter(s -> s.startsWith("MemTotal")).map(s -> s.replaceAll("\\D+", "")).findFirst()
                    .map(kb -> Math.round(Long.parseLong(kb) / 1024.0 / 1024.0) + " GB").orElse("?");
        } catch (IOException | RuntimeException ignored) {
            // as above
        }
        md.append("- CPU: ").append(cpu).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores available; memory ").append(mem).append('\n');
        md.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append("); Java ")
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / 1024 / 1024).append(" MB\n");
        md.append("- Browser: ").append(command(ChromiumPhoneOptions.defaultChromium().toString(), "--version")).append("; ")
                .append(command("/usr/bin/chromedriver", "--version").replaceAll("\\(.*", "").trim())
                .append("; Appium 3.8 + chromium driver, headless, 412x915 CSS px at ratio 2.625\n");
        md.append("- Load average at start: ").append(loadavg()).append('\n');
        if (note != null && !note.isBlank()) md.append("- Note: ").append(note).append('\n');
    }

    private static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            String[] lines = s.split("\n");
            return lines[lines.length - 1].trim();
        } catch (IOException | RuntimeException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** The 1-, 5- and 15-minute load averages. */
    private static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The 1-minute load average, for a table's load column. */
    private static String load() { return loadavg().split(" ")[0]; }

    private void section(String title, String text) {
        md.append("\n## ").append(title).append("\n\n").append(text).append("\n\n");
        System.out.println("bench: " + title);
    }

    private void table(String... head) {
        md.append("| ").append(String.join(" | ", head)).append(" |\n|");
        for (int i = 0; i < head.length; i++) md.append("---|");
        md.append('\n');
    }

    private void row(Object... cells) {
        md.append('|');
        for (Object c : cells) md.append(' ').append(c).append(" |");
        md.append('\n');
        System.out.println("  " + md.substring(md.lastIndexOf("\n", md.length() - 2) + 1).trim());
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v); }

    static double pct(List<Double> values, int p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        if (s.isEmpty()) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP && b.getPeakUsage() != null) peak += b.getPeakUsage().getUsed();
        }
        return peak / 1024 / 1024;
    }

    private static long size(Path root, java.util.function.Predicate<Path> which) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(which).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
