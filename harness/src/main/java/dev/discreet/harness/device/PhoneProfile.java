package dev.discreet.harness.device;

/**
 * The emulated phone: viewport in CSS pixels, device pixel ratio and user agent. Immutable; {@code with…} copies.
 */
public record PhoneProfile(String name, int cssWidth, int cssHeight, double pixelRatio, String userAgent) {
    /** A Pixel-class Android phone: 412×915 CSS px at 2.625 (1082×2402 screenshots). */
    public static final PhoneProfile PIXEL_7 = new PhoneProfile("pixel-7", 412, 915, 2.625,
            "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/156.0.0.0 Mobile Safari/537.36");

    public PhoneProfile {
        if (cssWidth < 200 || cssHeight < 200) {
            throw new IllegalArgumentException("cssWidth and cssHeight must be at least 200, were "
                    + cssWidth + "x" + cssHeight);
        }
        if (!(pixelRatio >= 0.5 && pixelRatio <= 5)) {
            throw new IllegalArgumentException("pixelRatio must be within 0.5..5, was " + pixelRatio);
        }
    }

    public PhoneProfile withViewport(int w, int h) { return new PhoneProfile(name, w, h, pixelRatio, userAgent); }

    public PhoneProfile withPixelRatio(double r) { return new PhoneProfile(name, cssWidth, cssHeight, r, userAgent); }

    public int screenWidth() { return (int) Math.round(cssWidth * pixelRatio); }

    public int screenHeight() { return (int) Math.round(cssHeight * pixelRatio); }
}
