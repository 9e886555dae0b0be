package dev.discreet.harness.device.android;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.harness.device.AppiumServer;
import dev.discreet.harness.device.AppiumServerOptions;
import dev.discreet.harness.device.ChromiumPhone;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.Observation;
import dev.discreet.harness.device.ScreenshotFormat;
import dev.discreet.harness.device.ScreenshotScale;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.mockapps.MockEpisode;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.evidence.Bounds;
import dev.discreet.tasks.evidence.UiElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Rectangle;

/**
 * The Android device reads pages with the Chromium phone's element script, called without an argument (bounds in
 * the page's device pixels) and moved by the WebView's place on screen. On the same mock-app pages in Chromium
 * (real Appium + headless Chromium, pixel ratio 2.625), that must give the Chromium phone's own device-pixel element
 * list, shifted by the offset: what the Android path will see in a WebView, as far as this machine can show.
 */
@Tag("device")
class WebviewElementListTest {
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theScriptWithoutArgumentGivesDevicePixelsThatMoveByTheWebviewOffset(@TempDir Path dir) throws Exception {
        try (AppiumServer appium = AppiumServer.start(AppiumServerOptions.discover()
                     .withLogFile(Files.createTempFile(dir, "appium-", ".log")));
             MockAppServer apps = MockAppServer.start(SuiteLoader.canonical());
             MockEpisode episode = apps.beginEpisode("webview-elements", dir.resolve("evidence"));
             ChromiumPhone phone = ChromiumPhone.connect(appium.url(), ChromiumPhoneOptions.defaults()
                     .withScreenshotScale(ScreenshotScale.DEVICE).withScreenshots(ScreenshotFormat.NONE))) {
            for (String app : List.of("hotel", "privacy")) {
                phone.reset(episode.appUri(app));
                Observation chromium = phone.observe();
                JsonNode page = Json.mapper().readTree((String) phone.driver().executeScript(ChromiumPhone.elementsScript()));
                assertThat(page.path("dpr").asDouble()).isEqualTo(2.625);
                // A status bar of 63 px above a WebView as wide as the screen and as tall as the page's viewport.
                int webWidth = (int) Math.round(page.path("vw").asDouble() * 2.625);
                int webHeight = (int) Math.round(page.path("vh").asDouble() * 2.625);
                List<UiElement> android = AndroidPhone.toScreen(page.get("elements"), new Rectangle(0, 63, webHeight, webWidth));

                assertThat(chromium.elements()).isNotEmpty();
                assertThat(android).hasSameSizeAs(chromium.elements());
                for (int i = 0; i < android.size(); i++) {
                    UiElement a = android.get(i), c = chromium.elements().get(i);
                    Bounds cb = c.bounds();
                    assertThat(a.bounds()).as(app + " element " + i + " " + c.text())
                            .isEqualTo(new Bounds(cb.left(), cb.top() + 63, cb.right(), cb.bottom() + 63));
                    assertThat(List.of(a.role(), a.text(), a.editable(), a.clickable()))
                            .isEqualTo(List.of(c.role(), c.text(), c.editable(), c.clickable()));
                }
            }
        }
    }
}
