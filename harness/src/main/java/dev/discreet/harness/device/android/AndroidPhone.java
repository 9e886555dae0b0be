package dev.discreet.harness.device.android;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.harness.device.ChromiumPhone;
import dev.discreet.harness.device.Device;
import dev.discreet.harness.device.DeviceFailureException;
import dev.discreet.harness.device.InvalidActionException;
import dev.discreet.harness.device.Observation;
import dev.discreet.harness.device.ScreenshotFormat;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.Bounds;
import dev.discreet.tasks.evidence.UiElement;
import io.appium.java_client.AppiumBy;
import io.appium.java_client.android.AndroidDriver;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/**
 * An Android device (emulator or real) driven through Appium's UiAutomator2 driver. Each mock app is its own
 * WebView-shell APK ({@link ApkBuilder}); {@link #open} starts the app's launcher activity with the page in the
 * {@code url} extra, {@link #observe} reads the element list in the app's WEBVIEW context with the same script
 * as {@link ChromiumPhone} (bounds moved to screen pixels) or, on a native screen such as the launcher, from the
 * UiAutomator2 page source, and every action is native: W3C touch at screen pixels, {@code mobile: type} into the
 * focused field, the Android BACK / HOME / ENTER keys.
 *
 * <p>Not run in this repository's CI: no emulator exists on its machines. Its pure parts (capabilities, URL mapping,
 * context choice, element geometry, native page source) are tested; the calls to a device are not.
 */
public final class AndroidPhone implements Device {
    private static final String ELEMENTS_JS = ChromiumPhone.elementsScript();
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(15);
    static final int KEY_HOME = 3;
    static final int KEY_BACK = 4;
    static final int KEY_ENTER = 66;
    /** The URL reported for a native screen (no page): the foreground package. */
    static final String NATIVE_URL_SCHEME = "android-app://";

    private final AndroidDriver driver;
    private final AndroidPhoneOptions options;
    private final URL server;
    private final int width;
    private final int height;
    /** Packages started since the last reset: reset stops them and clears their data. */
    private final Set<String> launched = new LinkedHashSet<>();
    private final Set<Integer> reversedPorts = new LinkedHashSet<>();
    /** The harness's base URL (scheme, host, port) of the pages opened, for mapping device URLs back. */
    private URI harnessBase;
    private boolean focusedEditable;

    private AndroidPhone(AndroidDriver driver, AndroidPhoneOptions options, URL server, int width, int height) {
        this.driver = driver;
        this.options = options;
        this.server = server;
        this.width = width;
        this.height = height;
    }

    /**
     * Opens a UiAutomator2 session on the Appium server at {@code appiumServer} (local, remote, or a Grid hub with
     * an Android relay node) and installs the mock-app APKs the device lacks when {@link AndroidPhoneOptions#apkDir}
     * is set.
     *
     * @throws DeviceFailureException when the session cannot be created or an install fails
     */
    public static AndroidPhone connect(URL appiumServer, AndroidPhoneOptions options) {
        java.util.Objects.requireNonNull(appiumServer, "appiumServer");
        java.util.Objects.requireNonNull(options, "options");
        List<ApkBuilder.Apk> apks = List.of();
        if (options.apkDir() != null) {
            try {
                apks = ApkBuilder.readIndex(options.apkDir());
            } catch (IOException e) {
                throw new IllegalArgumentException("apkDir: cannot read " + options.apkDir().resolve(ApkBuilder.INDEX)
                        + ": " + e.getMessage(), e);
            }
        }
        AndroidDriver d = null;
        try {
            d = new AndroidDriver(appiumServer, options.toCapabilities());
            d.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
            var size = d.manage().window().getSize();
            int w = size.getWidth(), h = size.getHeight();
            if (options.screenshots() != ScreenshotFormat.NONE) {
                // Screenshot pixels are what the agent's coordinates are in; the window size may leave out bars.
                byte[] png = d.getScreenshotAs(OutputType.BYTES);
                if (png.length > 24) {
                    w = readInt(png, 16);
                    h = readInt(png, 20);
                }
            }
            AndroidPhone p = new AndroidPhone(d, options, appiumServer, w, h);
            for (ApkBuilder.Apk a : apks) {
                if (!Boolean.TRUE.equals(p.mobile("isAppInstalled", Map.of("appId", a.packageName())))) {
                    p.mobile("installApp", Map.of("appPath", options.apkDir().resolve(a.file()).toAbsolutePath().toString(),
                            "replace", true));
                }
            }
            return p;
        } catch (RuntimeException e) {
            if (d != null) {
                try {
                    d.quit();
                } catch (RuntimeException ignored) {
                    // already failing: the first failure is the one reported
                }
            }
            throw DeviceFailureException.classify("connect to " + appiumServer, e);
        }
    }

    private Object mobile(String command, Map<String, ?> args) {
        return driver.executeScript("mobile: " + command, args);
    }

    private <T> T guard(String operation, Supplier<T> op) {
        return DeviceFailureException.guard(operation, op);
    }

    private void guardRun(String operation, Runnable op) {
        DeviceFailureException.guardRun(operation, op);
    }

    private String foregroundPackage() { return String.valueOf(mobile("getCurrentPackage", Map.of())); }

    @Override
    public Observation observe() { return guard("observe", this::observeNow); }

    private Observation observeNow() {
        String pkg = foregroundPackage();
        List<UiElement> elements;
        String url;
        String title;
        if (AndroidApps.appIdOf(pkg).isPresent()) {
            JsonNode page = inWebview(pkg, this::settledPage);
            Rectangle web = driver.findElement(AppiumBy.className("android.webkit.WebView")).getRect();
            elements = toScreen(page.get("elements"), web);
            url = page.path("url").asText();
            title = page.path("title").asText();
        } else {
            NativeScreen.Parsed screen = NativeScreen.parse(driver.getPageSource());
            elements = screen.elements();
            url = NATIVE_URL_SCHEME + pkg;
            title = pkg;
        }
        focusedEditable = elements.stream().anyMatch(e -> e.focused() && e.editable());
        byte[] png = options.screenshots() == ScreenshotFormat.NONE ? new byte[0] : driver.getScreenshotAs(OutputType.BYTES);
        return new Observation(png, width, height, elements, options.urlMapping().toHarness(url, harnessBase), title);
    }

    /** Runs {@code op} in the app's WEBVIEW context and always returns to NATIVE_APP, where actions are native. */
    private <T> T inWebview(String pkg, Supplier<T> op) {
        String ctx = WebviewContexts.await(driver::getContextHandles, pkg, options.webviewTimeout(), Duration.ofMillis(200));
        driver.context(ctx);
        try {
            return op.get();
        } finally {
            driver.context(WebviewContexts.NATIVE);
        }
    }

    /** The element script's result once the document has loaded (no argument: bounds in device pixels). */
    private JsonNode settledPage() {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (true) {
            JsonNode page;
            try {
                page = Json.mapper().readTree((String) driver.executeScript(ELEMENTS_JS));
            } catch (IOException e) {
                throw new IllegalStateException("element script returned unreadable JSON", e);
            }
            if ("complete".equals(page.path("ready").asText())) return page;
            if (System.nanoTime() > deadline) {
                throw new DeviceFailureException(DeviceFailureException.Kind.PAGE_LOAD, "observe", "page did not finish "
                        + "loading within " + SETTLE_TIMEOUT.toSeconds() + " s (at " + page.path("url").asText() + ")", null);
            }
            sleep(50);
        }
    }

    /**
     * The script's elements (device pixels relative to the WebView) moved to screen pixels by the WebView's position
     * on screen, and clipped to it.
     */
    static List<UiElement> toScreen(JsonNode scriptElements, Rectangle webview) {
        List<UiElement> out = new ArrayList<>();
        for (JsonNode n : scriptElements) {
            UiElement e = Json.mapper().convertValue(n, UiElement.class);
            Bounds b = e.bounds();
            Bounds s = new Bounds(clamp(webview.x + b.left(), webview.x, webview.x + webview.width),
                    clamp(webview.y + b.top(), webview.y, webview.y + webview.height),
                    clamp(webview.x + b.right(), webview.x, webview.x + webview.width),
                    clamp(webview.y + b.bottom(), webview.y, webview.y + webview.height));
            if (s.right() <= s.left() || s.bottom() <= s.top()) continue;
            out.add(new UiElement(out.size(), e.role(), e.text(), e.label(), e.hint(), s, e.clickable(), e.editable(),
                    e.focused(), e.checked(), e.options(), e.group()));
        }
        return out;
    }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }

    @Override
    public void act(Action a, URI homeUri) { guardRun("act " + a.name(), () -> actNow(a)); }

    private void actNow(Action a) {
        boolean typing = focusedEditable;
        focusedEditable = false;
        switch (a.name().toLowerCase(Locale.ROOT)) {
            case "click" -> perform(tap(a.x(), a.y(), 0));
            case "long_press" -> perform(tap(a.x(), a.y(), 800));
            case "double_click" -> perform(doubleTap(a.x(), a.y()));
            case "type" -> {
                if (!typing) throw new InvalidActionException("type: no text field has focus; tap a text field first");
                mobile("type", Map.of("text", a.text()));
            }
            case "swipe" -> perform(swipe(a, width, height));
            case "system_button" -> mobile("pressKey", Map.of("keycode", keycode(a.button())));
            case "wait" -> sleep(a.durationMs() == null ? 1000 : a.durationMs());
            default -> throw new InvalidActionException("'" + a.name() + "' is not a GUI action");
        }
    }

    /** Android key codes of the system buttons (KeyEvent.KEYCODE_HOME, _BACK, _ENTER). */
    static int keycode(String button) {
        return switch (button == null ? "" : button.toLowerCase(Locale.ROOT)) {
            case "back" -> KEY_BACK;
            case "home" -> KEY_HOME;
            case "enter" -> KEY_ENTER;
            default -> throw new InvalidActionException("system_button: button must be back, home or enter");
        };
    }

    private void perform(Sequence s) { driver.perform(List.of(s)); }

    static Sequence tap(int x, int y, int holdMs) {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence s = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x, y))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        if (holdMs > 0) s.addAction(new Pause(finger, Duration.ofMillis(holdMs)));
        return s.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    }

    private static Sequence doubleTap(int x, int y) {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence s = new Sequence(finger, 0);
        for (int i = 0; i < 2; i++) {
            s.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x, y))
                    .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                    .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
            if (i == 0) s.addAction(new Pause(finger, Duration.ofMillis(80)));
        }
        return s;
    }

    /** A swipe as on the Chromium phone: 40 % of the height or 60 % of the width, in the finger's direction. */
    static Sequence swipe(Action a, int w, int h) {
        int sx = a.startX() != null ? a.startX() : w / 2;
        int sy = a.startY() != null ? a.startY() : h / 2;
        int dx = 0, dy = 0;
        switch (a.direction() == null ? "" : a.direction().toLowerCase(Locale.ROOT)) {
            case "up" -> dy = -(int) (h * 0.4);
            case "down" -> dy = (int) (h * 0.4);
            case "left" -> dx = -(int) (w * 0.6);
            case "right" -> dx = (int) (w * 0.6);
            default -> throw new InvalidActionException("swipe: direction must be up, down, left or right");
        }
        int ex = Math.max(1, Math.min(w - 2, sx + dx)), ey = Math.max(1, Math.min(h - 2, sy + dy));
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        return new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), sx, sy))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerMove(Duration.ofMillis(100), PointerInput.Origin.viewport(), ex, ey))
                .addAction(new Pause(finger, Duration.ofMillis(50)))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    }

    /**
     * Opens a mock-app page in its own APK ({@code /e/{token}/app/{id}/...}); the phone's home page
     * ({@code /e/{token}/}) is Android's home screen.
     */
    @Override
    public void open(URI uri) {
        guardRun("open " + uri, () -> {
            rememberBase(uri);
            Optional<String> app = appIdOfUrl(uri);
            if (app.isEmpty()) {
                mobile("pressKey", Map.of("keycode", KEY_HOME));
                return;
            }
            URI onDevice = options.urlMapping().toDevice(uri);
            reverse(uri);
            String pkg = AndroidApps.packageOf(app.get());
            mobile("startActivity", startActivityArgs(app.get(), onDevice));
            launched.add(pkg);
        });
    }

    /** {@code mobile: startActivity} arguments: the app's launcher activity with the page in the url extra. */
    static Map<String, Object> startActivityArgs(String appId, URI deviceUrl) {
        return Map.of("component", AndroidApps.component(appId), "wait", true,
                "extras", List.of(List.of("s", AndroidApps.EXTRA_URL, deviceUrl.toString())));
    }

    /** The app a mock-app URL belongs to ({@code /e/{token}/app/{id}/...}); empty for the home page and others. */
    static Optional<String> appIdOfUrl(URI uri) {
        String[] seg = uri.getPath() == null ? new String[0] : uri.getPath().replaceAll("^/+", "").split("/+");
        if (seg.length >= 4 && seg[0].equals("e") && seg[2].equals("app") && !seg[3].isEmpty()) {
            return Optional.of(seg[3]);
        }
        return Optional.empty();
    }

    /**
     * Stops the apps started since the last reset and clears their data (storage, cookies, the shell's remembered
     * page), then shows Android's home screen: the episode starts where a phone's user starts.
     */
    @Override
    public void reset(URI start) {
        guardRun("reset", () -> {
            rememberBase(start);
            reverse(start);
            for (String pkg : launched) {
                mobile("terminateApp", Map.of("appId", pkg));
                mobile("clearApp", Map.of("appId", pkg));
            }
            launched.clear();
            mobile("pressKey", Map.of("keycode", KEY_HOME));
        });
        focusedEditable = false;
    }

    private void rememberBase(URI u) {
        if (u.getScheme() != null && u.getHost() != null) harnessBase = u.resolve("/");
    }

    /** adb reverse for the page's port, once per port (only when the mapping keeps loopback URLs). */
    private void reverse(URI u) {
        if (!options.urlMapping().reversesPorts() || !UrlMapping.isLoopback(u.getHost()) || u.getPort() < 0) return;
        if (!reversedPorts.add(u.getPort())) return;
        List<String> cmd = new ArrayList<>(List.of("adb"));
        if (options.udid() != null) cmd.addAll(List.of("-s", options.udid()));
        cmd.addAll(List.of("reverse", "tcp:" + u.getPort(), "tcp:" + u.getPort()));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out.strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(String.join(" ", cmd) + " could not run (adb reverse needs the device "
                    + "attached to this machine)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        }
    }

    @Override
    public String currentUrl() {
        return guard("currentUrl", () -> {
            String pkg = foregroundPackage();
            if (AndroidApps.appIdOf(pkg).isEmpty()) return NATIVE_URL_SCHEME + pkg;
            return options.urlMapping().toHarness(inWebview(pkg, driver::getCurrentUrl), harnessBase);
        });
    }

    @Override
    public int screenWidth() { return width; }

    @Override
    public int screenHeight() { return height; }

    @Override
    public String describe() {
        String which = options.udid() != null ? options.udid() : options.avd() != null ? "avd " + options.avd()
                : "the attached device";
        return "appium android uiautomator2 " + which + " " + width + "x" + height + " screenshots "
                + options.screenshots().name().toLowerCase(Locale.ROOT) + " via " + server;
    }

    @Override
    public void close() {
        try {
            for (String pkg : launched) mobile("terminateApp", Map.of("appId", pkg));
        } catch (RuntimeException ignored) {
            // the session may already be gone
        }
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // the session may already be gone (server stopped); nothing else to release
        }
    }

    /** A big-endian int of a PNG header (IHDR width at 16, height at 20). */
    static int readInt(byte[] b, int o) {
        return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
