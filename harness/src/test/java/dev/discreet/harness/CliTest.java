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
}
