package dev.discreet.harness.device;

import java.util.Locale;

/**
 * What each observation captures besides the element list. Element bounds and action coordinates are in the
 * screenshot's pixels whatever the format (see {@link ScreenshotScale}); {@link #NONE} keeps that coordinate space.
 */
public enum ScreenshotFormat {
    /** The viewport as JPEG (quality 60) through DevTools: ~30 KB and ~30 ms at 412×915. The default. */
    JPEG("jpg", "image/jpeg"),
    /** Lossless PNG: ~150 KB and ~135 ms at the device's 1082×2402, what a phone's own screenshot gives. */
    PNG("png", "image/png"),
    /** No picture: for agents that read only the element list (scripted agents, text-only models). */
    NONE(null, null);

    private final String extension;
    private final String mediaType;

    ScreenshotFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** File extension of the evidence file (null for {@link #NONE}). */
    public String extension() { return extension; }

    /** MIME type (null for {@link #NONE}). */
    public String mediaType() { return mediaType; }

    /** Parses {@code jpeg|jpg|png|none}, any case, with a message that lists the choices. */
    public static ScreenshotFormat parse(String s) {
        if (s == null) throw new IllegalArgumentException("screenshots must be one of jpeg, png, none; was null");
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> JPEG;
            case "png" -> PNG;
            case "none", "off" -> NONE;
            default -> throw new IllegalArgumentException("screenshots must be one of jpeg, png, none; was '" + s + "'");
        };
    }

    /** The format of captured bytes, from their signature: JPEG, PNG, or NONE when empty or unknown. */
    public static ScreenshotFormat of(byte[] image) {
        if (image == null || image.length < 4) return NONE;
        if ((image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8) return JPEG;
        if ((image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') return PNG;
        return NONE;
    }
}
