package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.cli.Main;
import dev.discreet.tasks.SuiteLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discreet lint} and {@code discreet generate} from the command line. */
class SuiteCommandsTest {
    private static String run(int[] code, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            code[0] = Main.execute(args);
        } finally {
            System.setOut(old);
        }
        return buf.toString();
    }

    @Test
    void lintsTheCanonicalSuite() {
        int[] code = {-1};
        String out = run(code, "lint");
        assertThat(code[0]).isZero();
        assertThat(out).contains("ok: 350 tasks, 11 apps, suite hash " + SuiteLoader.canonical().hash());
    }

    @Test
    void generatesAFreshVariantAndReportsLintProblems(@TempDir Path tmp) throws Exception {
        int[] code = {-1};
        Path out = tmp.resolve("seed7");
        String text = run(code, "generate", "--seed", "7", "--out", out.toString());
        assertThat(code[0]).isZero();
        assertThat(text).contains("wrote 350 tasks to " + out);
        assertThat(SuiteLoader.load(out).hash()).isNotEqualTo(SuiteLoader.canonical().hash());
        Path t = out.resolve("tasks/events/events-001.json");
        Files.writeString(t, Files.readString(t).replace("\"table\" : \"bookings\"", "\"table\" : \"tickets\""));
        text = run(code, "lint", "--suite", out.toString());
        assertThat(code[0]).isEqualTo(1);
        assertThat(text).contains("tasks/events/events-001.json: at $.success[0].table: app 'events' has no table 'tickets'");
    }
}
