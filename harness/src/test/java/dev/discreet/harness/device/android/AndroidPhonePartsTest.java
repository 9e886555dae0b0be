package dev.discreet.harness.device.android;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.harness.device.InvalidActionException;
import dev.discreet.harness.device.ScreenshotFormat;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.Bounds;
import dev.discreet.tasks.evidence.UiElement;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.interactions.Sequence;

/**
 * The parts of the Android device that run without a device: capabilities, URL mapping, WEBVIEW context choice,
 * element geometry, the native page source, intents and key codes. The device-level path (a real UiAutomator2
 * session) is not run in this repository's CI: no emulator exists on its machines.
 */
class AndroidPhonePartsTest {

    // ---- capabilities ----

    @Test
    void capabilitiesAskForUiAutomator2WithoutAnAppAndWithoutThisMachinesBrowserPaths() {
        Map<String, Object> caps = AndroidPhoneOptions.defaults().toCapabilities().asMap();
        assertThat(String.valueOf(caps.get("platformName"))).isEqualToIgnoringCase("android");
        assertThat(String.valueOf(caps.get("appium:automationName"))).isEqualToIgnoringCase("UiAutomator2");
        assertThat(caps)
                .containsEntry("appium:noReset", true)
                .containsEntry("appium:autoGrantPermissions", true)
                .containsEntry("appium:ensureWebviewsHavePages", true)
                .containsEntry("appium:nativeWebScreenshot", true)
                .containsEntry("appium:disableWindowAnimation", true)
                .containsEntry("appium:chromedriverAutodownload", false)
                .containsEntry("appium:newCommandTimeout", 300L)
                .doesNotContainKeys("appium:app", "appium:udid", "appium:avd", "appium:systemPort",
                        "appium:chromedriverExecutable", "appium:executable", "goog:chromeOptions", "browserName");
    }

    @Test
    void deviceChromedriverAndPortChoicesReachTheCapabilities() {
        Map<String, Object> caps = AndroidPhoneOptions.defaults().withUdid("emulator-5556").withSystemPort(8211)
                .withChromedriverExecutable("/opt/chromedriver-113").toCapabilities().asMap();
        assertThat(caps).containsEntry("appium:udid", "emulator-5556").containsEntry("appium:systemPort", 8211)
                .containsEntry("appium:chromedriverExecutable", "/opt/chromedriver-113");
        Map<String, Object> avd = AndroidPhoneOptions.defaults().withAvd("Pixel_7_API_34")
                .withChromedriverAutodownload(true).toCapabilities().asMap();
        assertThat(avd).containsEntry("appium:avd", "Pixel_7_API_34").containsEntry("appium:chromedriverAutodownload", true);
    }

    @Test
    void optionsRejectContradictionsAndImpossibleValuesNamingTheSetting() {
        AndroidPhoneOptions d = AndroidPhoneOptions.defaults();
        assertThatThrownBy(() -> d.withUdid("emulator-5554").withAvd("Pixel"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("udid and avd are mutually exclusive");
        assertThatThrownBy(() -> d.withChromedriverExecutable("/x/chromedriver").withChromedriverAutodownload(true))
                .hasMessageContaining("chromedriverExecutable and chromedriverAutodownload");
        assertThatThrownBy(() -> d.withScreenshots(ScreenshotFormat.JPEG)).hasMessageContaining("JPEG is not available");
        assertThatThrownBy(() -> d.withSystemPort(80)).hasMessageContaining("systemPort: 80");
        assertThatThrownBy(() -> d.withUdid(" ")).hasMessageContaining("udid: blank");
        assertThatThrownBy(() -> d.withWebviewTimeout(Duration.ZERO)).hasMessageContaining("webviewTimeout");
        assertThat(d.screenshots()).isEqualTo(ScreenshotFormat.PNG);
        assertThat(d.urlMapping()).isEqualTo(UrlMapping.emulator());
        assertThat(d.withScreenshots(ScreenshotFormat.NONE).screenshots()).isEqualTo(ScreenshotFormat.NONE);
    }

    // ---- URL mapping ----

    @Test
    void anEmulatorReachesTheHostsLoopbackAs10022AndUrlsMapBack() {
        UrlMapping m = UrlMapping.emulator();
        URI page = URI.create("http://127.0.0.1:8123/e/t0k/app/hotel/book?room=2#top");
        assertThat(m.toDevice(page)).isEqualTo(URI.create("http://10.0.2.2:8123/e/t0k/app/hotel/book?room=2#top"));
        assertThat(m.toDevice(URI.create("http://localhost:9/e/a/"))).isEqualTo(URI.create("http://10.0.2.2:9/e/a/"));
        URI base = URI.create("http://127.0.0.1:8123/");
        assertThat(m.toHarness("http://10.0.2.2:8123/e/t0k/app/hotel/done", base))
                .isEqualTo("http://127.0.0.1:8123/e/t0k/app/hotel/done");
        assertThat(m.toHarness("http://10.0.2.2:9999/other", base)).as("another port is not ours")
                .isEqualTo("http://10.0.2.2:9999/other");
        assertThat(m.toHarness("android-app://com.android.launcher", base)).isEqualTo("android-app://com.android.launcher");
    }

    @Test
    void urlsAlreadyOnAnotherHostAndAdbReverseAreLeftAsTheyAre() {
        URI advertised = URI.create("http://farm-host.example:8123/e/t/app/food/");
        assertThat(UrlMapping.emulator().toDevice(advertised)).isEqualTo(advertised);
        URI base = URI.create("http://10.0.2.2:8123/");
        assertThat(UrlMapping.emulator().toHarness("http://10.0.2.2:8123/e/t/", base)).isEqualTo("http://10.0.2.2:8123/e/t/");
        URI local = URI.create("http://127.0.0.1:8123/e/t/");
        assertThat(UrlMapping.adbReverse().toDevice(local)).isEqualTo(local);
        assertThat(UrlMapping.adbReverse().reversesPorts()).isTrue();
        assertThat(UrlMapping.host("192.0.2.7").toDevice(local)).isEqualTo(URI.create("http://192.0.2.7:8123/e/t/"));
        assertThatThrownBy(() -> UrlMapping.host("a b")).hasMessageContaining("'a b' is not a host");
    }

    // ---- WEBVIEW context choice, against context lists in the form the UiAutomator2 driver reports them ----

    @Test
    void theForegroundAppsWebviewIsChosenNeverAnotherAppsOrChromes() {
        String hotel = "dev.discreet.app.hotel";
        assertThat(WebviewContexts.select(List.of("NATIVE_APP", "WEBVIEW_dev.discreet.app.hotel"), hotel))
                .contains("WEBVIEW_dev.discreet.app.hotel");
        List<String> several = List.of("NATIVE_APP", "WEBVIEW_dev.discreet.app.food", "WEBVIEW_dev.discreet.app.hotel",
                "CHROMIUM");
        assertThat(WebviewContexts.select(several, hotel)).contains("WEBVIEW_dev.discreet.app.hotel");
        assertThat(WebviewContexts.select(several, "dev.discreet.app.doctor")).isEmpty();
        assertThat(WebviewContexts.select(List.of("NATIVE_APP", "CHROMIUM"), hotel)).isEmpty();
        assertThat(WebviewContexts.select(List.of("NATIVE_APP"), hotel)).isEmpty();
        // A socket whose pid the driver could not map to a package keeps the pid: usable only when it is alone.
        assertThat(WebviewContexts.select(List.of("NATIVE_APP", "WEBVIEW_4312"), hotel)).contains("WEBVIEW_4312");
        assertThat(WebviewContexts.select(List.of("NATIVE_APP", "WEBVIEW_4312", "WEBVIEW_5120"), hotel)).isEmpty();
        assertThat(WebviewContexts.select(List.of("NATIVE_APP", "WEBVIEW_dev.discreet.app.food"), hotel)).isEmpty();
        assertThat(WebviewContexts.select(List.of("NATIVE_APP", "WEBVIEW_"), hotel)).isEmpty();
    }

    /**
     * A scripted stand-in for {@code driver.getContextHandles()}: it returns the given lists in turn (the last one
     * again once they run out). Used only to test the waiting around {@link WebviewContexts#select}.
     */
    private static final class ScriptedContextLists implements Supplier<List<String>> {
        private final Deque<List<String>> lists;
        int calls;

        ScriptedContextLists(List<List<String>> lists) { this.lists = new ArrayDeque<>(lists); }

        @Override
        public List<String> get() {
            calls++;
            return lists.size() > 1 ? lists.poll() : lists.peek();
        }
    }

    @Test
    void theWaitEndsWhenTheAppsWebviewHasAPageAndFailsWithTheListSeenOtherwise() {
        ScriptedContextLists lists = new ScriptedContextLists(List.of(List.of("NATIVE_APP"),
                List.of("NATIVE_APP", "WEBVIEW_dev.discreet.app.food"),
                List.of("NATIVE_APP", "WEBVIEW_dev.discreet.app.food", "WEBVIEW_dev.discreet.app.hotel")));
        assertThat(WebviewContexts.await(lists, "dev.discreet.app.hotel", Duration.ofSeconds(30), Duration.ofMillis(1)))
                .isEqualTo("WEBVIEW_dev.discreet.app.hotel");
        assertThat(lists.calls).isEqualTo(3);

        ScriptedContextLists none = new ScriptedContextLists(List.of(List.of("NATIVE_APP", "CHROMIUM")));
        assertThatThrownBy(() -> WebviewContexts.await(none, "dev.discreet.app.hotel", Duration.ofMillis(30),
                Duration.ofMillis(5))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no WEBVIEW context for dev.discreet.app.hotel")
                .hasMessageContaining("[NATIVE_APP, CHROMIUM]").hasMessageContaining("discreet android doctor");
        assertThat(none.calls).isGreaterThanOrEqualTo(2);
    }

    // ---- element geometry: the element script's device pixels, moved by the WebView's place on screen ----

    @Test
    void elementBoundsMoveByTheWebviewsOffsetAndAreClippedToIt() throws IOException {
        JsonNode elements = Json.mapper().readTree("""
                [{"index":0,"role":"button","text":"Book","bounds":{"left":10,"top":20,"right":110,"bottom":60},
                  "clickable":true,"editable":false,"focused":false,"checked":false},
                 {"index":1,"role":"text","text":"under the nav bar","bounds":{"left":0,"top":2250,"right":1080,"bottom":2300},
                  "clickable":false,"editable":false,"focused":false,"checked":false},
                 {"index":2,"role":"textfield","text":"","label":"Name","bounds":{"left":0,"top":2300,"right":1080,"bottom":2400},
                  "clickable":true,"editable":true,"focused":true,"checked":false}]""");
        // Status bar 63 px high, navigation bar from 2337: the WebView is [0,63] 1080 x 2274.
        List<UiElement> out = AndroidPhone.toScreen(elements, new Rectangle(0, 63, 2274, 1080));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).bounds()).isEqualTo(new Bounds(10, 83, 110, 123));
        assertThat(out.get(1).bounds()).isEqualTo(new Bounds(0, 2313, 1080, 2337));
        assertThat(out).extracting(UiElement::index).containsExactly(0, 1);
        assertThat(out.get(0).text()).isEqualTo("Book");
    }

    // ---- native screens (launcher) from the page source ----

    @Test
    void aNativeScreenIsReadFromThePageSourceWithTheWebRoles() throws IOException {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("launcher-page-source.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        NativeScreen.Parsed s = NativeScreen.parse(xml);
        assertThat(s.packageName()).isEqualTo("com.google.android.apps.nexuslauncher");
        assertThat(s.width()).isEqualTo(1080);
        assertThat(s.height()).isEqualTo(2400);
        assertThat(s.elements()).extracting(UiElement::role, UiElement::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("button", "StayEasy"),
                org.assertj.core.groups.Tuple.tuple("button", "MediBook"),
                org.assertj.core.groups.Tuple.tuple("textfield", "Search"),
                org.assertj.core.groups.Tuple.tuple("textfield", ""),
                org.assertj.core.groups.Tuple.tuple("switch", "Wi-Fi"));
        UiElement stay = s.elements().get(0);
        assertThat(stay.bounds()).isEqualTo(new Bounds(43, 1500, 248, 1740));
        assertThat(stay.clickable()).isTrue();
        assertThat(stay.label()).isNull();
        assertThat(s.elements().get(1).label()).isEqualTo("MediBook, 2 notifications");
        UiElement search = s.elements().get(2);
        assertThat(search.editable()).isTrue();
        assertThat(search.focused()).isTrue();
        assertThat(s.elements().get(3).text()).as("a password field's value is not shown").isEmpty();
        assertThat(s.elements().get(4).checked()).isTrue();
        assertThat(s.elements()).extracting(UiElement::index).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void somethingElseThanAHierarchyIsRefused() {
        assertThatThrownBy(() -> NativeScreen.parse("<html><body/></html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<html>");
        assertThatThrownBy(() -> NativeScreen.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><hierarchy>&e;</hierarchy>"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NativeScreen.parse("not xml")).hasMessageContaining("not XML");
    }

    // ---- intents, URLs and keys ----

    @Test
    void anAppPageOpensInItsOwnApkWithThePageAsTheUrlExtra() {
        URI page = URI.create("http://127.0.0.1:8123/e/t0k/app/hotel/rooms/3?x=1");
        assertThat(AndroidPhone.appIdOfUrl(page)).contains("hotel");
        assertThat(AndroidPhone.appIdOfUrl(URI.create("http://127.0.0.1:8123/e/t0k/"))).isEmpty();
        assertThat(AndroidPhone.appIdOfUrl(URI.create("http://127.0.0.1:8123/e/t0k/app/"))).isEmpty();
        URI onDevice = UrlMapping.emulator().toDevice(page);
        assertThat(AndroidPhone.startActivityArgs("hotel", onDevice)).isEqualTo(Map.of(
                "component", "dev.discreet.app.hotel/dev.discreet.shell.ShellActivity", "wait", true,
                "extras", List.of(List.of("s", "url", "http://10.0.2.2:8123/e/t0k/app/hotel/rooms/3?x=1"))));
    }

    /** The shell's own link rule (harness/src/android, plain Java), compiled and run here. */
    @Test
    void theShellHandsLinksToTheAppThatOwnsThem(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "8", "-Xlint:-options", "-d", tmp.toString(),
                "src/android/java/dev/discreet/shell/Links.java");
        assertThat(rc).isZero();
        try (java.net.URLClassLoader cl = new java.net.URLClassLoader(new java.net.URL[]{tmp.toUri().toURL()}, null)) {
            java.lang.reflect.Method owner = cl.loadClass("dev.discreet.shell.Links").getMethod("owner", String.class);
            assertThat(owner.invoke(null, "http://10.0.2.2:8123/e/t0k/app/food/menu?x=1")).isEqualTo("food");
            assertThat(owner.invoke(null, "http://10.0.2.2:8123/e/t0k/app/food/")).isEqualTo("food");
            assertThat(owner.invoke(null, "http://10.0.2.2:8123/e/t0k/")).isEqualTo("");
            assertThat(owner.invoke(null, "http://10.0.2.2:8123/e/t0k")).isEqualTo("");
            assertThat(owner.invoke(null, "http://10.0.2.2:8123/e/")).isNull();
            assertThat(owner.invoke(null, "http://10.0.2.2:8123/e/t0k/app/")).isNull();
            assertThat(owner.invoke(null, "http://10.0.2.2:8123/e/t0k/api/entry")).isNull();
            assertThat(owner.invoke(null, "https://example.org/")).isNull();
            assertThat(owner.invoke(null, "not a url")).isNull();
        }
        // The device reads the same layout when it opens a page.
        assertThat(AndroidPhone.appIdOfUrl(URI.create("http://127.0.0.1:8123/e/t0k/app/food/menu?x=1"))).contains("food");
    }

    @Test
    void systemButtonsAreAndroidKeyCodes() {
        // android.view.KeyEvent: KEYCODE_HOME 3, KEYCODE_BACK 4, KEYCODE_ENTER 66.
        assertThat(AndroidPhone.keycode("home")).isEqualTo(3);
        assertThat(AndroidPhone.keycode("BACK")).isEqualTo(4);
        assertThat(AndroidPhone.keycode("enter")).isEqualTo(66);
        assertThatThrownBy(() -> AndroidPhone.keycode("volume_up")).isInstanceOf(InvalidActionException.class)
                .hasMessageContaining("back, home or enter");
    }

    @Test
    void touchesAreAtScreenPixels() {
        Map<String, Object> tap = AndroidPhone.tap(540, 1200, 0).encode();
        assertThat(tap.toString()).contains("x=540", "y=1200", "pointerType=touch");
        // Swipe up from the centre of 1080 x 2400: 40 % of the height, 960 px, ends at y = 1200 - 960 = 240.
        Sequence up = AndroidPhone.swipe(Json.mapper().convertValue(Map.of("name", "swipe", "direction", "up"),
                Action.class), 1080, 2400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actions = (List<Map<String, Object>>) up.encode().get("actions");
        assertThat(actions.get(0)).containsEntry("x", 540).containsEntry("y", 1200);
        assertThat(actions.get(2)).containsEntry("x", 540).containsEntry("y", 240);
        assertThatThrownBy(() -> AndroidPhone.swipe(Json.mapper().convertValue(Map.of("name", "swipe",
                "direction", "sideways"), Action.class), 1080, 2400)).isInstanceOf(InvalidActionException.class);
    }

    @Test
    void apkDirMustHoldTheBuildsIndex() {
        assertThatThrownBy(() -> AndroidPhone.connect(new java.net.URL("http://127.0.0.1:9/"),
                AndroidPhoneOptions.defaults().withApks(Path.of("target/no-such-apks"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apks.json")
                .hasMessageContaining("harness/target/apks");
    }
}
