package dev.discreet.harness.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessShellTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chromeOptions(ChromiumPhoneOptions o, Path profile) {
        return (Map<String, Object>) o.toCapabilities(9999, profile).asMap().get("goog:chromeOptions");
    }

    @Test
    void aLocalShellStartsThroughALauncherThatAddsTheFirstPageAndGetsNoHeadlessSwitch(@TempDir Path tmp)
            throws Exception {
        Path shell = Path.of("/opt/x/chromium-headless-shell");
        ChromiumPhoneOptions o = ChromiumPhoneOptions.defaults().withChromium(shell);
        assertThat(o.headlessShell()).isTrue();
        Map<String, Object> chrome = chromeOptions(o, tmp.resolve("profile"));
        Path launcher = Path.of((String) chrome.get("binary"));
        assertThat(launcher).isNotEqualTo(shell).isExecutable();
        assertThat(Files.readString(launcher)).isEqualTo("#!/bin/sh\nexec '/opt/x/chromium-headless-shell' \"$@\" about:blank\n");
        assertThat((List<String>) chrome.get("args")).doesNotContain("--headless=new")
                .contains("--user-data-dir=" + tmp.resolve("profile"));
        // One launcher per shell and JVM.
        assertThat(chromeOptions(o, tmp.resolve("other")).get("binary")).isEqualTo(launcher.toString());
    }

    @Test
    void aRemoteServersShellIsNamedAsGivenAndDesktopChromiumKeepsItsHeadlessSwitch() {
        ChromiumPhoneOptions shell = ChromiumPhoneOptions.defaults().withChromium(Path.of("/srv/chrome-headless-shell"));
        assertThat(chromeOptions(shell, null).get("binary")).isEqualTo("/srv/chrome-headless-shell");

        ChromiumPhoneOptions desktop = ChromiumPhoneOptions.defaults().withChromium(ChromiumPhoneOptions.DEBIAN_CHROMIUM);
        assertThat(desktop.headlessShell()).isFalse();
        Map<String, Object> chrome = chromeOptions(desktop, null);
        assertThat(chrome.get("binary")).isEqualTo("/usr/bin/chromium");
        assertThat((List<String>) chrome.get("args")).contains("--headless=new");
    }

    @Test
    void aShellCannotShowAWindow(@TempDir Path tmp) throws Exception {
        Path shell = tmp.resolve("chromium-headless-shell");
        Files.writeString(shell, "#!/bin/sh\n");
        shell.toFile().setExecutable(true);
        Path driver = tmp.resolve("chromedriver");
        Files.writeString(driver, "#!/bin/sh\n");
        driver.toFile().setExecutable(true);
        ChromiumPhoneOptions o = ChromiumPhoneOptions.defaults().withChromium(shell).withChromedriver(driver);
        o.verify(); // headless: fine
        assertThatThrownBy(() -> o.withHeadless(false).verify())
                .hasMessageContaining("headless shell, which cannot show a window")
                .hasMessageContaining("--chromium /usr/bin/chromium");
    }

    @Test
    void theDefaultIsTheShellWhenThisMachineHasIt() {
        Path expected = Files.isExecutable(HeadlessShell.DEBIAN) ? HeadlessShell.DEBIAN
                : ChromiumPhoneOptions.DEBIAN_CHROMIUM;
        assertThat(ChromiumPhoneOptions.defaults().chromium()).isEqualTo(expected);
    }
}
