package dev.discreet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device and farm options of the CLI: bad values stop before anything starts, with one line and exit code 2. */
class FarmCliTest {
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

    private Out runWith(String... extra) {
        String[] base = {"run", "--agents", "idle", "--tasks", "doctor-001", "--runs-dir", dir.resolve("runs").toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return run(all);
    }

    @Test
    void badFarmOptionsAreOneLineAndExitCode2BeforeAnythingStarts() {
        Out shard = runWith("--shard", "3/2");
        assertThat(shard.code()).isEqualTo(2);
        assertThat(shard.err()).startsWith("error: shard 3/2 is not a shard: write K/N").hasLineCount(1);
        assertThat(runWith("--apps-url", "http://10.0.2.2/apps").err()).contains("only a scheme, host and port");
        assertThat(runWith("--appium-url", "http://a:4723,http://a:4723").err()).contains("listed twice");
        assertThat(runWith("--retries", "-1").err()).contains("retries must be within 0..5");
        assertThat(runWith("--device-kind", "ios").err()).contains("unknown device kind 'ios'");
        Out android = runWith("--device-kind", "android", "--device-option", "colour=red");
        assertThat(android.code()).isEqualTo(2);
        assertThat(android.err()).contains("[colour] are not read by the android kind").hasLineCount(1);
        assertThat(run("grid", "--nodes", "0").err()).contains("--nodes must be within 1..8");
        // Nothing was started or written.
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void mergeAndGridAnswerHelp() {
        assertThat(run("merge", "--help").out()).contains("--out").contains("RUN_DIR");
        assertThat(run("grid", "--help").out()).contains("--nodes");
        assertThat(run("run", "--help").out()).contains("--shard").contains("--apps-url").contains("--retries")
                .contains("--device-kind").contains("--chromedriver-ports");
    }
}
