package dev.discreet.harness.device.android;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * How a page the harness serves on this machine's loopback is reached from an Android device. The mock apps
 * bind 127.0.0.1 and stay there; a local emulator reaches the host's loopback as {@code 10.0.2.2}
 * ({@link #emulator()}), a USB device through {@code adb reverse} ({@link #adbReverse()}: the device keeps
 * 127.0.0.1), a device elsewhere through a name or address the harness must be made to serve on
 * ({@link #host(String)}). Only loopback URLs are rewritten: a URL already on another host (an advertised base
 * URL) is passed as it is.
 *
 * @param deviceHost the host the device uses for this machine's loopback; null to keep the URL (adb reverse)
 */
public record UrlMapping(String deviceHost) {
    /** Android emulator's alias for the host's loopback interface. */
    public static final String EMULATOR_HOST = "10.0.2.2";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    public UrlMapping {
        if (deviceHost != null && (deviceHost.isBlank() || deviceHost.contains("/") || deviceHost.contains(" "))) {
            throw new IllegalArgumentException("deviceHost: '" + deviceHost + "' is not a host name or address "
                    + "(e.g. 10.0.2.2, or the host's name as the device resolves it)");
        }
    }

    /** A local emulator: loopback URLs become {@code 10.0.2.2}. */
    public static UrlMapping emulator() { return new UrlMapping(EMULATOR_HOST); }

    /** A device with {@code adb reverse tcp:PORT tcp:PORT} per port: URLs are kept. */
    public static UrlMapping adbReverse() { return new UrlMapping(null); }

    /** A device that reaches this machine under {@code host}. */
    public static UrlMapping host(String host) {
        if (host == null) throw new IllegalArgumentException("host: give the host name or address the device uses");
        return new UrlMapping(host);
    }

    /** Whether URLs keep their loopback host (adb reverse forwards the ports). */
    public boolean reversesPorts() { return deviceHost == null; }

    static boolean isLoopback(String host) { return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT)); }

    /** The URL the device opens for a URL of the harness. */
    public URI toDevice(URI harnessUrl) {
        if (deviceHost == null || !isLoopback(harnessUrl.getHost())) return harnessUrl;
        return withHost(harnessUrl, deviceHost);
    }

    /**
     * The harness's URL for a URL read on the device: the inverse of {@link #toDevice} for a page under
     * {@code harnessBase} (the mock-app server's base URL); anything else unchanged.
     */
    public String toHarness(String deviceUrl, URI harnessBase) {
        if (deviceUrl == null || deviceHost == null || harnessBase == null) return deviceUrl;
        URI u;
        try {
            u = new URI(deviceUrl);
        } catch (URISyntaxException e) {
            return deviceUrl;
        }
        URI expected = toDevice(harnessBase);
        if (!deviceHost.equalsIgnoreCase(u.getHost()) || u.getPort() != expected.getPort()
                || expected.equals(harnessBase)) {
            return deviceUrl;
        }
        return withHost(u, harnessBase.getHost()).toString();
    }

    private static URI withHost(URI u, String host) {
        try {
            return new URI(u.getScheme(), u.getUserInfo(), host, u.getPort(), u.getPath(), u.getQuery(), u.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot put host '" + host + "' into " + u + ": " + e.getMessage(), e);
        }
    }
}
