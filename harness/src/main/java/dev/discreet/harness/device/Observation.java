package dev.discreet.harness.device;

import dev.discreet.tasks.evidence.UiElement;
import java.util.List;

/**
 * What the agent sees at one step: a PNG screenshot and the elements on screen, with bounds in the screenshot's
 * pixels. {@code url} is the current page (for the evidence, not for agents).
 */
public record Observation(byte[] screenshotPng, int width, int height, List<UiElement> elements, String url,
                          String title) {
    public Observation {
        elements = List.copyOf(elements);
    }
}
