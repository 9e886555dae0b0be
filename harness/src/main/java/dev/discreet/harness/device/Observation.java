package dev.discreet.harness.device;

import dev.discreet.tasks.evidence.UiElement;
import java.util.List;

/**
 * What the agent sees at one step: a screenshot and the elements on screen, with bounds in the screenshot's
 * pixels. {@code url} is the current page (for the evidence, not for agents).
 *
 * @param screenshotPng the screenshot as captured: PNG or JPEG bytes (see {@link #screenshotFormat()}; the name is
 *                      kept from when every screenshot was a PNG), empty when screenshots are off
 * @param width         screen width in screenshot pixels, also when there is no picture
 */
public record Observation(byte[] screenshotPng, int width, int height, List<UiElement> elements, String url,
                          String title) {
    public Observation {
        if (screenshotPng == null) screenshotPng = new byte[0];
        elements = List.copyOf(elements);
    }

    /** JPEG, PNG, or NONE when the observation carries no picture. */
    public ScreenshotFormat screenshotFormat() { return ScreenshotFormat.of(screenshotPng); }

    public boolean hasScreenshot() { return screenshotFormat() != ScreenshotFormat.NONE; }
}
