package dev.discreet.harness.device;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The device kinds of this build: {@code chromium} built in, others from {@link DeviceProvider}s on the class path.
 * The runner, the JUnit session and the bench all get their factory here.
 */
public final class Devices {
    private Devices() { }

    /** A factory for {@code settings}; an unknown or unavailable kind is an {@link IllegalArgumentException}. */
    public static DeviceFactory factory(DeviceSettings settings) {
        if (settings.kind().equals(DeviceSettings.CHROMIUM)) {
            if (!settings.properties().isEmpty()) {
                throw new IllegalArgumentException("device options " + settings.properties().keySet() + " are not "
                        + "read by the chromium kind: use --chromium, --chromedriver and --chromedriver-ports");
            }
            ChromiumPhoneOptions phone = settings.phone();
            ChromedriverPorts ports = settings.ports();
            return server -> ChromiumPhone.connect(server, phone, ports);
        }
        DeviceProvider p = providers().get(settings.kind());
        if (p != null) return p.create(settings);
        if (settings.kind().equals(DeviceSettings.ANDROID)) {
            throw new IllegalArgumentException("device kind 'android' is not available in this build: it needs a "
                    + DeviceProvider.class.getName() + " for 'android' (the UiAutomator2 phone of "
                    + "dev.discreet.harness.device.android) registered in META-INF/services; use --device-kind chromium");
        }
        throw new IllegalArgumentException("unknown device kind '" + settings.kind() + "': known kinds are "
                + known());
    }

    /** Every kind this build can make, e.g. "[chromium]" or "[android, chromium]". */
    public static java.util.Set<String> known() {
        java.util.Set<String> k = new java.util.TreeSet<>(providers().keySet());
        k.add(DeviceSettings.CHROMIUM);
        return k;
    }

    private static Map<String, DeviceProvider> providers() {
        Map<String, DeviceProvider> out = new TreeMap<>();
        for (DeviceProvider p : ServiceLoader.load(DeviceProvider.class, Devices.class.getClassLoader())) {
            out.putIfAbsent(p.kind(), p);
        }
        return out;
    }
}
