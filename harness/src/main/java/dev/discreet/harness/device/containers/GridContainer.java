package dev.discreet.harness.device.containers;

import dev.discreet.harness.device.android.UrlMapping;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A Selenium Grid 4 standalone with Chromium in a container (the selenium/standalone-chromium images; Grid on port
 * {@value #GRID_PORT}). Its {@link #gridUrl()} is where a run sends its Chromium sessions; the browser inside
 * reaches the harness's mock apps through {@link HostAccess}.
 */
public final class GridContainer extends GenericContainer<GridContainer> {
    /** The default image: Grid 4 standalone with Chromium (override with the constructor). */
    public static final String DEFAULT_IMAGE = "selenium/standalone-chromium:latest";
    public static final int GRID_PORT = 4444;

    public GridContainer() { this(DockerImageName.parse(DEFAULT_IMAGE)); }

    public GridContainer(DockerImageName image) {
        super(image);
        withExposedPorts(GRID_PORT);
        withSharedMemorySize(2L * 1024 * 1024 * 1024); // Chromium crashes with Docker's 64 MB /dev/shm
        withEnv("SE_NODE_MAX_SESSIONS", "2");
        withEnv("SE_NODE_OVERRIDE_MAX_SESSIONS", "true");
        waitingFor(Wait.forHttp("/status").forPort(GRID_PORT)
                .forResponsePredicate(body -> body.replace(" ", "").contains("\"ready\":true"))
                .withStartupTimeout(Duration.ofMinutes(3)));
    }

    /** The Grid's URL as this machine reaches it. */
    public URL gridUrl() {
        try {
            return new URL("http://" + getHost() + ":" + getMappedPort(GRID_PORT) + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How the browser inside reaches the harness's loopback URLs. */
    public UrlMapping urlMapping() { return HostAccess.mapping(); }
}
