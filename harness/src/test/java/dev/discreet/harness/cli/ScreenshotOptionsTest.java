package dev.discreet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.ScreenshotFormat;
import dev.discreet.harness.device.ScreenshotScale;
import org.junit.jupiter.api.Test;

/** How --screenshots and the older --screenshot combine. */
class ScreenshotOptionsTest {
    @Test
    void pngMeansDevicePixelsUnlessTheScaleIsGiven() {
        check(Main.phone("png", null), ScreenshotFormat.PNG, ScreenshotScale.DEVICE);
        check(Main.phone("png", ScreenshotScale.CSS), ScreenshotFormat.PNG, ScreenshotScale.CSS);
    }

    @Test
    void jpegAndNoneMeanCssPixelsUnlessTheScaleIsGiven() {
        check(Main.phone("jpeg", null), ScreenshotFormat.JPEG, ScreenshotScale.CSS);
        check(Main.phone("none", null), ScreenshotFormat.NONE, ScreenshotScale.CSS);
        // The old `--screenshot CSS` alone: the default format (JPEG) at CSS pixels.
        check(Main.phone("jpeg", ScreenshotScale.CSS), ScreenshotFormat.JPEG, ScreenshotScale.CSS);
        check(Main.phone("jpeg", ScreenshotScale.DEVICE), ScreenshotFormat.JPEG, ScreenshotScale.DEVICE);
    }

    @Test
    void anUnknownFormatStopsTheRunWithTheChoices(@org.junit.jupiter.api.io.TempDir java.nio.file.Path runs) {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
            code = Main.execute("run", "--screenshots", "webp", "--runs-dir", runs.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(2);
        assertThat(buf.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("screenshots must be one of jpeg, png, none; was 'webp'");
        assertThat(runs.resolve("runs")).doesNotExist();
    }

    private static void check(ChromiumPhoneOptions o, ScreenshotFormat f, ScreenshotScale s) {
        assertThat(o.screenshots()).isEqualTo(f);
        assertThat(o.screenshotScale()).isEqualTo(s);
    }
}
