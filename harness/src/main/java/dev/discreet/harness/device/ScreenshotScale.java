package dev.discreet.harness.device;

/**
 * The resolution of observations. Element bounds and action coordinates are always in the screenshot's pixels.
 */
public enum ScreenshotScale {
    /** Device pixels, as a phone's screenshot (1082×2402 on the default phone); ~135 ms a step. */
    DEVICE,
    /** One pixel per CSS pixel (412×915), captured through DevTools; ~4× cheaper, for large scripted runs. */
    CSS
}
