package dev.discreet.harness.device.android;

import dev.discreet.harness.device.DeviceFactory;
import dev.discreet.harness.device.DeviceProvider;
import dev.discreet.harness.device.DeviceSettings;
import dev.discreet.harness.device.ScreenshotFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code android} device kind: {@link AndroidPhone}s over Appium's UiAutomator2 driver, configured by
 * {@code --device-option KEY=VALUE} (CLI) or {@code discreet.device.option.KEY} (JUnit). Keys:
 * <ul>
 *   <li>{@code udid} a running device's serial ({@code adb devices}), or {@code avd} an AVD Appium boots (not both);</li>
 *   <li>{@code apks} the folder with {@code apks.json} on the Appium server's machine (absent: install nothing);</li>
 *   <li>{@code host} how the device reaches this machine's mock apps: {@code emulator} (10.0.2.2, the default),
 *       {@code reverse} (adb reverse, USB) or a host name;</li>
 *   <li>{@code chromedriver} a chromedriver matching the device's WebView on the server's machine, or
 *       {@code chromedriver-autodownload=true};</li>
 *   <li>{@code system-port}, {@code webview-timeout} (seconds).</li>
 * </ul>
 * Screenshots follow the run's setting; JPEG (the Chromium default) becomes PNG, the only format UiAutomator2 takes.
 */
public final class AndroidDeviceProvider implements DeviceProvider {
    static final Set<String> KEYS = Set.of("udid", "avd", "apks", "host", "chromedriver", "chromedriver-autodownload",
            "system-port", "webview-timeout");

    @Override
    public String kind() {
        return DeviceSettings.ANDROID;
    }

    @Override
    public DeviceFactory create(DeviceSettings settings) {
        AndroidPhoneOptions options = options(settings);
        return server -> AndroidPhone.connect(server, options);
    }

    /** The phone options these settings ask for; a bad key or value names itself and how to fix it. */
    static AndroidPhoneOptions options(DeviceSettings settings) {
        Map<String, String> p = settings.properties();
        Set<String> unknown = new TreeSet<>(p.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("device options " + unknown + " are not read by the android kind: "
                    + "known keys are " + new TreeSet<>(KEYS) + " (--device-option KEY=VALUE)");
        }
        AndroidPhoneOptions o = AndroidPhoneOptions.defaults();
        if (p.containsKey("udid")) o = o.withUdid(p.get("udid"));
        if (p.containsKey("avd")) o = o.withAvd(p.get("avd"));
        if (p.containsKey("apks")) o = o.withApks(Path.of(p.get("apks")));
        if (p.containsKey("host")) {
            String h = p.get("host").trim();
            o = o.withUrlMapping(switch (h.toLowerCase(Locale.ROOT)) {
                case "emulator" -> UrlMapping.emulator();
                case "reverse" -> UrlMapping.adbReverse();
                default -> UrlMapping.host(h);
            });
        }
        if (p.containsKey("chromedriver")) o = o.withChromedriverExecutable(p.get("chromedriver"));
        if (p.containsKey("chromedriver-autodownload")) {
            o = o.withChromedriverAutodownload(bool("chromedriver-autodownload", p.get("chromedriver-autodownload")));
        }
        if (p.containsKey("system-port")) o = o.withSystemPort(integer("system-port", p.get("system-port")));
        if (p.containsKey("webview-timeout")) {
            o = o.withWebviewTimeout(Duration.ofSeconds(integer("webview-timeout", p.get("webview-timeout"))));
        }
        ScreenshotFormat asked = settings.phone().screenshots();
        return o.withScreenshots(asked == ScreenshotFormat.NONE ? ScreenshotFormat.NONE : ScreenshotFormat.PNG);
    }

    private static boolean bool(String key, String v) {
        if ("true".equalsIgnoreCase(v.trim())) return true;
        if ("false".equalsIgnoreCase(v.trim())) return false;
        throw new IllegalArgumentException("device option " + key + "=" + v + ": give true or false");
    }

    private static int integer(String key, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("device option " + key + "=" + v + ": give a whole number");
        }
    }
}
