package dev.discreet.harness.device.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The containers, started for real where Docker runs; skipped (never failed) where it does not, as on this
 * repository's machines. The emulator needs /dev/kvm as well.
 */
@Tag("device")
@Testcontainers(disabledWithoutDocker = true)
class ContainersIT {
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aGridInAContainerRunsAChromiumSession() {
        try (GridContainer grid = new GridContainer()) {
            grid.start();
            RemoteWebDriver d = new RemoteWebDriver(grid.gridUrl(), new MutableCapabilities(Map.of(
                    "browserName", "chrome", "goog:chromeOptions", Map.of("args", List.of("--headless=new")))));
            try {
                d.get("data:text/html,<title>discreet</title>");
                assertThat(d.getTitle()).isEqualTo("discreet");
            } finally {
                d.quit();
            }
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void anEmulatorInAContainerServesAppium() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/kvm")), "the emulator container needs /dev/kvm");
        try (AndroidEmulatorContainer emu = new AndroidEmulatorContainer()) {
            emu.start();
            var c = (java.net.HttpURLConnection) emu.appiumUrl().toURI().resolve("/status").toURL().openConnection();
            assertThat(c.getResponseCode()).isEqualTo(200);
        }
    }
}
