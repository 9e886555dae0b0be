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

    private static void check(ChromiumPhoneOptions o, ScreenshotFormat f, ScreenshotScale s) {
        assertThat(o.screenshots()).isEqualTo(f);
        assertThat(o.screenshotScale()).isEqualTo(s);
    }
}
