package dev.discreet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.discreet.harness.device.ChromedriverPorts;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.DeviceSettings;
import dev.discreet.harness.device.Devices;
import dev.discreet.harness.device.Endpoints;
import dev.discreet.mockapps.MockAppNetwork;
import dev.discreet.tasks.SuiteLoader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The device and farm settings: parsing, checks, URL mapping, and the device kinds of this build. */
class FarmOptionsTest {

    private static URL url(String s) { return Endpoints.parse(s, "test"); }

    @Test
    void settingsAreReadAsTheCliAndJUnitGiveThem() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("device-kind", "Chromium");
        m.put("chromium", "/opt/chromium/chrome");
        m.put("chromedriver", "/opt/chromium/chromedriver");
        m.put("chromedriver-ports", "9700-9709");
        m.put("appium-url", "http://10.0.0.5:4723, http://10.0.0.6:4723");
        m.put("apps-bind", "0.0.0.0");
        m.put("apps-port", "8123");
        m.put("apps-url", "http://ci-host.example");
        m.put("shard", "2/3");
        m.put("retries", "2");
        FarmOptions f = FarmOptions.fromSettings(m);
        assertThat(f.deviceKind()).isEqualTo("chromium");
        assertThat(f.endpoints()).extracting(URL::toString)
                .containsExactly("http://10.0.0.5:4723", "http://10.0.0.6:4723");
        assertThat(f.chromedriverPorts()).isEqualTo(new ChromedriverPorts(9700, 9709));
        assertThat(f.apps()).isEqualTo(new MockAppNetwork("0.0.0.0", 8123, URI.create("http://ci-host.example")));
        assertThat(f.shard()).isEqualTo(new Shard(2, 3));
        assertThat(f.retries()).isEqualTo(2);
        DeviceSettings d = f.deviceSettings(ChromiumPhoneOptions.defaults());
        assertThat(d.phone().chromium()).isEqualTo(Path.of("/opt/chromium/chrome"));
        assertThat(d.phone().chromedriver()).isEqualTo(Path.of("/opt/chromium/chromedriver"));
        // JUnit's names for the same settings.
        assertThat(FarmOptions.junitParameter("appium-url")).isEqualTo("discreet.appium.url");
        assertThat(FarmOptions.junitParameter("chromedriver-ports")).isEqualTo("discreet.chromedriver.ports");
        assertThat(FarmOptions.fromSettings(Map.of())).isEqualTo(FarmOptions.defaults());
    }

    @Test
    void badSettingsAreRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("appium", "x")))
                .hasMessageContaining("unknown setting 'appium'");
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("retries", "9")))
                .hasMessageContaining("retries must be within 0..5");
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("retries", "one")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("appium-url", "http://a:1,http://a:1")))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("appium-url", "127.0.0.1:4723")))
                .hasMessageContaining("is not a URL (e.g. http://127.0.0.1:4723)");
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("appium-url", "ftp://grid:4444")))
                .hasMessageContaining("not an http(s) URL");
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("device-option", "apks")))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("device-kind", "ios phone")))
                .hasMessageContaining("not a kind name");
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("chromedriver-ports", "9600-9500")))
                .hasMessageContaining("FROM-TO");
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("apps-url", "http://10.0.2.2/app")))
                .hasMessageContaining("only a scheme, host and port");
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("apps-url", "https://10.0.2.2")))
                .hasMessageContaining("must be http://");
        assertThatThrownBy(() -> FarmOptions.fromSettings(Map.of("apps-port", "70000")))
                .hasMessageContaining("1-65535");
        // A pool and a single server are two ways of saying where devices are: not both.
        assertThatThrownBy(() -> RunOptions.of(SuiteLoader.canonical()).withAppiumUrl(url("http://127.0.0.1:4723"))
                .withFarm(FarmOptions.defaults().withEndpoints(List.of(url("http://127.0.0.1:4724")))))
                .hasMessageContaining("mutually exclusive");
    }

    @Test
    void devicesAreChosenByKindAndAnUnwiredKindSaysWhatIsMissing() {
        assertThat(Devices.factory(DeviceSettings.chromium(ChromiumPhoneOptions.defaults()))).isNotNull();
        assertThat(Devices.known()).contains("chromium");
        assertThatThrownBy(() -> Devices.factory(DeviceSettings.chromium(null).withProperties(Map.of("apks", "x"))))
                .hasMessageContaining("not read by the chromium kind");
        assertThatThrownBy(() -> Devices.factory(DeviceSettings.chromium(null).withKind("ios")))
                .hasMessageContaining("unknown device kind 'ios'").hasMessageContaining("chromium");
        // The android kind is wired through META-INF/services (AndroidDeviceProvider); it checks its own options.
        assertThat(Devices.known()).containsExactly("android", "chromium");
        assertThatThrownBy(() -> Devices.factory(DeviceSettings.chromium(null).withKind("android")
                .withProperties(Map.of("colour", "red"))))
                .hasMessageContaining("[colour] are not read by the android kind");
    }

    @Test
    void mockAppUrlsMapToWhatTheDeviceReaches() {
        // Default: loopback, the bound port.
        assertThat(MockAppNetwork.LOOPBACK.baseUri(4567)).isEqualTo(URI.create("http://127.0.0.1:4567/"));
        assertThat(MockAppNetwork.LOOPBACK.loopbackOnly()).isTrue();
        // An emulator on this host reaches the host's loopback as 10.0.2.2: the bound port is kept.
        MockAppNetwork emulator = MockAppNetwork.LOOPBACK.withAdvertisedUrl(URI.create("http://10.0.2.2"));
        assertThat(emulator.baseUri(4567)).isEqualTo(URI.create("http://10.0.2.2:4567/"));
        assertThat(emulator.loopbackOnly()).isTrue();
        // A port in the advertised URL wins (a proxy or adb reverse to another port).
        assertThat(emulator.withAdvertisedUrl(URI.create("http://10.0.2.2:8080/")).baseUri(4567))
                .isEqualTo(URI.create("http://10.0.2.2:8080/"));
        assertThat(new MockAppNetwork("0.0.0.0", 0, URI.create("http://Grid-Host.example")).baseUri(9000))
                .isEqualTo(URI.create("http://grid-host.example:9000/"));
        assertThat(new MockAppNetwork("0.0.0.0", 0, null).loopbackOnly()).isFalse();
        assertThatThrownBy(() -> new MockAppNetwork("no such host.invalid", 0, null).address())
                .hasMessageContaining("not an address of this machine");
    }

    @Test
    void chromedriverPortsComeFromThisMachineOnlyForALocalServer() {
        assertThat(Endpoints.isLoopback(url("http://127.0.0.1:4723"))).isTrue();
        assertThat(Endpoints.isLoopback(url("http://localhost:4723/wd/hub"))).isTrue();
        assertThat(Endpoints.isLoopback(url("http://[::1]:4723"))).isTrue();
        assertThat(Endpoints.isLoopback(url("http://10.0.0.5:4723"))).isFalse();
        assertThat(Endpoints.isLoopback(url("http://grid.example:4444"))).isFalse();
        // A remote server with nothing given: chromedriver's own 9515 and the 99 after it, in turn.
        URL remote = url("http://10.0.0.5:4723");
        int p = ChromedriverPorts.AUTO.pick(remote);
        assertThat(p).isBetween(9515, 9614);
        // A range given: two sessions in a row get different ports of it.
        ChromedriverPorts two = ChromedriverPorts.parse("9700-9701");
        int a = two.pick(remote), b = two.pick(remote);
        assertThat(List.of(a, b)).containsExactlyInAnyOrder(9700, 9701);
        assertThat(ChromedriverPorts.parse("9800").pick(remote)).isEqualTo(9800);
        assertThat(ChromedriverPorts.parse("auto")).isEqualTo(ChromedriverPorts.AUTO);
        // A Grid URL with credentials never shows them.
        assertThat(Endpoints.redact(url("https://ci:s3cret@grid.example:4444/wd/hub")))
                .isEqualTo("https://•••@grid.example:4444/wd/hub").doesNotContain("s3cret");
    }
}
