package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A backend-neutral UI element read from the screen: the same shape whether it came from a Chromium DOM or an
 * Android accessibility tree. Bounds are in screenshot pixels.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UiElement(int index, String role, String text, String label, String hint, Bounds bounds,
                        boolean clickable, boolean editable, boolean focused, boolean checked) {

    /** The best human name of the element: its label, else its text, else its hint. */
    public String name() {
        if (label != null && !label.isBlank()) return label;
        if (text != null && !text.isBlank()) return text;
        return hint == null ? "" : hint;
    }
}
