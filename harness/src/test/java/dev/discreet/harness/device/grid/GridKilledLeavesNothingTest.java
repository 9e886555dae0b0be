package dev.discreet.harness.device.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code discreet grid} killed with SIGKILL leaves nothing running: its hub and node JVMs (under their watchdogs) and
 * its Appium server (under Appium's) end once the harness's JVM is gone.
 */
@Tag("device")
class GridKilledLeavesNothingTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aGridWhoseHarnessIsKilledStopsByItself() throws Exception {
        String gridCp = GridClasspath.resolve(Path.of("grid/pom.xml"), Path.of("target/grid.classpath"), false);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = tmp.resolve("grid.out");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.discreet.harness.cli.Main", "grid", "--nodes", "1", "--dir", tmp.resolve("grid").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put(GridClasspath.OVERRIDE, gridCp);
        Process harness = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (!Files.readString(out).lines().anyMatch(l -> l.startsWith("http://127.0.0.1:"))) {
                assertThat(harness.isAlive()).as(Files.readString(out)).isTrue();
                assertThat(System.nanoTime()).as("grid up in time: " + Files.readString(out)).isLessThan(deadline);
                Thread.sleep(200);
            }
            List<ProcessHandle> children = new ArrayList<>(harness.descendants().toList());
            assertThat(children).as("hub, node and Appium under the harness")
                    .anyMatch(p -> cmdline(p).contains("org.openqa.selenium.grid.Bootstrap"))
                    .anyMatch(p -> cmdline(p).contains("appium"));
            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs
            harness.waitFor(10, TimeUnit.SECONDS);
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) Thread.sleep(200);
            assertThat(children.stream().filter(ProcessHandle::isAlive).map(GridKilledLeavesNothingTest::cmdline))
                    .as("left running").isEmpty();
        } finally {
            harness.descendants().forEach(ProcessHandle::destroyForcibly);
            harness.destroyForcibly();
        }
    }

    private static String cmdline(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
