package dev.discreet.harness.serve;

import dev.discreet.harness.internal.Reporting;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.SuiteLoader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code discreet serve --mcp}: benchmark an MCP client, one episode at a time (see {@link McpEpisodeServer}). */
@Command(name = "serve", description = "Serve the benchmark to an agent that is an MCP client: one episode at a time as "
        + "tools (get_task, observe, GUI actions, the four privacy tools, finish), the next task when an episode ends; "
        + "same evidence, audits and report as any run. Stdio by default; --http PORT for Streamable HTTP on 127.0.0.1.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--mcp", required = true, description = "Serve over the Model Context Protocol (the only mode).")
    boolean mcp;
    @Option(names = "--http", paramLabel = "PORT", description = "Streamable HTTP on 127.0.0.1:PORT (0: any free port; "
            + "the URL is printed) instead of stdio.")
    Integer http;
    @Option(names = "--name", defaultValue = "mcp-agent", description = "The agent's name in results (default: ${DEFAULT-VALUE}).")
    String name;
    @Option(names = "--tasks", split = ",", description = "Task ids (default: every task).")
    List<String> tasks = new ArrayList<>();
    @Option(names = "--suite", description = "A suite folder (default: the canonical suite).")
    Path suite;
    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where runs are written (default: ${DEFAULT-VALUE}).")
    Path runsDir;
    @Option(names = "--run-id", description = "Run folder name (default: a timestamp).")
    String runId;
    @Option(names = "--resume", description = "Continue the run in --run-id.")
    boolean resume;
    @Option(names = "--appium-url", description = "Use this Appium server or Grid hub instead of starting one.")
    URL appiumUrl;
    @Option(names = "--screenshots", defaultValue = "jpeg", description = "jpeg, png or none (default: ${DEFAULT-VALUE}).")
    String screenshots;
    @Option(names = "--step-timeout", defaultValue = "600", description = "Seconds the client may take to send each "
            + "action; after that the episode ends ERROR, scored (default: ${DEFAULT-VALUE}).")
    long stepTimeout;
    @Option(names = "--linger", defaultValue = "30", description = "Seconds the server stays up after the run is over "
            + "when the client does not ask for another task (default: ${DEFAULT-VALUE}).")
    long linger;

    @Override
    public Integer call() throws Exception {
        if (http != null && (http < 0 || http > 65535)) throw new IllegalArgumentException("--http must be a port 0-65535");
        if (stepTimeout <= 0) throw new IllegalArgumentException("--step-timeout must be > 0 seconds");
        if (resume && runId == null) throw new IllegalArgumentException("--resume needs --run-id");
        // In stdio mode stdout is the MCP channel: keep it for the transport, send every other line to stderr.
        PrintStream channel = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        PrintStream log = System.err;
        if (http == null) System.setOut(log);
        var phone = dev.discreet.harness.device.ChromiumPhoneOptions.defaults()
                .withScreenshots(dev.discreet.harness.device.ScreenshotFormat.parse(screenshots));
        RunOptions o = RunOptions.of(suite == null ? SuiteLoader.canonical() : SuiteLoader.load(suite))
                .withTaskIds(tasks).withRunsDir(runsDir).withRunId(runId).withResume(resume).withAppiumUrl(appiumUrl)
                .withPhone(phone);
        try (McpEpisodeServer s = McpEpisodeServer.start(o, name, Duration.ofSeconds(stepTimeout), http, System.in,
                channel, log::println)) {
            if (s.url() != null) {
                System.out.println("MCP server (Streamable HTTP): " + s.url());
                System.out.flush();
            } else {
                log.println("MCP server on stdio: waiting for the client");
            }
            RunResult r = s.awaitEnd(Duration.ofSeconds(linger));
            log.println(Reporting.summaryLine(r.audits()));
            log.println(r.report());
        }
        return 0;
    }
}
