package dev.discreet.harness.agent.model.internal;

import dev.discreet.harness.agent.model.CoordinateConvention;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Converts between the screen (screenshot pixels, what the harness acts on) and the model's coordinates, and
 * prepares the image the model sees. {@link CoordinateConvention#RESIZED} downsizes the screenshot so its longer
 * side is at most {@link #RESIZED_LONG_SIDE}, both sides multiples of 28.
 */
public final class Screens {
    public static final int RESIZED_LONG_SIDE = 1288;

    private final CoordinateConvention convention;
    private final int width;
    private final int height;
    private final int sentWidth;
    private final int sentHeight;

    public Screens(CoordinateConvention convention, int width, int height) {
        this.convention = convention;
        this.width = width;
        this.height = height;
        if (convention == CoordinateConvention.RESIZED) {
            double f = Math.min(1.0, RESIZED_LONG_SIDE / (double) Math.max(width, height));
            sentWidth = Math.max(28, (int) Math.round(width * f / 28) * 28);
            sentHeight = Math.max(28, (int) Math.round(height * f / 28) * 28);
        } else {
            sentWidth = width;
            sentHeight = height;
        }
    }

    public int sentWidth() { return sentWidth; }

    public int sentHeight() { return sentHeight; }

    /** A model x coordinate in screenshot pixels (the validator rejects anything still off-screen). */
    public int toPixelX(double v) { return toPixel(v, width, sentWidth); }

    public int toPixelY(double v) { return toPixel(v, height, sentHeight); }

    private int toPixel(double v, int size, int sent) {
        double px = switch (convention) {
            case PIXELS -> v;
            case UNIT -> v * size;
            case THOUSANDTHS -> v / 1000.0 * size;
            case RESIZED -> v * size / sent;
        };
        long r = Math.round(px);
        // The far edge of a relative convention (1.0, 1000) is still on screen.
        if (convention != CoordinateConvention.PIXELS && r == size) r = size - 1;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, r));
    }

    /** A screen point as the model writes it. */
    public String fromPixels(int x, int y) {
        return switch (convention) {
            case PIXELS -> "(" + x + ", " + y + ")";
            case UNIT -> String.format(java.util.Locale.ROOT, "(%.3f, %.3f)", x / (double) width, y / (double) height);
            case THOUSANDTHS -> "(" + Math.round(x * 1000.0 / width) + ", " + Math.round(y * 1000.0 / height) + ")";
            case RESIZED -> "(" + Math.round(x * (double) sentWidth / width) + ", "
                    + Math.round(y * (double) sentHeight / height) + ")";
        };
    }

    /** The convention as the system prompt explains it. */
    public String explain() {
        return switch (convention) {
            case PIXELS -> "x and y are pixels of the screenshot (" + width + "×" + height + "), origin top-left";
            case UNIT -> "x and y are decimals from 0 to 1: fractions of the screen's width and height, origin "
                    + "top-left (0.5, 0.5 is the centre)";
            case THOUSANDTHS -> "x and y are integers from 0 to 1000: thousandths of the screen's width and height, "
                    + "origin top-left (500, 500 is the centre)";
            case RESIZED -> "x and y are pixels of the screenshot as you see it (" + sentWidth + "×" + sentHeight
                    + "), origin top-left";
        };
    }

    /** The screenshot (PNG or JPEG) as a data URL, resized for {@link CoordinateConvention#RESIZED}. */
    public String dataUrl(byte[] png) {
        byte[] bytes = png;
        String type = dev.discreet.harness.device.ScreenshotFormat.of(png) == dev.discreet.harness.device.ScreenshotFormat.JPEG
                ? "image/jpeg" : "image/png";
        if (sentWidth != width || sentHeight != height) {
            try {
                BufferedImage src = ImageIO.read(new ByteArrayInputStream(png));
                if (src != null) {
                    BufferedImage dst = new BufferedImage(sentWidth, sentHeight, BufferedImage.TYPE_INT_RGB);
                    var g = dst.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(src.getScaledInstance(sentWidth, sentHeight, Image.SCALE_SMOOTH), 0, 0, null);
                    g.dispose();
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ImageIO.write(dst, "png", out);
                    bytes = out.toByteArray();
                    type = "image/png";
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot resize the screenshot", e);
            }
        }
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
