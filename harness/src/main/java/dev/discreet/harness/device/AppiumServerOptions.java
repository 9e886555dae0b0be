package dev.discreet.harness.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start a local Appium server. Immutable; {@code with…} returns a copy.
 *
 * @param appiumHome folder whose {@code node_modules} holds appium and appium-chromium-driver (APPIUM_HOME)
 */
public record AppiumServerOptions(Path appiumHome, Path node, String address, int port, Path logFile,
                                  Duration startTimeout) {
    public static final String MAIN_JS = "node_modules/appium/build/lib/main.js";

    public AppiumServerOptions {
        if (appiumHome == null) throw new IllegalArgumentException("appiumHome must not be null");
        if (node == null) node = Path.of("/usr/bin/node");
        if (address == null) address = "127.0.0.1";
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
        if (startTimeout == null) startTimeout = Duration.ofSeconds(60);
    }

    /**
     * Finds the Appium install: system property {@code discreet.appiumHome}, env {@code DISCREET_APPIUM_HOME}, or the
     * nearest {@code harness/appium} folder (the project's pinned install) upward from the working directory.
     */
    public static AppiumServerOptions discover() {
        String explicit = System.getProperty("discreet.appiumHome", System.getenv("DISCREET_APPIUM_HOME"));
        Path home = null;
        if (explicit != null && !explicit.isBlank()) {
            home = Path.of(explicit).toAbsolutePath();
        } else {
            search:
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                for (Path c : new Path[] {p.resolve("harness/appium"), p.resolve("appium"), p}) {
                    if (Files.isRegularFile(c.resolve(MAIN_JS))) {
                        home = c;
                        break search;
                    }
                }
            }
        }
        if (home == null || !Files.isRegularFile(home.resolve(MAIN_JS))) {
            throw new IllegalStateException("Appium is not installed: no " + MAIN_JS + " found "
                    + (home == null ? "in the working directory or above it" : "under " + home)
                    + ". Run `npm ci` in the project root (package.json pins appium and appium-chromium-driver), "
                    + "or set DISCREET_APPIUM_HOME to the folder holding node_modules.");
        }
        Path node = Files.isExecutable(Path.of("/usr/bin/node")) ? Path.of("/usr/bin/node") : findOnPath("node");
        return new AppiumServerOptions(home, node, "127.0.0.1", 0, null, null);
    }

    private static Path findOnPath(String exe) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, exe);
            if (Files.isExecutable(p)) return p;
        }
        throw new IllegalStateException("'" + exe + "' not found on PATH: install Node.js 20");
    }

    public AppiumServerOptions withLogFile(Path f) {
        return new AppiumServerOptions(appiumHome, node, address, port, f, startTimeout);
    }

    public AppiumServerOptions withPort(int p) {
        return new AppiumServerOptions(appiumHome, node, address, p, logFile, startTimeout);
    }
}
