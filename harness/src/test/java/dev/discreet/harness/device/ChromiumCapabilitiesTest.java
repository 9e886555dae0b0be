package dev.discreet.harness.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aHeadlessShellWithoutScreenshotsRunsAsOneProcessUnlessToldOtherwise() {
        ChromiumPhoneOptions shell = ChromiumPhoneOptions.defaults().withChromium(SHELL)
                .withScreenshots(ScreenshotFormat.NONE);
        assertThat(shell.singleProcess()).isTrue();
        assertThat(args(shell)).contains("--single-process").doesNotContain("--headless=new");
        // A phone that takes pictures keeps Chromium's process model (what was verified; see withSingleProcess).
        assertThat(args(shell.withScreenshots(ScreenshotFormat.JPEG))).doesNotContain("--single-process");
        assertThat(args(shell.withScreenshots(ScreenshotFormat.PNG))).doesNotContain("--single-process");
        assertThat(args(shell.withSingleProcess(false))).doesNotContain("--single-process");
        // Desktop Chromium keeps its own process model (only the shell was measured and run that way).
        assertThat(args(shell.withChromium(ChromiumPhoneOptions.DEBIAN_CHROMIUM)))
                .contains("--headless=new").doesNotContain("--single-process");
    }

    @Test
    void theLocalChromedriverLauncherDropsOnlyVerboseAndLogsSevereOnly(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        // A stand-in chromedriver that prints the arguments it was given, one per line.
        Path fake = tmp.resolve("it's chromedriver");
        java.nio.file.Files.writeString(fake, "#!/bin/sh\nfor a; do echo \"$a\"; done\n");
        fake.toFile().setExecutable(true);
        Path launcher = QuietChromedriver.launcher(fake);
        assertThat(QuietChromedriver.launcher(fake)).isEqualTo(launcher); // one per binary
        Process p = new ProcessBuilder(launcher.toString(), "--port=4444", "--verbose", "--log-path=/tmp/a b",
                "--disable-build-check").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out.lines()).containsExactly("--port=4444", "--log-path=/tmp/a b", "--disable-build-check",
                "--log-level=SEVERE");
        // Sessions on this machine get the launcher; a remote server's path names a file over there.
        ChromiumPhoneOptions o = ChromiumPhoneOptions.defaults().withChromedriver(fake);
        assertThat(o.toCapabilities(9515, tmp.resolve("profile")).getCapability("appium:executable"))
                .isEqualTo(launcher.toString());
        assertThat(o.toCapabilities(9515, null).getCapability("appium:executable")).isEqualTo(fake.toString());
    }

    @Test
    void renderDocumentIsOffInOneDisableFeaturesSwitchThatKeepsTheUsersOwn() {
        assertThat(args(ChromiumPhoneOptions.defaults()).stream().filter(a -> a.startsWith("--disable-features")))
                .containsExactly("--disable-features=RenderDocument");
        // One switch: the user's list is merged into ours, not passed as a second switch that would replace it.
        List<String> merged = args(ChromiumPhoneOptions.defaults().withExtraArgs(List.of("--disable-features=Foo, Bar",
                "--mute-audio", "--disable-features=RenderDocument,Baz")));
        assertThat(merged.stream().filter(a -> a.startsWith("--disable-features")))
                .containsExactly("--disable-features=RenderDocument,Foo,Bar,Baz");
        assertThat(merged).contains("--mute-audio");
    }

    @Test
    void chromedriverWaitsForNoNavigation() {
        assertThat(ChromiumPhoneOptions.defaults().toCapabilities(9515, null).getCapability("pageLoadStrategy"))
                .isEqualTo("none");
    }

    @Test
    void theElementScriptsDevToolsReplyGivesItsTextOrThePagesException() {
        assertThat(ChromiumPhone.evaluated(Map.of("result", Map.of("type", "string", "value", "{\"url\":\"x\"}"))))
                .isEqualTo("{\"url\":\"x\"}");
        assertThat(ChromiumPhone.evaluated(Map.of("result", Map.of("type", "undefined")))).isNull();
        // A script that throws is a DevTools success carrying exceptionDetails: it must not pass as a page.
        assertThatThrownBy(() -> ChromiumPhone.evaluated(Map.of("result", Map.of("type", "object"), "exceptionDetails",
                Map.of("text", "Uncaught", "exception", Map.of("description", "TypeError: x is not a function")))))
                .isInstanceOf(JavascriptException.class).hasMessageContaining("TypeError: x is not a function");
        assertThatThrownBy(() -> ChromiumPhone.evaluated(Map.of("exceptionDetails", Map.of("text", "Uncaught SyntaxError"))))
                .isInstanceOf(JavascriptException.class).hasMessageContaining("Uncaught SyntaxError");
        assertThatThrownBy(() -> ChromiumPhone.evaluated(Map.of("result", Map.of("type", "number", "value", 3L))))
                .isInstanceOf(JavascriptException.class).hasMessageContaining("returned Long");
        assertThat(ChromiumPhone.documentGone(new WebDriverException("unknown error: Cannot find default execution "
                + "context"))).isTrue();
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
