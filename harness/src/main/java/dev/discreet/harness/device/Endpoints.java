package dev.discreet.harness.device;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Appium server and Grid hub URLs: parsing with messages that say how to fix them, and where they run. */
public final class Endpoints {
    private Endpoints() { }

    /**
     * Whether {@code server} runs on this machine: its host is a loopback name or address. Only then can this
     * machine's files (Chromium, chromedriver) and free ports say anything about it.
     */
    public static boolean isLoopback(URL server) {
        String host = server.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) return true;
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        // Only literal addresses are looked at: resolving a name could block on DNS.
        if (!host.matches("[0-9.]+|[0-9a-f:]+")) return false;
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code server} without user and password (a Grid URL may carry them): for manifests, logs and messages. */
    public static String redact(URL server) {
        if (server.getUserInfo() == null) return server.toString();
        return server.toString().replace(server.getUserInfo() + "@", "•••@");
    }

    /** Parses one URL of an Appium server or Grid hub, e.g. {@code http://10.0.0.5:4723}. */
    public static URL parse(String s, String where) {
        String t = s == null ? "" : s.trim();
        try {
            URI u = new URI(t);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null) {
                throw new IllegalArgumentException(where + ": '" + s + "' is not an http(s) URL of an Appium server or "
                        + "Grid hub (e.g. http://127.0.0.1:4723 or http://grid.example:4444)");
            }
            return u.toURL();
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            throw new IllegalArgumentException(where + ": '" + s + "' is not a URL (e.g. http://127.0.0.1:4723): "
                    + e.getMessage());
        }
    }

    /** Parses a comma-separated list of server URLs; each appears once. */
    public static List<URL> parseList(String s, String where) {
        List<URL> out = new ArrayList<>();
        if (s == null || s.isBlank()) return out;
        for (String part : s.split(",")) {
            if (part.isBlank()) continue;
            URL u = parse(part, where);
            for (URL seen : out) {
                if (seen.toString().equals(u.toString())) {
                    throw new IllegalArgumentException(where + ": " + u + " is listed twice: give each server once "
                            + "(a server takes several phones with --parallel)");
                }
            }
            out.add(u);
        }
        return out;
    }
}
