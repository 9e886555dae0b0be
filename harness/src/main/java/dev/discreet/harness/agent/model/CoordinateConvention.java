package dev.discreet.harness.agent.model;

import java.util.Locale;

/**
 * How a model family writes screen coordinates. Models are trained on different conventions; asking one in the
 * wrong convention makes it tap the wrong place, so the convention is part of the agent's configuration.
 */
public enum CoordinateConvention {
    /** Pixels of the screenshot as sent (the full-size screenshot). Most hosted GPT/Claude-style models. */
    PIXELS,
    /** Decimals 0–1, fractions of width and height. */
    UNIT,
    /** Integers 0–1000, thousandths of width and height (Qwen2-VL, UI-TARS, Gemini-style). */
    THOUSANDTHS,
    /** Pixels of a downscaled screenshot, sides multiples of 28 (Qwen2.5-VL-style): the image sent is resized. */
    RESIZED;

    public static CoordinateConvention parse(String s) {
        for (CoordinateConvention c : values()) {
            if (c.name().equalsIgnoreCase(s == null ? "" : s.trim())) return c;
        }
        throw new IllegalArgumentException("unknown coordinate convention '" + s
                + "': expected pixels, unit, thousandths or resized");
    }

    public String wire() { return name().toLowerCase(Locale.ROOT); }
}
