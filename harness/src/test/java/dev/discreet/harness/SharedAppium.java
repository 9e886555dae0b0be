package dev.discreet.harness;

import dev.discreet.harness.device.AppiumServer;
import dev.discreet.harness.device.AppiumServerOptions;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** One real Appium server for the whole test JVM (started on first use, stopped with the JVM). */
final class SharedAppium {
    private static AppiumServer server;

    private SharedAppium() {}

    static synchronized URL url() {
        if (server == null) {
            try {
                Path log = Files.createTempFile("discreet-test-appium-", ".log");
                server = AppiumServer.start(AppiumServerOptions.discover().withLogFile(log));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return server.url();
    }
}
