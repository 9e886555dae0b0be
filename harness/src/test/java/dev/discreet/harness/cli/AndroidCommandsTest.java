package dev.discreet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code discreet android install | doctor} as far as this machine can run them: no device is attached here, so
 * the checks up to adb run, and a device check is shown failing with its fix. (An adb binary that is not there
 * stands for a machine without adb; the real adb is not started, so no adb server is left running.)
 */
class AndroidCommandsTest {
    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            code = Main.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Outcome(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void doctorChecksTheBuiltApksAndSaysHowToGetAdb() {
        Outcome r = run("android", "doctor", "--apks", "target/apks", "--adb", "target/no-such-adb");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("ok   APKs built: 11 in target/apks")
                .contains("FAIL adb: target/no-such-adb cannot be run: install Debian's adb (harness/bin/setup does)")
                .contains("1 check(s) failed: [adb]");
    }

    @Test
    void doctorWithoutBuiltApksSaysHowToBuildThem(@TempDir Path empty) {
        Outcome r = run("android", "doctor", "--apks", empty.toString(), "--adb", "target/no-such-adb");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL APKs built: no apks.json in " + empty).contains("mvn package -pl harness -am");
    }

    @Test
    void installWithoutAdbStopsWithTheFix() {
        Outcome r = run("android", "install", "--apks", "target/apks", "--adb", "target/no-such-adb");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("error: target/no-such-adb cannot be run: install Debian's adb");
    }

    @Test
    void helpWorksOnTheAndroidCommands() {
        assertThat(run("android", "--help").out()).contains("Usage: discreet android").contains("install").contains("doctor");
        assertThat(run("android", "install", "--help").out()).contains("Usage: discreet android install").contains("--serial");
        assertThat(run("android", "doctor", "--help").out()).contains("Usage: discreet android doctor").contains("--device-host");
    }

    @Test
    void onlyReadyDevicesCountAndTheChoiceIsExplained() {
        String listing = "List of devices attached\nemulator-5554\tdevice\nR58M11\tunauthorized\n0123\toffline\n"
                + "emulator-5556\tdevice product:sdk_gphone64 model:sdk device:emu64 transport_id:3\n\n";
        assertThat(AndroidCommands.Common.readyDevices(listing)).containsExactly("emulator-5554", "emulator-5556");
        AndroidCommands.Common c = new AndroidCommands.Common();
        assertThatThrownBy(() -> c.chooseDevice(List.of("emulator-5554", "emulator-5556")))
                .hasMessageContaining("several devices are attached [emulator-5554, emulator-5556]: choose one with --serial");
        assertThatThrownBy(() -> c.chooseDevice(List.of())).hasMessageContaining("no Android device is attached");
        assertThat(c.chooseDevice(List.of("emulator-5554"))).isEqualTo("emulator-5554");
        c.serial = "emulator-5556";
        assertThat(c.chooseDevice(List.of("emulator-5554", "emulator-5556"))).isEqualTo("emulator-5556");
        c.serial = "R58M11";
        assertThatThrownBy(() -> c.chooseDevice(List.of("emulator-5554"))).hasMessageContaining("device R58M11 is not ready");
    }
}
