package dev.discreet.harness.cli;

import dev.discreet.harness.run.FarmOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The device and farm options of {@code discreet run}. Each {@code --X} is the setting {@code X} of
 * {@link FarmOptions#fromSettings}, which the JUnit extension reads as {@code discreet.X}: one parser for both.
 */
final class FarmCli {
    @Option(names = "--device-kind", description = "Device kind: chromium (headless Chromium through Appium, the "
            + "default) or android (Chrome/WebView on an emulator or phone through UiAutomator2).")
    String deviceKind;
    @Option(names = "--device-option", paramLabel = "KEY=VALUE", description = "A setting of the device kind "
            + "(repeatable).")
    List<String> deviceOptions;
    @Option(names = "--chromium", description = "Chromium on the machine that runs the Appium server (default "
            + "Debian's headless shell /usr/lib/chromium/chromium-headless-shell when installed, else /usr/bin/chromium; "
            + "for a remote server /usr/bin/chromium; checked here only when the server is on this machine).")
    String chromium;
    @Option(names = "--chromedriver", description = "chromedriver on the machine that runs the Appium server "
            + "(default /usr/bin/chromedriver).")
    String chromedriver;
    @Option(names = "--chromedriver-ports", description = "Ports for each session's chromedriver on the server's "
            + "machine: auto (a free port of this machine for a local server, 9515-9614 for a remote one), a port or "
            + "FROM-TO.")
    String chromedriverPorts;
    @Option(names = "--apps-bind", description = "Address the mock apps listen on (default 127.0.0.1: only this "
            + "machine can reach them; 0.0.0.0 or a LAN address lets Grid nodes elsewhere in).")
    String appsBind;
    @Option(names = "--apps-port", description = "Port the mock apps listen on (default: a free one).")
    String appsPort;
    @Option(names = "--apps-url", description = "Base URL devices open the mock apps at, e.g. http://10.0.2.2 for an "
            + "emulator on this host (default http://127.0.0.1:PORT).")
    String appsUrl;
    @Option(names = "--shard", paramLabel = "K/N", description = "Run only shard K of N (pairs stay together; "
            + "`discreet merge` combines the shards' run folders).")
    String shard;
    @Option(names = "--retries", description = "Times an episode whose device failed runs again on a new device "
            + "(default 0).")
    String retries;

    FarmOptions options(String appiumUrl) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "device-kind", deviceKind);
        if (deviceOptions != null && !deviceOptions.isEmpty()) m.put("device-option", String.join(",", deviceOptions));
        put(m, "chromium", chromium);
        put(m, "chromedriver", chromedriver);
        put(m, "chromedriver-ports", chromedriverPorts);
        put(m, "appium-url", appiumUrl);
        put(m, "apps-bind", appsBind);
        put(m, "apps-port", appsPort);
        put(m, "apps-url", appsUrl);
        put(m, "shard", shard);
        put(m, "retries", retries);
        return FarmOptions.fromSettings(m);
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) m.put(k, v);
    }
}
