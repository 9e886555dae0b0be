package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run in a child JVM (real Appium, chromedriver and Chromium), killed with SIGKILL in the middle of an
 * episode: afterwards no process it started is alive and its temporary folders are gone. While it runs, no process
 * it started has the API key (or any other credential) in its environment.
 */
@org.junit.jupiter.api.Tag("device") // real Appium + Chromium: integration-test phase (Failsafe)
class NothingLeftRunningTest {
    static final String KEY = "sk-DISCREET-canary-env-5Rt8QpZ";
    static final String TOKEN = "ghp_DISCREET-canary-token-3Kd9";

    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesNoProcessAndNoTemporaryFolder() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp")); // the child's java.io.tmpdir: only its folders
        Path runs = dir.resolve("runs");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), "dev.discreet.harness.cli.Main", "run", "--agents", "oversharing",
                "--tasks", "doctor-001,doctor-002,doctor-003", "--runs-dir", runs.toString(), "--run-id", "killed")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("OPENAI_API_KEY", KEY);
        env.put("GITHUB_TOKEN", TOKEN);
        Process child = pb.start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            Path trajectory = runs.resolve("killed/episodes/doctor-001__oversharing/trajectory.jsonl");
            waitFor(() -> lines(trajectory) >= 2 || !child.isAlive(), 180, "the child run to reach step 2");
            assertThat(child.isAlive()).as("child still running (log: %s)", read(dir.resolve("child.log"))).isTrue();
            started.addAll(child.descendants().toList());
            List<String> commands = started.stream().map(NothingLeftRunningTest::cmdline).toList();
            assertThat(commands).as("processes started by the run").anyMatch(c -> c.contains("appium"))
                    .anyMatch(c -> c.contains("chromedriver")).anyMatch(c -> c.contains("--user-data-dir=" + tmp));
            for (ProcessHandle p : started) {
                String environ = environ(p);
                assertThat(environ).as("environment of %s", cmdline(p)).doesNotContain(KEY).doesNotContain(TOKEN)
                        .doesNotContain("OPENAI_API_KEY=").doesNotContain("GITHUB_TOKEN=");
            }
            assertThat(ours(tmp, child.pid())).as("temporary folders while running")
                    .anyMatch(n -> n.startsWith("discreet-chromium-")).anyMatch(n -> n.startsWith("discreet-mock-apps-"));

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            child.waitFor();
            waitFor(() -> started.stream().noneMatch(ProcessHandle::isAlive) && byMarker(tmp).isEmpty()
                    && ours(tmp, child.pid()).isEmpty(), 60, "the run's processes and folders to go");
            assertThat(started.stream().filter(ProcessHandle::isAlive).map(NothingLeftRunningTest::cmdline)).isEmpty();
            assertThat(byMarker(tmp)).isEmpty();
            // The watchdog itself removes the folders (it used to miss them when Appium died of the dead JVM's pipe
            // first, and this test then waited out its whole deadline before the sweep below removed them).
            assertThat(ours(tmp, child.pid())).as("folders left after the watchdog").isEmpty();
            // Whatever a watchdog misses, the next start removes (ChildEnvironmentAndTempFoldersTest); here nothing is left for it.
            assertThat(dev.discreet.harness.internal.TempFolders.sweep(tmp)).isEmpty();
        } finally {
            child.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly); // never leave them behind, even when the test fails
        }
    }

    private interface Check { boolean ok() throws Exception; }

    /** Polls {@code check} until it holds or {@code seconds} pass (a deadline against hanging, not a measurement). */
    private static void waitFor(Check check, int seconds, String what) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!check.ok()) {
            if (System.nanoTime() > end) return; // the assertions that follow say what is wrong
            Thread.sleep(200);
        }
    }

    private static long lines(Path f) throws IOException {
        if (!Files.exists(f)) return 0;
        try (Stream<String> s = Files.lines(f)) {
            return s.count();
        }
    }

    /** Folders in {@code tmp} made by the JVM {@code pid}. */
    private static List<String> ours(Path tmp, long pid) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("discreet-(chromium|mock-apps)-" + pid + "-.*")).toList();
        }
    }

    /** Every live process whose command line names the child's temp folder (Chromium's profile is in it). */
    private static List<String> byMarker(Path tmp) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).map(NothingLeftRunningTest::cmdline)
                .filter(c -> c.contains(tmp.toString())).toList();
    }

    private static String cmdline(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static String environ(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "environ")),
                    StandardCharsets.UTF_8).replace('\0', '\n');
        } catch (IOException e) {
            return ""; // exited meanwhile
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
