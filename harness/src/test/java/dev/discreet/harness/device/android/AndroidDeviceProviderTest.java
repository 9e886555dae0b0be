package dev.discreet.harness.device.android;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.DeviceSettings;
import dev.discreet.harness.device.Devices;
import dev.discreet.harness.device.ScreenshotFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The android kind as the runner and the JUnit extension reach it: by name, with its options as key=value. */
class AndroidDeviceProviderTest {

    private static DeviceSettings android(Map<String, String> options) {
        return DeviceSettings.chromium(ChromiumPhoneOptions.defaults()).withKind("android").withProperties(options);
    }

    @Test
    void theKindIsFoundByNameThroughServiceLoader() {
        assertThat(Devices.known()).contains("android");
        assertThat(Devices.factory(android(Map.of()))).isNotNull();
    }

    @Test
    void optionsBecomePhoneOptions() {
        AndroidPhoneOptions o = AndroidDeviceProvider.options(android(Map.of("udid", "emulator-5554", "apks",
                "/opt/apks", "host", "reverse", "system-port", "8201", "webview-timeout", "7",
                "chromedriver", "/opt/cd/chromedriver-120")));
        assertThat(o.udid()).isEqualTo("emulator-5554");
        assertThat(o.avd()).isNull();
        assertThat(o.apkDir()).isEqualTo(Path.of("/opt/apks"));
        assertThat(o.urlMapping()).isEqualTo(UrlMapping.adbReverse());
        assertThat(o.systemPort()).isEqualTo(8201);
        assertThat(o.webviewTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(o.chromedriverExecutable()).isEqualTo("/opt/cd/chromedriver-120");
        // The run's default JPEG is not available on UiAutomator2: PNG; NONE stays NONE.
        assertThat(o.screenshots()).isEqualTo(ScreenshotFormat.PNG);
        DeviceSettings none = android(Map.of()).withPhone(ChromiumPhoneOptions.defaults().withScreenshots(ScreenshotFormat.NONE));
        assertThat(AndroidDeviceProvider.options(none).screenshots()).isEqualTo(ScreenshotFormat.NONE);
        // Default host: an emulator on this machine reaches its loopback as 10.0.2.2.
        assertThat(AndroidDeviceProvider.options(android(Map.of())).urlMapping()
                .toDevice(URI.create("http://127.0.0.1:4567/hotel"))).isEqualTo(URI.create("http://10.0.2.2:4567/hotel"));
        assertThat(AndroidDeviceProvider.options(android(Map.of("host", "farm-7.lan"))).urlMapping())
                .isEqualTo(UrlMapping.host("farm-7.lan"));
    }

    @Test
    void badOptionsNameThemselves() {
        assertThatThrownBy(() -> Devices.factory(android(Map.of("colour", "red"))))
                .hasMessageContaining("[colour] are not read by the android kind").hasMessageContaining("udid");
        assertThatThrownBy(() -> AndroidDeviceProvider.options(android(Map.of("udid", "a", "avd", "b"))))
                .hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> AndroidDeviceProvider.options(android(Map.of("system-port", "eighty"))))
                .hasMessageContaining("system-port=eighty").hasMessageContaining("whole number");
        assertThatThrownBy(() -> AndroidDeviceProvider.options(android(Map.of("chromedriver-autodownload", "yes"))))
                .hasMessageContaining("true or false");
    }
}
