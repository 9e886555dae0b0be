package dev.discreet.harness.run;

import dev.discreet.harness.device.ChromedriverPorts;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.DeviceSettings;
import dev.discreet.harness.device.Endpoints;
import dev.discreet.mockapps.MockAppNetwork;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where and on what a run's devices run: the device kind and its settings, the Appium servers / Grid hubs of the
 * device pool, where the mock apps listen and what address devices get, the shard of the task list, and how often an
 * episode whose device failed is retried on another device. Immutable; {@code with…} returns a copy.
 *
 * <p>The CLI and the JUnit extension read the same settings ({@link #fromSettings}): each CLI option
 * {@code --X} is the configuration parameter {@code discreet.X} (see {@link #KEYS}).
 *
 * @param deviceKind        {@code chromium} (default) or {@code android}
 * @param deviceOptions     kind-specific settings ({@code --device-option KEY=VALUE})
 * @param chromium          Chromium on the server's machine (null: the phone options' default)
 * @param chromedriver      chromedriver on the server's machine (null: the phone options' default)
 * @param chromedriverPorts ports for chromedriver on the server's machine
 * @param endpoints         Appium servers or Grid hubs of the pool (empty: a local server, or {@code appiumUrl})
 * @param apps              the mock-app server's bind address and advertised URL
 * @param shard             the part of the task list this run takes
 * @param retries           how many times an episode whose device failed runs again on another device (0: never)
 */
public record FarmOptions(String deviceKind, Map<String, String> deviceOptions, Path chromium, Path chromedriver,
                          ChromedriverPorts chromedriverPorts, List<URL> endpoints, MockAppNetwork apps, Shard shard,
                          int retries) {
    /** The settings {@link #fromSettings} reads: each is CLI option {@code --KEY} and JUnit parameter {@code discreet.KEY}. */
    public static final List<String> KEYS = List.of("device-kind", "device-option", "chromium", "chromedriver",
            "chromedriver-ports", "appium-url", "apps-bind", "apps-port", "apps-url", "shard", "retries");
    public static final int MAX_RETRIES = 5;
    /** The settings a JUnit run reads (a JUnit test picks its own tasks and runs each once: no shard, no retries). */
    public static final List<String> JUNIT_KEYS = List.of("device-kind", "device-option", "chromium", "chromedriver",
            "chromedriver-ports", "appium-url", "apps-bind", "apps-port", "apps-url");

    /** A setting's JUnit configuration parameter: {@code appium-url} is {@code discreet.appium.url}. */
    public static String junitParameter(String key) { return "discreet." + key.replace('-', '.'); }

    public FarmOptions {
        deviceKind = new DeviceSettings(deviceKind, null, null, null).kind(); // checks the name
        deviceOptions = deviceOptions == null ? Map.of() : Map.copyOf(deviceOptions);
        if (chromedriverPorts == null) chromedriverPorts = ChromedriverPorts.AUTO;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        if (apps == null) apps = MockAppNetwork.LOOPBACK;
        if (shard == null) shard = Shard.ALL;
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be within 0.." + MAX_RETRIES + ", was " + retries);
        }
    }

    /** The chromium device kind, loopback apps, the whole task list, no retries. */
    public static FarmOptions defaults() {
        return new FarmOptions(null, null, null, null, null, null, null, null, 0);
    }

    /**
     * Reads the settings named in {@link #KEYS} (absent keys keep their defaults). {@code device-option} is
     * {@code KEY=VALUE[,KEY=VALUE…]}; {@code appium-url} one URL or several, comma-separated.
     */
    public static FarmOptions fromSettings(Map<String, String> settings) {
        for (String k : settings.keySet()) {
            if (!KEYS.contains(k)) throw new IllegalArgumentException("unknown setting '" + k + "': known are " + KEYS);
        }
        FarmOptions f = defaults();
        String v;
        if ((v = settings.get("device-kind")) != null) f = f.withDeviceKind(v);
        if ((v = settings.get("device-option")) != null) f = f.withDeviceOptions(keyValues(v));
        if ((v = settings.get("chromium")) != null) f = f.withChromium(Path.of(v.trim()), f.chromedriver());
        if ((v = settings.get("chromedriver")) != null) f = f.withChromium(f.chromium(), Path.of(v.trim()));
        if ((v = settings.get("chromedriver-ports")) != null) f = f.withChromedriverPorts(ChromedriverPorts.parse(v));
        if ((v = settings.get("appium-url")) != null) f = f.withEndpoints(Endpoints.parseList(v, "appium-url"));
        MockAppNetwork apps = f.apps();
        if ((v = settings.get("apps-bind")) != null) apps = apps.withBindAddress(v);
        if ((v = settings.get("apps-port")) != null) apps = apps.withPort(integer("apps-port", v));
        if ((v = settings.get("apps-url")) != null) apps = apps.withAdvertisedUrl(MockAppNetwork.url(v));
        f = f.withApps(apps);
        if ((v = settings.get("shard")) != null) f = f.withShard(Shard.parse(v));
        if ((v = settings.get("retries")) != null) f = f.withRetries(integer("retries", v));
        return f;
    }

    private static int integer(String key, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + v + "'");
        }
    }

    /** {@code a=1,b=2} as a map; a part without '=' or a key given twice is an error. */
    static Map<String, String> keyValues(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : s.split(",")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("device option '" + part.trim() + "' must be KEY=VALUE");
            }
            String k = part.substring(0, eq).trim();
            if (out.put(k, part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("device option '" + k + "' is given twice");
            }
        }
        return out;
    }

    /** What the run manifest records of these settings (only what differs from a plain local run). */
    public Map<String, String> manifestParameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("deviceKind", deviceKind);
        if (!deviceOptions.isEmpty()) m.put("deviceOptions", new java.util.TreeMap<>(deviceOptions).toString());
        if (!endpoints.isEmpty()) m.put("endpoints", String.valueOf(endpoints.size()));
        if (!apps.equals(MockAppNetwork.LOOPBACK)) {
            m.put("apps", "bind " + apps.bindAddress() + (apps.advertisedUrl() == null ? ""
                    : ", advertised " + apps.advertisedUrl()));
        }
        if (!shard.all()) m.put("shard", shard.toString());
        if (retries > 0) m.put("retries", String.valueOf(retries));
        return m;
    }

    /** The device settings for a run whose phone options are {@code phone}. */
    public DeviceSettings deviceSettings(ChromiumPhoneOptions phone) {
        ChromiumPhoneOptions p = phone == null ? ChromiumPhoneOptions.defaults() : phone;
        if (chromium != null) p = p.withChromium(chromium);
        if (chromedriver != null) p = p.withChromedriver(chromedriver);
        return new DeviceSettings(deviceKind, p, chromedriverPorts, deviceOptions);
    }

    public FarmOptions withDeviceKind(String k) {
        return new FarmOptions(k, deviceOptions, chromium, chromedriver, chromedriverPorts, endpoints, apps, shard, retries);
    }

    public FarmOptions withDeviceOptions(Map<String, String> o) {
        return new FarmOptions(deviceKind, o, chromium, chromedriver, chromedriverPorts, endpoints, apps, shard, retries);
    }

    /** Chromium and chromedriver paths on the machine that runs the Appium server (null: Debian's). */
    public FarmOptions withChromium(Path chromium, Path chromedriver) {
        return new FarmOptions(deviceKind, deviceOptions, chromium, chromedriver, chromedriverPorts, endpoints, apps,
                shard, retries);
    }

    public FarmOptions withChromedriverPorts(ChromedriverPorts p) {
        return new FarmOptions(deviceKind, deviceOptions, chromium, chromedriver, p, endpoints, apps, shard, retries);
    }

    public FarmOptions withEndpoints(List<URL> e) {
        return new FarmOptions(deviceKind, deviceOptions, chromium, chromedriver, chromedriverPorts, e, apps, shard, retries);
    }

    public FarmOptions withApps(MockAppNetwork a) {
        return new FarmOptions(deviceKind, deviceOptions, chromium, chromedriver, chromedriverPorts, endpoints, a, shard, retries);
    }

    public FarmOptions withShard(Shard s) {
        return new FarmOptions(deviceKind, deviceOptions, chromium, chromedriver, chromedriverPorts, endpoints, apps, s, retries);
    }

    public FarmOptions withRetries(int r) {
        return new FarmOptions(deviceKind, deviceOptions, chromium, chromedriver, chromedriverPorts, endpoints, apps, shard, r);
    }
}
