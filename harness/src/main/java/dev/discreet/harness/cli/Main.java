package dev.discreet.harness.cli;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.agent.model.ModelCli;
import dev.discreet.harness.agent.model.ModelUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.discreet.harness.internal.Reporting;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskFormatException;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.RunManifest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code discreet} command line: run a benchmark, re-audit a saved run offline, measure the harness. */
@Command(name = "discreet", mixinStandardHelpOptions = true, version = "discreet 0.1.0",
        scope = CommandLine.ScopeType.INHERIT, // --help and --version on every command
        description = "Measures whether phone-use agents respect their users' privacy.",
        subcommands = {Main.Run.class, Main.Audit.class, Bench.class, Leaderboard.class, SuiteCommands.Lint.class,
                SuiteCommands.Generate.class, MergeCommand.class, GridCommand.class, AndroidCommands.class,
                dev.discreet.harness.serve.ServeCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // harness/bin/benchmark passes defaults first; a user's own option given after them wins.
        cl.setOverwrittenOptionsAllowed(true);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Known bad inputs get their own message, not a stack trace.
            if (e instanceof TaskFormatException || e instanceof IllegalArgumentException
                    || e instanceof IllegalStateException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            IOException io = e instanceof IOException i ? i : e instanceof UncheckedIOException u ? u.getCause() : null;
            if (io != null) {
                cmd.getErr().println("error: " + fileProblem(e.getMessage(), io));
                return 2;
            }
            if (e instanceof ModelUnavailableException m && m.keyRefused()) {
                cmd.getErr().println("error: the model server refused the API key, so the run stopped: "
                        + m.getMessage());
                return 2;
            }
            if (e instanceof dev.discreet.harness.device.DeviceFailureException
                    || e instanceof org.openqa.selenium.WebDriverException) {
                RuntimeException w = (RuntimeException) e;
                String m = String.valueOf(w.getMessage());
                cmd.getErr().println("error: the device failed: " + m.lines().findFirst().orElse(m)
                        + " (is the Appium server given by --appium-url running? see appium.log for a local one)");
                return 2;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** One line naming the file and the likely fix, for a file-system failure (no stack trace). */
    static String fileProblem(String context, IOException e) {
        String where = context != null && !context.equals(e.toString()) ? context + ": " : "";
        if (e instanceof java.nio.file.FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : e instanceof java.nio.file.NoSuchFileException ? "does not exist" : e.getClass().getSimpleName();
            return where + f.getFile() + ": " + reason + ". Make sure the folder exists, is a folder and is writable, "
                    + "or choose another one (--runs-dir for runs)";
        }
        return where + e.getClass().getSimpleName() + ": " + e.getMessage() + ". Check the path, its permissions and "
                + "the free space";
    }

    static TaskSuite suite(Path dir) { return dir == null ? SuiteLoader.canonical() : SuiteLoader.load(dir); }

    @Command(name = "run", description = "Run agents over the task suite through a real Appium device. "
            + "Prints the HTML report's path as the last line.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--agents", split = ",", description = "Agents to run (default: reference,oversharing).")
        List<String> agents = new ArrayList<>();
        @Option(names = "--tasks", split = ",", description = "Task ids (default: every task).")
        List<String> tasks = new ArrayList<>();
        @Option(names = "--suite", description = "A suite folder (default: the canonical suite).")
        Path suite;
        @Option(names = "--runs-dir", defaultValue = "runs", description = "Where runs are written (default: ${DEFAULT-VALUE}).")
        Path runsDir;
        @Option(names = "--run-id", description = "Run folder name (default: a timestamp).")
        String runId;
        @Option(names = "--resume", description = "Continue the run in --run-id: keep finished episodes, rerun the rest.")
        boolean resume;
        @Option(names = "--max-steps", defaultValue = "0", description = "Step budget per episode (0: each task's own).")
        int maxSteps;
        @Option(names = "--appium-url", description = "Use this Appium server or Grid hub instead of starting one; "
                + "several, comma-separated, make a device pool (phones spread over them in turn).")
        String appiumUrl;
        @CommandLine.Mixin
        FarmCli farm = new FarmCli();
        @Option(names = "--reveal-values", description = "Show profile values unmasked in the report (private use).")
        boolean reveal;
        @Option(names = "--parallel", description = "Phones running at once (default: one per core, at most 8).")
        Integer parallel;
        @Option(names = "--screenshots", defaultValue = "jpeg", description = "What each step captures: jpeg "
                + "(viewport JPEG through DevTools, ~30 KB), png (lossless, as a phone's own screenshot) or none "
                + "(element lists only: for agents that do not look at pixels). Default: ${DEFAULT-VALUE}.")
        String screenshots;
        @Option(names = "--screenshot", description = "Screenshot resolution, and the pixels coordinates are in: "
                + "CSS (412x915) or DEVICE (1082x2402). Default: DEVICE with --screenshots png, else CSS. "
                + "(Before --screenshots existed this chose between PNG sizes; --screenshot CSS now gives a JPEG "
                + "unless --screenshots png is given too.)")
        dev.discreet.harness.device.ScreenshotScale screenshot;
        @CommandLine.Mixin
        ModelCli model = new ModelCli();
        @CommandLine.Mixin
        dev.discreet.harness.agent.remote.HttpAgentCli remote = new dev.discreet.harness.agent.remote.HttpAgentCli();

        @Override
        public Integer call() {
            try (ModelCli.Agents extra = model.agents()) {
                return run(extra);
            }
        }

        private Integer run(ModelCli.Agents extra) {
            List<String> agents = new ArrayList<>(this.agents);
            var remoteAgents = remote.suppliers(); // an agent endpoint that does not answer stops the run here
            extra.suppliers().keySet().forEach(n -> { if (!agents.contains(n)) agents.add(n); });
            remoteAgents.keySet().forEach(n -> { if (!agents.contains(n)) agents.add(n); });
            if (resume && runId == null) {
                throw new IllegalArgumentException("--resume needs --run-id: the id of the run to continue (a folder "
                        + "in " + runsDir + ")");
            }
            RunOptions o = RunOptions.of(suite(suite)).withAgents(agents).withTaskIds(tasks).withRunsDir(runsDir)
                    .withRunId(runId).withResume(resume).withMaxSteps(maxSteps)
                    .withRevealValues(reveal)
                    .withParallelism(parallel != null ? parallel : RunOptions.defaultParallelism())
                    .withPhone(phone(screenshots, screenshot)).withFarm(farm.options(appiumUrl));
            BenchmarkRunner runner = new BenchmarkRunner(o).onProgress(System.out::println);
            extra.suppliers().forEach(runner::withAgent);
            remoteAgents.forEach(runner::withAgent);
            model.manifestParameters().forEach(runner::withParameter);
            remote.manifestParameters().forEach(runner::withParameter);
            RunResult r;
            try {
                r = runner.run();
            } catch (ModelUnavailableException e) {
                if (!e.keyRefused()) throw e;
                throw new ModelUnavailableException(e.getMessage() + ". Fix the key, then continue the run with "
                        + "--resume --run-id " + runner.runId(), e.attempts(), e, true);
            }
            System.out.println(Reporting.summaryLine(r.audits()));
            System.out.println("results: " + r.runDir().resolve("results.json"));
            System.out.println(r.report());
            return 0;
        }
    }

    /** The phone for {@code --screenshots} and {@code --screenshot}: PNG defaults to device pixels, the rest to CSS. */
    static dev.discreet.harness.device.ChromiumPhoneOptions phone(String screenshots,
                                                                 dev.discreet.harness.device.ScreenshotScale scale) {
        var format = dev.discreet.harness.device.ScreenshotFormat.parse(screenshots);
        if (scale == null) {
            scale = format == dev.discreet.harness.device.ScreenshotFormat.PNG
                    ? dev.discreet.harness.device.ScreenshotScale.DEVICE : dev.discreet.harness.device.ScreenshotScale.CSS;
        }
        return dev.discreet.harness.device.ChromiumPhoneOptions.defaults().withScreenshots(format)
                .withScreenshotScale(scale);
    }

    @Command(name = "audit", description = "Re-audit a saved run offline from its evidence bundles (no device). "
            + "Rewrites audit.json, results.json and the report; prints the report's path as the last line.")
    static final class Audit implements Callable<Integer> {
        @Parameters(paramLabel = "RUN_DIR", description = "A run folder (holding manifest.json and episodes/).")
        Path runDir;
        @Option(names = "--reveal-values", description = "Show profile values unmasked in the report.")
        boolean reveal;

        @Override
        public Integer call() throws Exception {
            Path manifestFile = runDir.resolve(EvidenceFiles.MANIFEST);
            if (!Files.exists(manifestFile)) {
                throw new IllegalArgumentException(runDir + " is not a run folder (no " + EvidenceFiles.MANIFEST + ")");
            }
            RunManifest manifest = Json.mapper().readValue(manifestFile.toFile(), RunManifest.class);
            List<EpisodeAudit> audits = new ArrayList<>();
            dev.discreet.tasks.UserProfile profile = null;
            // One thread per core; one bad bundle never stops the audit of the others: it is named and left out.
            for (var o : dev.discreet.harness.internal.ReAudit.auditAndWrite(Auditor.bundleDirs(runDir),
                    dev.discreet.harness.internal.ReAudit.defaultThreads())) {
                if (!o.ok()) {
                    System.err.println("warning: " + o.dir().getFileName() + " not audited: " + o.error().getMessage());
                    continue;
                }
                audits.add(o.audit());
                if (profile == null) profile = EvidenceBundle.read(o.dir()).profile();
            }
            Path report = Reporting.write(runDir, manifest, audits, profile, reveal);
            System.out.println(Reporting.summaryLine(audits));
            System.out.println(report);
            return 0;
        }
    }
}
