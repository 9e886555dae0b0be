package dev.discreet.harness.device.grid;

import java.net.URL;

/**
 * Selenium Grid 4 configuration files (TOML) for a hub and for relay nodes in front of Appium servers. What the
 * harness's sessions ask for ({@code browserName=chrome}, {@code platformName=linux},
 * {@code appium:automationName=Chromium}) is each node's stereotype, one session per node: one Appium server drives
 * one phone at a time behind the Grid, as an emulator does. Copies for a farm of several machines are in
 * {@code harness/grid/} (hub.toml, relay-node.toml).
 */
public final class GridConfigs {
    /** What a relay node offers: the capabilities of a chromium-kind session. */
    public static final String CHROMIUM_STEREOTYPE =
            "{\"browserName\":\"chrome\",\"platformName\":\"linux\",\"appium:automationName\":\"Chromium\"}";

    private GridConfigs() { }

    /**
     * A hub listening on {@code host:port}, its event bus bound to {@code host} on {@code publish} and
     * {@code subscribe} (nodes connect there).
     */
    public static String hub(String host, int port, int publish, int subscribe) {
        return """
                # Selenium Grid 4 hub (written by discreet)
                [server]
                host = "%1$s"
                port = %2$d

                [events]
                bind = true
                publish = "tcp://%1$s:%3$d"
                subscribe = "tcp://%1$s:%4$d"
                """.formatted(host, port, publish, subscribe);
    }

    /**
     * A node on {@code host:port} that relays every session to the Appium server at {@code appium}, registered
     * with the hub whose event bus is at {@code hubHost} ({@code publish}/{@code subscribe}).
     */
    public static String relayNode(String host, int port, String hubHost, int publish, int subscribe, URL appium,
                                   int maxSessions, String stereotype) {
        return """
                # Selenium Grid 4 relay node in front of one Appium server (written by discreet)
                [server]
                host = "%1$s"
                port = %2$d

                [events]
                publish = "tcp://%3$s:%4$d"
                subscribe = "tcp://%3$s:%5$d"

                [node]
                detect-drivers = false
                selenium-manager = false

                [relay]
                url = "%6$s"
                status-endpoint = "/status"
                protocol-version = "HTTP/1.1"
                configs = ["%7$d", '%8$s']
                """.formatted(host, port, hubHost, publish, subscribe, appium.toString().replaceAll("/+$", ""),
                maxSessions, stereotype);
    }
}
