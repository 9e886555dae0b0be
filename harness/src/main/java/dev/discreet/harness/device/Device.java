package dev.discreet.harness.device;

import dev.discreet.tasks.action.Action;
import java.net.URI;

/**
 * A phone the harness drives. One small interface so that a Chromium phone through Appium, an Android emulator
 * through UiAutomator2 and a Selenium Grid endpoint are interchangeable implementations ending in a server URL.
 * Only GUI actions reach a device; privacy tools are handled by the harness.
 *
 * <p>Failures: an implementation classifies every failure at its own boundary. An action the agent got wrong throws
 * {@link InvalidActionException} (a recorded invalid step; the episode goes on); anything else that goes wrong in the
 * device, its driver or its server throws {@link DeviceFailureException} (the episode ends {@code INFRA_FAILED}, is
 * kept out of every score and the device is replaced before its next episode).
 */
public interface Device extends AutoCloseable {

    /** Screenshot and element list of the current screen. */
    Observation observe();

    /**
     * Performs a GUI action (click, long_press, double_click, type, swipe, system_button, wait) as real input.
     *
     * @throws InvalidActionException if the action cannot be carried out as asked (e.g. type with no focused field)
     */
    void act(Action action, URI homeUri);

    /** Opens a page, as the launcher does when an app icon is tapped. */
    void open(URI uri);

    /** Clears state left by the previous episode (cookies, storage) and loads {@code start}. */
    void reset(URI start);

    /**
     * Waits until what the last action sent (a form entry, a submitted form) has reached the apps, without an
     * observation. The runner calls it before it reads the databases of an episode whose last action was not
     * followed by an observation (which waits for the same). Devices that cannot tell return at once.
     */
    default void settle() {}

    /** The URL of the page shown now. */
    String currentUrl();

    /** Screen size in screenshot pixels, for coordinate checks. */
    int screenWidth();

    int screenHeight();

    /** One line for the run manifest, e.g. "appium chromium 412x915@2.625 via http://127.0.0.1:4723". */
    String describe();

    @Override
    void close();
}
