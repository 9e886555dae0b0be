package dev.discreet.harness.device.containers;

import dev.discreet.harness.device.android.AndroidPhoneOptions;
import dev.discreet.harness.device.android.UrlMapping;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * An Android emulator with an Appium server in one container (the budtmo/docker-android images: an emulator plus
 * Appium with the UiAutomator2 driver on port {@value #APPIUM_PORT}). Needs Docker on Linux with {@code /dev/kvm};
 * the first start boots the emulator (minutes). Use {@link #appiumUrl()} with
 * {@link dev.discreet.harness.device.android.AndroidPhone#connect} and {@link #phoneOptions}.
 *
 * <pre>{@code
 * HostAccess.expose(server.baseUri());                 // before the container starts
 * try (var emu = new AndroidEmulatorContainer().withApks(Path.of("harness/target/apks"))) {
 *     emu.start();
 *     Device phone = AndroidPhone.connect(emu.appiumUrl(), emu.phoneOptions());
 * }
 * }</pre>
 */
public final class AndroidEmulatorContainer extends GenericContainer<AndroidEmulatorContainer> {
    /** The default image: an API 34 emulator with Appium (override with the constructor). */
    public static final String DEFAULT_IMAGE = "budtmo/docker-android:emulator_14.0";
    public static final int APPIUM_PORT = 4723;
    private Path apkDir;

    public AndroidEmulatorContainer() { this(DockerImageName.parse(DEFAULT_IMAGE)); }

    public AndroidEmulatorContainer(DockerImageName image) {
        super(image);
        withExposedPorts(APPIUM_PORT);
        withEnv("EMULATOR_DEVICE", "Samsung Galaxy S10");
        withEnv("APPIUM", "true");
        withEnv("WEB_VNC", "false");
        withPrivilegedMode(true); // the emulator needs /dev/kvm
        withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withDevices(
                com.github.dockerjava.api.model.Device.parse("/dev/kvm")));
        waitingFor(Wait.forHttp("/status").forPort(APPIUM_PORT).forStatusCode(200)
                .withStartupTimeout(Duration.ofMinutes(10)));
    }

    /**
     * Copies the APKs into the container at the same absolute path, because Appium reads install paths on its own
     * machine: {@link #phoneOptions} then installs them at connect.
     */
    public AndroidEmulatorContainer withApks(Path dir) {
        this.apkDir = dir.toAbsolutePath();
        withCopyFileToContainer(MountableFile.forHostPath(apkDir), apkDir.toString());
        return self();
    }

    /** The Appium server inside, as this machine reaches it. */
    public URL appiumUrl() {
        try {
            return new URL("http://" + getHost() + ":" + getMappedPort(APPIUM_PORT) + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Options for this emulator: its URL mapping to the harness ({@link HostAccess}) and the APKs, if given. */
    public AndroidPhoneOptions phoneOptions() {
        AndroidPhoneOptions o = AndroidPhoneOptions.defaults().withUrlMapping(urlMapping());
        return apkDir == null ? o : o.withApks(apkDir);
    }

    /** How the emulator inside reaches the harness's loopback URLs. */
    public UrlMapping urlMapping() { return HostAccess.mapping(); }
}
