package dev.discreet.harness.device;

import io.appium.java_client.service.local.AppiumDriverLocalService;
import io.appium.java_client.service.local.AppiumServiceBuilder;
import io.appium.java_client.service.local.flags.GeneralServerFlag;
import java.net.URL;
import java.util.Map;

/** A local Appium server started from Java on loopback; stops on close (and with the JVM). */
public final class AppiumServer implements AutoCloseable {
    private final AppiumDriverLocalService service;

    private AppiumServer(AppiumDriverLocalService service) { this.service = service; }

    public static AppiumServer start(AppiumServerOptions o) {
        AppiumServiceBuilder b = new AppiumServiceBuilder()
                .usingDriverExecutable(o.node().toFile())
                .withAppiumJS(o.appiumHome().resolve(AppiumServerOptions.MAIN_JS).toFile())
                .withIPAddress(o.address())
                .withEnvironment(Map.of("APPIUM_HOME", o.appiumHome().toString()))
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

    public URL url() { return service.getUrl(); }

    public boolean isRunning() { return service.isRunning(); }

    @Override
    public void close() {
        if (service.isRunning()) service.stop();
    }
}
