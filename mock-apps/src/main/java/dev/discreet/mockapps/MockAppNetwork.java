package dev.discreet.mockapps;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the mock-app server listens and the address devices are told to use. The default binds 127.0.0.1 on a free
 * port and advertises that: nothing beyond this machine can reach the apps unless a bind address is given.
 * Devices elsewhere need both: an emulator on this host reaches the host's loopback as {@code 10.0.2.2} (bind stays
 * loopback, advertise {@code http://10.0.2.2}); a USB device after {@code adb reverse tcp:PORT tcp:PORT} reaches it
 * as {@code http://127.0.0.1:PORT}; Grid nodes on other machines need a bind address they can reach (this host's LAN
 * address, or {@code 0.0.0.0}) and this host's name as the advertised URL.
 *
 * @param bindAddress  the address to listen on (a literal address or a name); default {@code 127.0.0.1}
 * @param port         the port to listen on; 0 picks a free one
 * @param advertisedUrl the base URL devices open, {@code http://HOST[:PORT]/}; without a port the bound port is
 *                      used; null: {@code http://127.0.0.1:PORT/}
 */
public record MockAppNetwork(String bindAddress, int port, URI advertisedUrl) {
    public static final MockAppNetwork LOOPBACK = new MockAppNetwork(null, 0, null);

    public MockAppNetwork {
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress.trim();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("mock-app port must be 0 (a free port) or 1-65535, was " + port);
        }
        if (advertisedUrl != null) {
            if (!"http".equals(advertisedUrl.getScheme()) || advertisedUrl.getHost() == null) {
                throw new IllegalArgumentException("mock-app URL '" + advertisedUrl + "' must be http://HOST[:PORT]/ "
                        + "(e.g. http://10.0.2.2 for an emulator on this host)");
            }
            String path = advertisedUrl.getRawPath();
            if ((path != null && !path.isEmpty() && !path.equals("/")) || advertisedUrl.getRawQuery() != null
                    || advertisedUrl.getRawFragment() != null || advertisedUrl.getRawUserInfo() != null) {
                throw new IllegalArgumentException("mock-app URL '" + advertisedUrl + "' must be only a scheme, host "
                        + "and port (http://HOST[:PORT]/): the apps are served from the root");
            }
        }
    }

    /** Parses an advertised URL as given on the command line; null or blank: none. */
    public static URI url(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return new URI(s.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("mock-app URL '" + s + "' is not a URL (e.g. http://10.0.2.2): "
                    + e.getMessage());
        }
    }

    public MockAppNetwork withBindAddress(String a) { return new MockAppNetwork(a, port, advertisedUrl); }

    public MockAppNetwork withPort(int p) { return new MockAppNetwork(bindAddress, p, advertisedUrl); }

    public MockAppNetwork withAdvertisedUrl(URI u) { return new MockAppNetwork(bindAddress, port, u); }

    /** The address to bind, resolved. */
    public InetAddress address() {
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("mock-app bind address '" + bindAddress + "' is not an address of this "
                    + "machine (e.g. 127.0.0.1, 0.0.0.0 or this host's LAN address)", e);
        }
    }

    /** Whether the server would be reachable only from this machine. */
    public boolean loopbackOnly() { return address().isLoopbackAddress(); }

    /** The base URL devices are given, for a server bound to {@code boundPort}. */
    public URI baseUri(int boundPort) {
        if (advertisedUrl == null) return URI.create("http://127.0.0.1:" + boundPort + "/");
        int p = advertisedUrl.getPort() > 0 ? advertisedUrl.getPort() : boundPort;
        String host = advertisedUrl.getHost().toLowerCase(Locale.ROOT);
        if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + p + "/");
    }
}
