package dev.discreet.harness.device;

import dev.discreet.harness.internal.ChildEnvironment;
import dev.discreet.harness.internal.TempFolders;
import io.appium.java_client.service.local.AppiumDriverLocalService;
import io.appium.java_client.service.local.AppiumServiceBuilder;
import io.appium.java_client.service.local.flags.GeneralServerFlag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A local Appium server started from Java on loopback; stops on close (and with the JVM).
 *
 * <p>Nothing it starts outlives the harness, even a harness killed with SIGKILL: node runs through a small launcher
 * that puts it in a new session ({@code setsid}), which chromedriver and Chromium inherit, with a watchdog preloaded
 * ({@code appium-watchdog.js}) that kills that whole group, and removes the dead JVM's temporary folders, as soon
 * as the JVM is gone. The launcher also removes API keys and other credentials from the environment Appium (and so
 * chromedriver and Chromium) get: only the model client needs them.
 */
public final class AppiumServer implements AutoCloseable {
    /** Marks the processes of a discreet Appium server: it is in the environment of node and everything it starts. */
    public static final String OWNER_ENV = "DISCREET_PARENT_PID";

    private final AppiumDriverLocalService service;

    private AppiumServer(AppiumDriverLocalService service) { this.service = service; }

    public static AppiumServer start(AppiumServerOptions o) {
        TempFolders.sweepOnce(); // folders of earlier runs that were killed
        Path launcher = launcher();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("APPIUM_HOME", o.appiumHome().toString());
        env.put(OWNER_ENV, String.valueOf(ProcessHandle.current().pid()));
        env.put("DISCREET_NODE", o.node().toString());
        env.put("DISCREET_APPIUM_JS", o.appiumHome().resolve(AppiumServerOptions.MAIN_JS).toString());
        env.put("DISCREET_WATCHDOG", launcher.resolveSibling("appium-watchdog.js").toString());
        env.put("DISCREET_TMPDIR", Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString());
        Set<String> secrets = ChildEnvironment.secretsIn(System.getenv());
        // Emptied here (the builder cannot remove a variable), then unset by the launcher before node starts.
        for (String s : secrets) env.put(s, "");
        env.put("DISCREET_STRIP_ENV", String.join(" ", secrets));
        // The builder runs "<node> <script> <args>": here "/bin/sh <launcher> <args>" (a temp folder may be noexec),
        // and the launcher runs node with Appium's main script.
        AppiumServiceBuilder b = new AppiumServiceBuilder()
                .usingDriverExecutable(new java.io.File("/bin/sh"))
                .withAppiumJS(launcher.toFile())
                .withIPAddress(o.address())
                .withEnvironment(env)
                .withTimeout(o.startTimeout())
                .withArgument(GeneralServerFlag.LOG_LEVEL, "warn");
        b = o.port() == 0 ? b.usingAnyFreePort() : b.usingPort(o.port());
        if (o.logFile() != null) b = b.withLogFile(o.logFile().toFile());
        AppiumDriverLocalService service = AppiumDriverLocalService.buildService(b);
        service.clearOutPutStreams(); // Appium's chatter goes to its log file, not the user's console
        service.start();
        AppiumServer server = new AppiumServer(service);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "appium-stop"));
        return server;
    }

    /**
     * The launcher script and the watchdog, written once into a folder named after their content hash in the
     * system temp folder (reused by every later start; nothing is written into the project).
     */
    static synchronized Path launcher() {
        try {
            byte[] watchdog;
            try (InputStream in = AppiumServer.class.getResourceAsStream("appium-watchdog.js")) {
                if (in == null) throw new IllegalStateException("appium-watchdog.js missing from the harness jar");
                watchdog = in.readAllBytes();
            }
            byte[] script = LAUNCHER.getBytes(StandardCharsets.UTF_8);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(watchdog);
            md.update(script);
            String hash = HexFormat.of().formatHex(md.digest()).substring(0, 12);
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "discreet-appium-launcher-" + hash);
            Path sh = dir.resolve("launch-appium.sh");
            if (Files.isRegularFile(sh) && Files.isRegularFile(dir.resolve("appium-watchdog.js"))) return sh;
            Files.createDirectories(dir);
            write(dir.resolve("appium-watchdog.js"), watchdog);
            write(sh, script);
            return sh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Appium launcher into " + System.getProperty("java.io.tmpdir")
                    + ": make the temp folder writable (or set java.io.tmpdir)", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final String LAUNCHER = """
            #!/bin/sh
            # Starts discreet's Appium server (written by dev.discreet.harness.device.AppiumServer; safe to delete).
            # Credentials never reach Appium, chromedriver or Chromium; a new session lets the watchdog end them all.
            for v in $DISCREET_STRIP_ENV; do unset "$v"; done
            unset DISCREET_STRIP_ENV
            if command -v setsid >/dev/null 2>&1; then
              exec setsid -w "$DISCREET_NODE" --require "$DISCREET_WATCHDOG" "$DISCREET_APPIUM_JS" "$@"
            fi
            exec "$DISCREET_NODE" --require "$DISCREET_WATCHDOG" "$DISCREET_APPIUM_JS" "$@"
            """;

    public URL url() { return service.getUrl(); }

    public boolean isRunning() { return service.isRunning(); }

    @Override
    public void close() {
        if (service.isRunning()) service.stop();
    }
}
