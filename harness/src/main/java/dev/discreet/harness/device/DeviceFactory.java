package dev.discreet.harness.device;

import java.net.URL;

/**
 * Makes devices of one kind. The runner, the JUnit session and the bench get their phones from a factory chosen by
 * configuration ({@link Devices#factory(DeviceSettings)}), never from one implementation by name.
 */
@FunctionalInterface
public interface DeviceFactory {

    /**
     * Opens one device session through the Appium server or Selenium Grid hub at {@code server}.
     *
     * @throws DeviceFailureException when the session cannot be opened (the caller retries or records the episode
     *                                {@code INFRA_FAILED})
     */
    Device connect(URL server);
}
