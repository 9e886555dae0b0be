package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private record Out(int code, String out, String err) {}

    private static Out run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aMalformedTaskFileStopsTheRunWithFileAndJsonPath() throws Exception {
        Path canonical = Path.of("../tasks/src/main/resources/discreet-suite");
        Files.createDirectories(dir.resolve("suite/apps"));
        Files.createDirectories(dir.resolve("suite/tasks"));
        for (String f : new String[] {"suite.json", "profile.json", "apps/doctor.json", "apps/privacy.json"}) {
            Files.copy(canonical.resolve(f), dir.resolve("suite").resolve(f));
        }
        String task = Files.readString(canonical.resolve("tasks/doctor/doctor-001.json"))
                .replaceFirst("\"expect\"\\s*:\\s*\"COUNT\"", "\"expect\": \"SOME\"");
        assertThat(task).contains("\"SOME\"");
        Files.writeString(dir.resolve("suite/tasks/broken.json"), task);
        Out o = run("run", "--suite", dir.resolve("suite").toString(), "--runs-dir", dir.resolve("runs").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("broken.json: at $.success[1].expect: cannot read 'SOME' as RowExpectation "
                + "(expected one of [PRESENT, ABSENT, COUNT])");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void unknownTasksAndAgentsAreNamed() {
        Out o = run("run", "--tasks", "doctor-999", "--runs-dir", dir.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("unknown task 'doctor-999'").contains("doctor-001");
        Out a = run("run", "--agents", "genius", "--runs-dir", dir.toString());
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("unknown agent 'genius': built-in agents are [reference, oversharing, idle]");
    }

    @Test
    void auditOfSomethingThatIsNotARunSaysSo() {
        Out o = run("audit", dir.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("is not a run folder (no manifest.json)");
    }

    @Test
    void helpWorksOnEveryCommand() {
        for (String command : new String[] {"run", "audit", "bench", "leaderboard", "lint", "generate"}) {
            Out o = run(command, "--help");
            assertThat(o.code()).as(command).isZero();
            assertThat(o.out()).as(command).contains("Usage: discreet " + command).contains("--help");
        }
        assertThat(run("run", "--help").out()).contains("--run-id").contains("--resume");
    }

    @Test
    void runIdsMustBeOneSafeFolderName() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        for (String id : new String[] {"..", ".", "a/b", "../x", ""}) {
            Out o = run("run", "--tasks", "doctor-001", "--runs-dir", runs.toString(), "--run-id", id);
            assertThat(o.code()).as(id).isEqualTo(2);
            assertThat(o.err()).as(id).contains("run id '" + id + "' must be 1-80 letters");
        }
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).containsExactly(runs);
        }
        try (var left = Files.list(runs)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void aTaskOrAgentGivenTwiceIsRejected() {
        Out o = run("run", "--tasks", "doctor-004,doctor-004", "--runs-dir", dir.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("task 'doctor-004' is listed twice");
        Out a = run("run", "--agents", "idle,idle", "--tasks", "doctor-004", "--runs-dir", dir.toString());
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("agent 'idle' is listed twice");
    }

    @Test
    void resumingARunThatDoesNotExistIsAnError() {
        Out o = run("run", "--resume", "--run-id", "never-ran", "--tasks", "doctor-001", "--runs-dir", dir.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("nothing to resume: " + dir.resolve("never-ran").toAbsolutePath())
                .contains("drop --resume");
        assertThat(dir.resolve("never-ran")).doesNotExist();
        Out noId = run("run", "--resume", "--tasks", "doctor-001", "--runs-dir", dir.toString());
        assertThat(noId.code()).isEqualTo(2);
        assertThat(noId.err()).contains("--resume needs --run-id");
    }

    @Test
    void aRunsFolderThatCannotBeWrittenGivesOneLineWithThePathAndTheFix() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("runs"), "a file, not a folder");
        Out o = run("run", "--tasks", "doctor-001", "--runs-dir", notAFolder.toString(), "--run-id", "r1");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).doesNotContain("\n").contains(notAFolder.toAbsolutePath().toString())
                .contains("--runs-dir").doesNotContain("at dev.discreet");
    }

    @Test
    void aRunThatFailsToStartLeavesNoFolderBehindAndTheIdCanBeReused() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort(); // nothing listens here once the socket is closed
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            Out o = run("run", "--agents", "idle", "--tasks", "doctor-001", "--runs-dir", dir.toString(),
                    "--run-id", "r1", "--appium-url", "http://127.0.0.1:" + closedPort + "/");
            assertThat(o.code()).as("attempt %d", attempt).isEqualTo(2);
            assertThat(o.err()).as("attempt %d", attempt).startsWith("error: the device failed")
                    .doesNotContain("already holds a run");
            assertThat(dir.resolve("r1")).as("attempt %d", attempt).doesNotExist();
        }
    }
}
