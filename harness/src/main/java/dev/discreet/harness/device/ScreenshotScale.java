package dev.discreet.harness.device;

/**
 * The resolution of observations. Element bounds and action coordinates are always in the screenshot's pixels.
 */
public enum ScreenshotScale {
    /** Device pixels, as a phone's screenshot (1082×2402 on the default phone). */
    DEVICE,
    /** One pixel per CSS pixel (412×915), captured through DevTools: ~7× fewer pixels. The default. */
    CSS
}
