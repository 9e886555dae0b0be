package dev.discreet.harness.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.WebDriverException;

/** What a phone asks chromedriver for: the process model and the page-load strategy the observation relies on. */
class ChromiumCapabilitiesTest {
    private static final Path SHELL = Path.of("/usr/lib/chromium/chromium-headless-shell");

    @SuppressWarnings("unchecked")
    private static List<String> args(ChromiumPhoneOptions o) {
        Map<String, Object> chrome = (Map<String, Object>) o.toCapabilities(9515, null).getCapability("goog:chromeOptions");
        return (List<String>) chrome.get("args");
    }

    @Test
    void aHeadlessShellRunsAsOneProcessUnlessToldOtherwise() {
        ChromiumPhoneOptions shell = ChromiumPhoneOptions.defaults().withChromium(SHELL);
        assertThat(shell.singleProcess()).isTrue();
        assertThat(args(shell)).contains("--single-process").doesNotContain("--headless=new");
        assertThat(args(shell.withSingleProcess(false))).doesNotContain("--single-process");
        // Desktop Chromium keeps its own process model (only the shell was measured and run that way).
        assertThat(args(shell.withChromium(ChromiumPhoneOptions.DEBIAN_CHROMIUM)))
                .contains("--headless=new").doesNotContain("--single-process");
    }

    @Test
    void chromedriverWaitsForNoNavigation() {
        assertThat(ChromiumPhoneOptions.defaults().toCapabilities(9515, null).getCapability("pageLoadStrategy"))
                .isEqualTo("none");
    }

    @Test
    void aScriptWhoseDocumentWentAwayIsRetriedOtherFailuresAreNot() {
        assertThat(ChromiumPhone.documentGone(new WebDriverException("An unknown server-side error occurred while "
                + "processing the command. Original error: javascript error: Execution context was destroyed.")))
                .isTrue();
        assertThat(ChromiumPhone.documentGone(new WebDriverException("proxy failed",
                new JavascriptException("unknown error: Cannot find context with specified id")))).isTrue();
        assertThat(ChromiumPhone.documentGone(new JavascriptException("javascript error: x is not defined"))).isFalse();
        assertThat(ChromiumPhone.documentGone(new WebDriverException("no such window: target window already closed")))
                .isFalse();
    }
}
