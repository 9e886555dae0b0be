package dev.discreet.harness.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.UiElement;
import io.appium.java_client.chromium.ChromiumDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.remote.http.HttpMethod;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.interactions.Actions;

/**
 * A phone emulated by headless Chromium, driven through an Appium server (local or remote: all that is needed is
 * the server URL). Taps and swipes are W3C touch pointer actions; typing is real key input to the focused field.
 */
public final class ChromiumPhone implements Device {
    private static final String ELEMENTS_JS = resource("elements.js");
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(10);
    private static final String CDP = "discreetExecuteCdp";

    private final ChromiumDriver driver;
    private final ChromiumPhoneOptions options;
    private final URL server;
    private final Path userDataDir;
    /** A page {@link #reset} started loading; the next observation waits for it. */
    private String pendingUrl;

    private ChromiumPhone(ChromiumDriver driver, ChromiumPhoneOptions options, URL server, Path userDataDir) {
        this.driver = driver;
        this.options = options;
        this.server = server;
        this.userDataDir = userDataDir;
    }

    /** Opens a session on the Appium server at {@code server}. */
    public static ChromiumPhone connect(URL server, ChromiumPhoneOptions options) {
        options.verify();
        dev.discreet.harness.internal.TempFolders.sweepOnce(); // profiles of earlier runs that were killed
        Path profile;
        try {
            // Named after this JVM, so that a profile left by a killed run is recognised and removed.
            profile = Files.createTempDirectory(dev.discreet.harness.internal.TempFolders.prefix("chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile folder", e);
        }
        ChromiumDriver d;
        try {
            d = new ChromiumDriver(server, options.toCapabilities(freePort(), profile));
        } catch (RuntimeException e) {
            dev.discreet.harness.internal.Files2.deleteTree(profile); // no session: nothing else will remove it
            throw e;
        }
        // The Java ChromiumDriver has no DevTools call; chromedriver's endpoint is passed through by Appium.
        d.addCommand(HttpMethod.POST, "/session/:sessionId/goog/cdp/execute", CDP);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
        return new ChromiumPhone(d, options, server, profile);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for chromedriver", e);
        }
    }

    @Override
    public Observation observe() {
        // The element script also reports readyState, so a loading page costs a retry, not an extra call per step.
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        JsonNode page;
        while (true) {
            String json = (String) driver.executeScript(ELEMENTS_JS, options.screenScale());
            try {
                page = Json.mapper().readTree(json);
            } catch (IOException e) {
                throw new IllegalStateException("element script returned unreadable JSON", e);
            }
            boolean arrived = pendingUrl == null || pendingUrl.equals(page.path("url").asText());
            if (arrived && "complete".equals(page.path("ready").asText())) break;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("page did not finish loading within " + SETTLE_TIMEOUT.toSeconds()
                        + " s (at " + page.path("url").asText() + (pendingUrl == null ? "" : ", expected "
                        + pendingUrl) + ")");
            }
            sleep(5);
        }
        pendingUrl = null;
        byte[] png = options.screenshotScale() == ScreenshotScale.DEVICE ? driver.getScreenshotAs(OutputType.BYTES)
                : cssScreenshot(page);
        List<UiElement> elements = new ArrayList<>();
        for (JsonNode n : page.get("elements")) elements.add(Json.mapper().convertValue(n, UiElement.class));
        int w = pngWidth(png), h = pngHeight(png);
        return new Observation(png, w > 0 ? w : screenWidth(), h > 0 ? h : screenHeight(), elements,
                page.path("url").asText(), page.path("title").asText());
    }

    @Override
    public void act(Action a, URI homeUri) {
        String name = a.name().toLowerCase(Locale.ROOT);
        switch (name) {
            case "click" -> perform(tap(a.x(), a.y(), 0));
            case "long_press" -> perform(tap(a.x(), a.y(), 800));
            case "double_click" -> perform(doubleTap(a.x(), a.y()));
            case "type" -> type(a.text());
            case "swipe" -> swipe(a);
            case "system_button" -> button(a.button(), homeUri);
            case "wait" -> sleep(a.durationMs() == null ? 1000 : a.durationMs());
            default -> throw new InvalidActionException("'" + a.name() + "' is not a GUI action");
        }
    }

    private void perform(Sequence s) { driver.perform(List.of(s)); }

    private double css(int screenPx) { return screenPx / options.screenScale(); }

    /** A viewport screenshot at one pixel per CSS pixel through chromedriver's DevTools passthrough. */
    private byte[] cssScreenshot(JsonNode page) {
        Map<String, Object> clip = Map.of("x", page.path("scrollX").asDouble(), "y", page.path("scrollY").asDouble(),
                "width", page.path("vw").asDouble(), "height", page.path("vh").asDouble(),
                "scale", 1.0 / options.phone().pixelRatio());
        Object value = driver.execute(CDP, Map.of("cmd", "Page.captureScreenshot",
                "params", Map.of("format", "png", "clip", clip))).getValue();
        if (!(value instanceof Map<?, ?> m) || !(m.get("data") instanceof String data)) {
            throw new IllegalStateException("DevTools screenshot returned no image: " + value);
        }
        return Base64.getDecoder().decode(data);
    }

    private Sequence tap(int x, int y, int holdMs) {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence s = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(),
                        (int) Math.round(css(x)), (int) Math.round(css(y))))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        if (holdMs > 0) s.addAction(new Pause(finger, Duration.ofMillis(holdMs)));
        return s.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    }

    private Sequence doubleTap(int x, int y) {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        int cx = (int) Math.round(css(x)), cy = (int) Math.round(css(y));
        Sequence s = new Sequence(finger, 0);
        for (int i = 0; i < 2; i++) {
            s.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), cx, cy))
                    .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                    .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
            if (i == 0) s.addAction(new Pause(finger, Duration.ofMillis(80)));
        }
        return s;
    }

    private void type(String text) {
        Boolean editable = (Boolean) driver.executeScript(
                "var e=document.activeElement; if(!e) return false; var t=e.tagName.toLowerCase();"
                        + "if(t==='textarea') return !e.readOnly && !e.disabled;"
                        + "if(t==='input') return !/^(button|submit|reset|checkbox|radio|hidden|file|image)$/"
                        + ".test((e.type||'').toLowerCase()) && !e.readOnly && !e.disabled;"
                        + "return e.isContentEditable===true;");
        if (!Boolean.TRUE.equals(editable)) {
            throw new InvalidActionException("type: no text field has focus; tap a text field first");
        }
        new Actions(driver).sendKeys(text).perform();
    }

    private void swipe(Action a) {
        int w = screenWidth(), h = screenHeight();
        int sx = a.startX() != null ? a.startX() : w / 2;
        int sy = a.startY() != null ? a.startY() : h / 2;
        int dx = 0, dy = 0;
        // Direction is the finger's movement, as on a phone: "up" reveals what is below.
        switch (a.direction().toLowerCase(Locale.ROOT)) {
            case "up" -> dy = -(int) (h * 0.4);
            case "down" -> dy = (int) (h * 0.4);
            case "left" -> dx = -(int) (w * 0.6);
            case "right" -> dx = (int) (w * 0.6);
            default -> throw new InvalidActionException("swipe: direction must be up, down, left or right");
        }
        int ex = Math.max(1, Math.min(w - 2, sx + dx)), ey = Math.max(1, Math.min(h - 2, sy + dy));
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence s = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(),
                        (int) Math.round(css(sx)), (int) Math.round(css(sy))))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerMove(Duration.ofMillis(250), PointerInput.Origin.viewport(),
                        (int) Math.round(css(ex)), (int) Math.round(css(ey))))
                .addAction(new Pause(finger, Duration.ofMillis(50)))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        perform(s);
    }

    private void button(String b, URI homeUri) {
        switch (b.toLowerCase(Locale.ROOT)) {
            // Back on the home screen does nothing, as on a phone's launcher; it also keeps the previous
            // episode's pages (still in this tab's history) out of reach.
            case "back" -> {
                if (!homeUri.toString().equals(driver.getCurrentUrl())) driver.navigate().back();
            }
            case "home" -> driver.get(homeUri.toString());
            case "enter" -> new Actions(driver).sendKeys(Keys.ENTER).perform();
            default -> throw new InvalidActionException("system_button: button must be back, home or enter");
        }
    }

    @Override
    public void open(URI uri) {
        pendingUrl = null;
        driver.get(uri.toString());
    }

    /**
     * One script call clears cookies visible to the page and both storages, then starts loading {@code start}
     * without waiting: the next {@link #observe()} waits for that page. (A WebDriver {@code get} plus separate
     * cookie and storage calls cost ~95 ms here; this costs ~15 ms and the load overlaps the next call.)
     * The mock apps set no HttpOnly cookies; other cookies of the origin are expired by path.
     */
    @Override
    public void reset(URI start) {
        driver.executeScript(
                "try{localStorage.clear();sessionStorage.clear();}catch(e){}"
                        + "try{document.cookie.split(';').forEach(function(c){var n=c.split('=')[0].trim();"
                        + "if(n){document.cookie=n+'=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/';}});}catch(e){}"
                        + "var u=arguments[0];setTimeout(function(){location.replace(u);},0);", start.toString());
        pendingUrl = start.toString();
    }

    @Override
    public String currentUrl() { return driver.getCurrentUrl(); }

    @Override
    public int screenWidth() { return (int) Math.round(options.phone().cssWidth() * options.screenScale()); }

    @Override
    public int screenHeight() { return (int) Math.round(options.phone().cssHeight() * options.screenScale()); }

    @Override
    public String describe() {
        PhoneProfile p = options.phone();
        return "appium chromium " + p.name() + " " + p.cssWidth() + "x" + p.cssHeight() + "@" + p.pixelRatio()
                + " screenshots " + screenWidth() + "x" + screenHeight() + " via " + server;
    }

    /** The element-list script, for benchmarks that compare against the harness's own calls. */
    public static String elementsScript() { return ELEMENTS_JS; }

    /** Raw touch tap at screenshot pixels, for benchmarks. */
    public void rawTap(int x, int y) { perform(tap(x, y, 0)); }

    /** The raw driver, for benchmarks that compare against the harness's own calls. */
    public ChromiumDriver driver() { return driver; }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // the session may already be gone (server stopped); nothing else to release
        } finally {
            dev.discreet.harness.internal.Files2.deleteTree(userDataDir);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int pngWidth(byte[] png) { return png.length > 24 ? readInt(png, 16) : -1; }

    static int pngHeight(byte[] png) { return png.length > 24 ? readInt(png, 20) : -1; }

    private static int readInt(byte[] b, int o) {
        return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }

    private static String resource(String name) {
        try (InputStream in = ChromiumPhone.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
