package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A backend-neutral UI element read from the screen: the same shape whether it came from a Chromium DOM or an
 * Android accessibility tree. Bounds are in screenshot pixels.
 *
 * @param role    textfield, select, checkbox, switch, radio, option, button, link, heading, dialog, text, image…
 * @param text    a field's current value (a select's chosen option), else the visible text
 * @param checked whether a checkbox, switch or radio is on
 * @param options a select's choices in display order (null for other elements)
 * @param group   the group a radio belongs to (its fieldset's legend), or the dialog an element sits in
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UiElement(int index, String role, String text, String label, String hint, Bounds bounds,
                        boolean clickable, boolean editable, boolean focused, boolean checked, List<String> options,
                        String group) {
    @JsonCreator
    public UiElement {
        options = options == null ? null : List.copyOf(options);
    }

    /** An element without options or group. */
    public UiElement(int index, String role, String text, String label, String hint, Bounds bounds,
                     boolean clickable, boolean editable, boolean focused, boolean checked) {
        this(index, role, text, label, hint, bounds, clickable, editable, focused, checked, null, null);
    }

    /** The best human name of the element: its label, else its text, else its hint. */
    public String name() {
        if (label != null && !label.isBlank()) return label;
        if (text != null && !text.isBlank()) return text;
        return hint == null ? "" : hint;
    }
}
