package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.harness.device.ChromiumPhone;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.Observation;
import dev.discreet.harness.device.ScreenshotFormat;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.mockapps.MockEpisode;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.evidence.UiElement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each document a phone loads gets the element function before its own scripts run, and an observation calls it
 * instead of sending the whole script: the element list is the whole script's, element for element, and a document
 * that predates the function (the session's first) is still observed, with the whole script.
 */
@org.junit.jupiter.api.Tag("device") // real Appium + Chromium: integration-test phase (Failsafe)
@Timeout(120)
class ElementFunctionTest {
    @TempDir
    Path dir;

    @Test
    void theInstalledFunctionListsWhatTheWholeScriptListsAndADocumentWithoutItIsStillObserved() throws Exception {
        ChromiumPhoneOptions options = ChromiumPhoneOptions.defaults().withScreenshots(ScreenshotFormat.NONE);
        try (MockAppServer apps = MockAppServer.start(SuiteLoader.canonical());
             ChromiumPhone phone = ChromiumPhone.connect(SharedAppium.url(), options)) {
            // The session's first document was there before the function was installed.
            assertThat(phone.driver().executeScript("return typeof window.__discreetElements")).isEqualTo("undefined");
            Observation first = phone.observe();
            assertThat(first.elements()).isEmpty();

            try (MockEpisode ep = apps.beginEpisode("fn", dir)) {
                phone.reset(ep.appUri("hotel"));
                Observation o = phone.observe();
                assertThat(o.url()).startsWith(ep.appUri("hotel").toString());
                assertThat(o.elements()).hasSizeGreaterThan(3);
                // Installed, and invisible to a page that lists the window's own properties.
                assertThat(phone.driver().executeScript("return typeof window.__discreetElements"))
                        .isEqualTo("function");
                assertThat(phone.driver().executeScript("return Object.keys(window).indexOf('__discreetElements')"))
                        .isEqualTo(-1L);
                // The whole script, run by WebDriver with the same scale, lists the same elements.
                String whole = (String) phone.driver().executeScript(ChromiumPhone.elementsScript(),
                        options.screenScale());
                JsonNode page = Json.mapper().readTree(whole);
                List<UiElement> expected = new java.util.ArrayList<>();
                for (JsonNode n : page.get("elements")) expected.add(Json.mapper().convertValue(n, UiElement.class));
                assertThat(o.elements()).isEqualTo(expected);
            }
        }
    }
}
