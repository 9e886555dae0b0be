package dev.discreet.harness.device.containers;

import dev.discreet.harness.device.android.UrlMapping;
import java.net.URI;
import org.testcontainers.Testcontainers;

/**
 * How a container reaches the harness's mock apps, which stay bound to this machine's loopback: Testcontainers
 * tunnels each exposed host port, and the container sees this machine as {@value #HOST}.
 */
public final class HostAccess {
    /** The name under which a Testcontainers container reaches ports exposed with {@link #expose}. */
    public static final String HOST = "host.testcontainers.internal";

    private HostAccess() {}

    /** Makes the mock-app server at {@code harnessBase} (a loopback URL) reachable from containers started after. */
    public static void expose(URI harnessBase) {
        if (harnessBase.getPort() < 0) {
            throw new IllegalArgumentException("harnessBase: " + harnessBase + " has no port; pass the mock-app "
                    + "server's base URL, e.g. http://127.0.0.1:8123/");
        }
        Testcontainers.exposeHostPorts(harnessBase.getPort());
    }

    /** The mapping a device inside a container needs for the harness's loopback URLs. */
    public static UrlMapping mapping() { return UrlMapping.host(HOST); }
}
