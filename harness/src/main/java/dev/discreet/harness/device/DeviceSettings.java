package dev.discreet.harness.device;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What kind of device a run uses and how it is configured: the same settings from the CLI ({@code --device-kind},
 * {@code --device-option KEY=VALUE}, {@code --chromium}, {@code --chromedriver}, {@code --chromedriver-ports}) and
 * from the JUnit extension (configuration parameters {@code discreet.device.kind}, {@code discreet.device.option.KEY},
 * {@code discreet.chromium}, {@code discreet.chromedriver}, {@code discreet.chromedriver.ports}).
 *
 * @param kind       {@code chromium} (headless Chromium through Appium's chromium driver) or {@code android}
 * @param phone      the phone's viewport and screenshots, and for {@code chromium} the binaries' paths on the
 *                   machine that runs the Appium server
 * @param ports      chromedriver ports for {@code chromium} sessions
 * @param properties kind-specific settings, read by the kind's {@link DeviceProvider}
 */
public record DeviceSettings(String kind, ChromiumPhoneOptions phone, ChromedriverPorts ports,
                             Map<String, String> properties) {
    public static final String CHROMIUM = "chromium";
    public static final String ANDROID = "android";

    public DeviceSettings {
        kind = kind == null || kind.isBlank() ? CHROMIUM : kind.trim().toLowerCase(Locale.ROOT);
        if (!kind.matches("[a-z][a-z0-9_-]{0,30}")) {
            throw new IllegalArgumentException("device kind '" + kind + "' is not a kind name: use chromium or android");
        }
        if (phone == null) phone = ChromiumPhoneOptions.defaults();
        if (ports == null) ports = ChromedriverPorts.AUTO;
        properties = properties == null ? Map.of() : Map.copyOf(new TreeMap<>(properties));
    }

    public static DeviceSettings chromium(ChromiumPhoneOptions phone) {
        return new DeviceSettings(CHROMIUM, phone, ChromedriverPorts.AUTO, Map.of());
    }

    public DeviceSettings withKind(String k) { return new DeviceSettings(k, phone, ports, properties); }

    public DeviceSettings withPhone(ChromiumPhoneOptions p) { return new DeviceSettings(kind, p, ports, properties); }

    public DeviceSettings withPorts(ChromedriverPorts p) { return new DeviceSettings(kind, phone, p, properties); }

    public DeviceSettings withProperties(Map<String, String> p) { return new DeviceSettings(kind, phone, ports, p); }
}
