package dev.discreet.harness.device.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.discreet.harness.device.android.UrlMapping;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How the containers are configured (nothing is started or pulled: no Docker engine is needed). */
class ContainersConfigTest {
    @Test
    void theEmulatorContainerExposesAppiumNeedsKvmAndMapsTheHarnessHost() {
        try (AndroidEmulatorContainer emu = new AndroidEmulatorContainer().withApks(Path.of("target/apks"))) {
            assertThat(emu.getExposedPorts()).containsExactly(4723);
            assertThat(emu.getEnvMap()).containsEntry("APPIUM", "true");
            assertThat(emu.isPrivilegedMode()).isTrue();
            assertThat(emu.phoneOptions().urlMapping()).isEqualTo(UrlMapping.host("host.testcontainers.internal"));
            // Copied to the same absolute path inside: Appium reads install paths on its own machine.
            assertThat(emu.phoneOptions().apkDir()).isEqualTo(Path.of("target/apks").toAbsolutePath());
        }
    }

    @Test
    void theGridContainerHasRoomForChromiumAndMapsTheHarnessHost() {
        try (GridContainer grid = new GridContainer()) {
            assertThat(grid.getExposedPorts()).containsExactly(4444);
            assertThat(grid.getShmSize()).isEqualTo(2L * 1024 * 1024 * 1024);
            assertThat(grid.urlMapping().toDevice(URI.create("http://127.0.0.1:8123/e/t/")))
                    .isEqualTo(URI.create("http://host.testcontainers.internal:8123/e/t/"));
        }
    }

    @Test
    void exposingTheHarnessNeedsItsPort() {
        assertThatThrownBy(() -> HostAccess.expose(URI.create("http://127.0.0.1/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no port");
    }
}
