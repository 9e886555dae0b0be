package dev.discreet.harness.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which port each Chromium session's chromedriver listens on, on the machine that runs the Appium server. Appium's
 * chromium driver uses 9515 when told nothing, so two sessions on one server collide: every session needs its own
 * port. A port found free on this machine is only meaningful when the server runs here; for a remote server or a
 * Grid node the ports come from a range the user knows to be free there, handed out in turn.
 *
 * @param from first port of the range, or 0 for {@linkplain #AUTO automatic}
 * @param to   last port of the range (inclusive), or 0
 */
public record ChromedriverPorts(int from, int to) {
    /** A free port of this machine when the server is on loopback, else {@link #REMOTE_DEFAULT}. */
    public static final ChromedriverPorts AUTO = new ChromedriverPorts(0, 0);
    /** The range used for servers on other machines when none is given: chromedriver's default port and the 99 after it. */
    public static final ChromedriverPorts REMOTE_DEFAULT = new ChromedriverPorts(9515, 9614);

    private static final AtomicInteger NEXT = new AtomicInteger();

    public ChromedriverPorts {
        boolean auto = from == 0 && to == 0;
        if (!auto && (from < 1024 || to > 65535 || from > to)) {
            throw new IllegalArgumentException("chromedriver ports " + from + "-" + to + " are not a range of ports "
                    + "1024-65535 (write it FROM-TO, e.g. 9515-9614, or 'auto')");
        }
    }

    /** Parses {@code auto}, {@code 9515} or {@code 9515-9614}. */
    public static ChromedriverPorts parse(String s) {
        String t = s == null ? "" : s.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("auto")) return AUTO;
        try {
            int dash = t.indexOf('-');
            if (dash < 0) {
                int p = Integer.parseInt(t);
                return new ChromedriverPorts(p, p);
            }
            return new ChromedriverPorts(Integer.parseInt(t.substring(0, dash).trim()),
                    Integer.parseInt(t.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chromedriver ports '" + s + "' must be 'auto', a port or a range "
                    + "FROM-TO (e.g. 9515-9614)");
        }
    }

    public boolean auto() { return from == 0 && to == 0; }

    /** The port for a new session on {@code server}. */
    public int pick(URL server) {
        if (auto() && Endpoints.isLoopback(server)) return freeLocalPort();
        ChromedriverPorts r = auto() ? REMOTE_DEFAULT : this;
        int size = r.to - r.from + 1;
        return r.from + Math.floorMod(NEXT.getAndIncrement(), size);
    }

    @Override
    public String toString() { return auto() ? "auto" : from == to ? String.valueOf(from) : from + "-" + to; }

    static int freeLocalPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for chromedriver", e);
        }
    }
}
