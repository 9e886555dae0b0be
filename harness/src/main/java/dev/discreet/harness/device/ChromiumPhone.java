package dev.discreet.harness.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.UiElement;
import io.appium.java_client.chromium.ChromiumDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.interactions.Actions;

/**
 * A phone emulated by headless Chromium, driven through an Appium server (local or remote: all that is needed is
 * the server URL). Taps and swipes are W3C touch pointer actions; typing commits text to the focused field through
 * the browser's own text-input path (see {@link #act}).
 */
public final class ChromiumPhone implements Device {
    private static final String ELEMENTS_JS = resource("elements.js");
    /** The element script as a function expression, for {@code Runtime.evaluate} (it reads {@code arguments[0]}). */
    private static final String ELEMENTS_CALL = "(function(){" + ELEMENTS_JS + "\n})";
    /**
     * The element function's name in every document of a phone: installed before the page's own scripts run
     * ({@code Page.addScriptToEvaluateOnNewDocument}), so each observation sends a call of a few bytes instead of the
     * ~6 KB script, which Appium, chromedriver and Chromium each parsed and passed on for every step.
     */
    private static final String ELEMENTS_GLOBAL = "__discreetElements";
    /** Read-only and hidden from enumeration; a second run in the same document changes nothing. */
    private static final String ELEMENTS_INSTALL = "try{Object.defineProperty(window,'" + ELEMENTS_GLOBAL + "',{value:"
            + ELEMENTS_CALL + "});}catch(e){}";
    /** What the short call returns in a document without the function (one that existed before it was installed). */
    private static final String NO_ELEMENT_FUNCTION = "discreet:no-element-function";
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(10);
    /**
     * chromedriver's DevTools passthrough, which Appium's chromium driver forwards (the Java ChromiumDriver has no
     * such call).
     */
    private static final String CDP_PATH = "/goog/cdp/execute";
    private static final Duration NO_NAVIGATION = Duration.ofSeconds(2);
    private static final int JPEG_QUALITY = 60;

    private final ChromiumDriver driver;
    private final ChromiumPhoneOptions options;
    private final URL server;
    private final Path userDataDir;
    /** The per-step calls (DevTools passthrough, actions), straight to this phone's session. */
    private final SessionWire wire;
    /** The whole element script with this phone's screen scale, for a document without the installed function. */
    private final String elementsExpression;
    /** The call of the installed element function with this phone's screen scale. */
    private final String elementsShortCall;
    /** A page {@link #reset} started loading; the next observation waits for it. */
    private String pendingUrl;
    /** The marker left on the document a script navigation is leaving; the next observation waits for a new one. */
    private String leaving;
    private long navigations;
    /** The last observation showed a focused editable field (so {@code type} needs no check of its own). */
    private boolean focusedEditable;

    private ChromiumPhone(ChromiumDriver driver, ChromiumPhoneOptions options, URL server, Path userDataDir) {
        this.driver = driver;
        this.options = options;
        this.server = server;
        this.userDataDir = userDataDir;
        this.wire = new SessionWire(server, driver.getSessionId().toString());
        this.elementsExpression = ELEMENTS_CALL + "(" + options.screenScale() + ")";
        this.elementsShortCall = "typeof " + ELEMENTS_GLOBAL + "==='function'?" + ELEMENTS_GLOBAL + "("
                + options.screenScale() + "):'" + NO_ELEMENT_FUNCTION + "'";
    }

    /** Opens a session on the Appium server at {@code server}. */
    public static ChromiumPhone connect(URL server, ChromiumPhoneOptions options) {
        return connect(server, options, ChromedriverPorts.AUTO);
    }

    /**
     * Opens a session on the Appium server or Grid hub at {@code server}, its chromedriver on a port from
     * {@code ports}. The Chromium and chromedriver paths are checked here only when the server runs on this machine
     * (loopback): for a remote server they name files on that machine.
     */
    public static ChromiumPhone connect(URL server, ChromiumPhoneOptions options, ChromedriverPorts ports) {
        boolean local = Endpoints.isLoopback(server);
        // The default shell starts through a launcher of this machine (HeadlessShell): a remote server gets Debian's
        // chromium unless told otherwise.
        if (!local && options.chromium().equals(HeadlessShell.DEBIAN)) {
            options = options.withChromium(ChromiumPhoneOptions.DEBIAN_CHROMIUM);
        }
        if (local) options.verify();
        dev.discreet.harness.internal.TempFolders.sweepOnce(); // profiles of earlier runs that were killed
        Path profile = null;
        // A profile folder of this machine means nothing to a remote server's Chromium (chromedriver makes and
        // removes its own there).
        if (local) {
            try {
                // Named after this JVM, so that a profile left by a killed run is recognised and removed.
                profile = Files.createTempDirectory(dev.discreet.harness.internal.TempFolders.prefix("chromium"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a Chromium profile folder", e);
            }
        }
        ChromiumDriver d = null;
        try {
            d = new ChromiumDriver(server, options.toCapabilities(ports.pick(server), profile));
            d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            d.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
            ChromiumPhone phone = new ChromiumPhone(d, options, server, profile);
            phone.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ELEMENTS_INSTALL));
            return phone;
        } catch (RuntimeException e) {
            if (d != null) quietly(d::quit);
            if (profile != null) dev.discreet.harness.internal.Files2.deleteTree(profile);
            throw DeviceFailureException.classify("connect to " + Endpoints.redact(server), e);
        }
    }

    /**
     * The browser's profile folder: unique per phone, it names this phone's Chromium in the process table (null when
     * the server runs on another machine).
     */
    public Path userDataDir() { return userDataDir; }

    /**
     * Runs one device operation; every failure in it except an invalid action is the device's
     * ({@link DeviceFailureException#classify}).
     */
    private <T> T guard(String operation, java.util.function.Supplier<T> op) {
        return DeviceFailureException.guard(operation, op);
    }

    private void guardRun(String operation, Runnable op) {
        DeviceFailureException.guardRun(operation, op);
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // already failing: the first failure is the one reported
        }
    }

    @Override
    public Observation observe() { return guard("observe", this::observeNow); }

    private Observation observeNow() {
        JsonNode page = settledPage("observe");
        byte[] image = screenshot(page);
        List<UiElement> elements = new ArrayList<>();
        boolean typing = false;
        for (JsonNode n : page.get("elements")) {
            UiElement e = Json.mapper().convertValue(n, UiElement.class);
            typing |= e.focused() && e.editable();
            elements.add(e);
        }
        focusedEditable = typing;
        int w = screenWidth(), h = screenHeight();
        if (ScreenshotFormat.of(image) == ScreenshotFormat.PNG) {
            w = pngWidth(image);
            h = pngHeight(image);
        }
        return new Observation(image, w, h, elements, page.path("url").asText(), page.path("title").asText());
    }

    /**
     * Runs the element script until the page is ready: loaded, past any navigation this phone started, and quiet.
     * The script reports readyState, the navigation marker and the page's busy state with the elements, so a page
     * still loading costs a retry, not an extra call per step.
     */
    private JsonNode settledPage(String operation) {
        long start = System.nanoTime();
        long deadline = start + SETTLE_TIMEOUT.toNanos();
        JsonNode page;
        while (true) {
            String json;
            try {
                json = elementsJson();
            } catch (RuntimeException e) {
                // chromedriver waits for no navigation (pageLoadStrategy "none"): the script can meet the document
                // it started in going away. That is a page still loading, not a failure.
                if (!documentGone(e) || System.nanoTime() > deadline) throw e;
                sleep(5);
                continue;
            }
            try {
                page = Json.mapper().readTree(json);
            } catch (IOException e) {
                throw new IllegalStateException("element script returned unreadable JSON", e);
            }
            if (page.path("url").asText().startsWith("chrome-error://")) {
                // Chromium's own error page: the mock-app server did not answer (nothing the agent can cause:
                // the apps link nowhere else and the phone has no address bar).
                throw new DeviceFailureException(DeviceFailureException.Kind.PAGE_LOAD, operation,
                        "the page could not be loaded (network error" + (pendingUrl == null ? "" : " loading "
                        + pendingUrl) + ")", null);
            }
            boolean arrived = pendingUrl == null || pendingUrl.equals(page.path("url").asText());
            // A navigation this phone started by script: the old document still carries its marker until the
            // new one replaces it. A navigation that never happens (back with nothing behind) is given up on.
            boolean left = leaving == null || !leaving.equals(page.path("leaving").asText(null))
                    || System.nanoTime() - start > NO_NAVIGATION.toNanos();
            if (arrived && left && "complete".equals(page.path("ready").asText()) && quiet(page, operation)) break;
            if (System.nanoTime() > deadline) {
                throw new DeviceFailureException(DeviceFailureException.Kind.PAGE_LOAD, operation, "page did not "
                        + "finish loading within " + SETTLE_TIMEOUT.toSeconds() + " s (at " + page.path("url").asText()
                        + (pendingUrl == null ? "" : ", expected " + pendingUrl) + ")", null);
            }
            sleep(5);
        }
        pendingUrl = null;
        leaving = null;
        return page;
    }

    /**
     * Runs the element script as one DevTools {@code Runtime.evaluate} in the page (through Appium's chromium driver,
     * like {@code Input.insertText}). WebDriver's executeScript does the same evaluation inside chromedriver's
     * argument/result wrapper and asks for the frame tree twice around it: the same element lists, byte for byte,
     * for 17-20% less of chromedriver's CPU (BENCHMARKS.md, session 7). The page's installed element function when
     * it has one; the whole script in a document that predates it.
     */
    private String elementsJson() {
        String json = evaluate(elementsShortCall);
        return NO_ELEMENT_FUNCTION.equals(json) ? evaluate(elementsExpression) : json;
    }

    @SuppressWarnings("unchecked")
    private String evaluate(String expression) {
        return evaluated((Map<String, Object>) cdp("Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true)));
    }

    /** One DevTools command through Appium's chromium driver (chromedriver's passthrough); its result. */
    private Object cdp(String command, Map<String, Object> params) {
        return wire.post(CDP_PATH, Map.of("cmd", command, "params", params));
    }

    /**
     * The string a {@code Runtime.evaluate} reply carries, or the page's exception as WebDriver reports one (DevTools
     * answers a script that threw with {@code exceptionDetails}, not with an error).
     */
    @SuppressWarnings("unchecked")
    static String evaluated(Map<String, Object> reply) {
        if (reply == null) throw new JavascriptException("javascript error: Runtime.evaluate returned nothing");
        Object details = reply.get("exceptionDetails");
        if (details instanceof Map<?, ?> d) {
            Object exception = d.get("exception");
            Object description = exception instanceof Map<?, ?> e ? e.get("description") : null;
            throw new JavascriptException("javascript error: "
                    + (description != null ? description : String.valueOf(d.get("text"))));
        }
        Object result = reply.get("result");
        Object value = result instanceof Map<?, ?> r ? ((Map<String, Object>) r).get("value") : null;
        if (value != null && !(value instanceof String)) {
            throw new JavascriptException("javascript error: the element script returned " + value.getClass()
                    .getSimpleName() + ", not its JSON text");
        }
        return (String) value;
    }

    /** Whether a script failed because its document was replaced by a navigation while it ran. */
    static boolean documentGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Execution context was destroyed") || m.contains("Cannot find context with")
                    || m.contains("Inspected target navigated or closed") || m.contains("document unloaded")
                    || m.contains("Cannot find default execution context"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the page has nothing on its way (the mock apps' recorder.js): every form entry acknowledged by the
     * server, and no navigation the page started (a link, a submit, a dialog's f.submit()) still waiting for its
     * response. A navigation that never commits is given up after {@link #NO_NAVIGATION}.
     */
    private static boolean quiet(JsonNode page, String operation) {
        JsonNode busy = page.path("busy");
        if (!busy.isObject()) return true; // a page without the recorder
        if (busy.path("lost").asInt() > 0) {
            throw new DeviceFailureException(DeviceFailureException.Kind.DRIVER, operation, busy.path("lost").asInt()
                    + " form entries could not be delivered to the mock-app server (at " + page.path("url").asText()
                    + ")", null);
        }
        long navigating = busy.path("navigating").asLong(-1);
        return busy.path("entries").asInt() == 0 && (navigating < 0 || navigating > NO_NAVIGATION.toMillis());
    }

    /**
     * Waits until the page is loaded and quiet, without a screenshot: what the last action sent has reached the
     * server (the runner calls this before it reads the databases of an episode whose last action had no
     * observation after it).
     */
    @Override
    public void settle() { guard("settle", () -> settledPage("settle")); }

    private byte[] screenshot(JsonNode page) {
        ScreenshotFormat f = options.screenshots();
        if (f == ScreenshotFormat.NONE) return new byte[0];
        if (f == ScreenshotFormat.PNG && options.screenshotScale() == ScreenshotScale.DEVICE) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
        return devToolsScreenshot(page, f);
    }

    @Override
    public void act(Action a, URI homeUri) { guardRun("act " + a.name(), () -> actNow(a, homeUri)); }

    private void actNow(Action a, URI homeUri) {
        boolean typing = focusedEditable;
        focusedEditable = false;
        String name = a.name().toLowerCase(Locale.ROOT);
        switch (name) {
            case "click" -> perform(tap(a.x(), a.y(), 0));
            case "long_press" -> perform(tap(a.x(), a.y(), 800));
            case "double_click" -> perform(doubleTap(a.x(), a.y()));
            case "type" -> type(a.text(), typing);
            case "swipe" -> swipe(a);
            case "system_button" -> button(a.button(), homeUri);
            case "wait" -> sleep(a.durationMs() == null ? 1000 : a.durationMs());
            default -> throw new InvalidActionException("'" + a.name() + "' is not a GUI action");
        }
    }

    /** W3C actions of one input source, encoded as Selenium encodes them. */
    private void perform(Sequence s) { wire.post("/actions", Map.of("actions", List.of(s.encode()))); }

    private double css(int screenPx) { return screenPx / options.screenScale(); }

    /**
     * A viewport screenshot through chromedriver's DevTools passthrough, clipped to what the page shows (the clip
     * is in page coordinates: the scroll offsets) and scaled to the screenshot resolution.
     */
    private byte[] devToolsScreenshot(JsonNode page, ScreenshotFormat f) {
        Map<String, Object> clip = Map.of("x", page.path("scrollX").asDouble(), "y", page.path("scrollY").asDouble(),
                "width", page.path("vw").asDouble(), "height", page.path("vh").asDouble(),
                "scale", options.screenScale() / options.phone().pixelRatio());
        Map<String, Object> params = new java.util.HashMap<>(Map.of("format", f == ScreenshotFormat.JPEG ? "jpeg" : "png",
                "clip", clip));
        if (f == ScreenshotFormat.JPEG) params.put("quality", JPEG_QUALITY);
        Object value = cdp("Page.captureScreenshot", params);
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

    /**
     * Types into the focused field with one key sequence. When the observation the agent acted on showed a focused
     * editable field, that is the check (nothing ran in between); otherwise one script asks the page.
     */
    private void type(String text, boolean focusSeen) {
        if (focusSeen) {
            insert(text);
            return;
        }
        Boolean editable = (Boolean) driver.executeScript(
                "var e=document.activeElement; if(!e) return false; var t=e.tagName.toLowerCase();"
                        + "if(t==='textarea') return !e.readOnly && !e.disabled;"
                        + "if(t==='input') return !/^(button|submit|reset|checkbox|radio|hidden|file|image)$/"
                        + ".test((e.type||'').toLowerCase()) && !e.readOnly && !e.disabled;"
                        + "return e.isContentEditable===true;");
        if (!Boolean.TRUE.equals(editable)) {
            throw new InvalidActionException("type: no text field has focus; tap a text field first");
        }
        // chromedriver types only characters of the Basic Multilingual Plane; an emoji is the agent's input, not a
        // device failure.
        if (text.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            throw new InvalidActionException("type: characters outside the Basic Multilingual Plane (such as emoji) "
                    + "cannot be typed on this device");
        }
        insert(text);
    }

    /**
     * Puts {@code text} into the focused field as a phone's keyboard commits it: one {@code Input.insertText} through
     * DevTools (the browser's own text-input path: beforeinput/input events, maxlength and the caret respected), like
     * {@code mobile: type} on Android. Key by key through WebDriver cost ~8 ms of every character (two key events,
     * each a renderer round trip, and a form entry per burst). Text with a character WebDriver treats as a key (Enter,
     * Tab, Backspace, its private-use key codes) still goes key by key, so it does what those keys do.
     */
    private void insert(String text) {
        if (text.isEmpty()) return;
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c >= 0xE000 && c <= 0xF8FF)) {
            new Actions(driver).sendKeys(text).perform();
            return;
        }
        cdp("Input.insertText", Map.of("text", text));
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
                // 50 ms of movement, then 50 ms still before lifting: no fling, so the page scrolls by exactly
                // the finger's travel (250 and 100 ms of movement scrolled the same, and cost more per swipe).
                .addAction(finger.createPointerMove(Duration.ofMillis(50), PointerInput.Origin.viewport(),
                        (int) Math.round(css(ex)), (int) Math.round(css(ey))))
                .addAction(new Pause(finger, Duration.ofMillis(50)))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        perform(s);
    }

    private void button(String b, URI homeUri) {
        switch (b.toLowerCase(Locale.ROOT)) {
            // Back on the home screen does nothing, as on a phone's launcher; it also keeps the previous
            // episode's pages (still in this tab's history) out of reach.
            case "back" -> navigate("location.href!==u&&history.length>1", "history.back();", homeUri.toString());
            case "home" -> navigate("true", "location.href=u;", homeUri.toString());
            case "enter" -> new Actions(driver).sendKeys(Keys.ENTER).perform();
            default -> throw new InvalidActionException("system_button: button must be back, home or enter");
        }
    }

    @Override
    public void open(URI uri) {
        navigate("true", "location.href=u;", uri.toString());
    }

    /**
     * Starts a navigation by script when {@code when} holds and returns at once; the next {@link #observe()} waits
     * for the new document (a WebDriver {@code get} or {@code back} blocks until the page has loaded, and the
     * observation that follows checks the same). The old document is marked first, so the observation can tell it
     * from the new one. Both scripts see the URL as {@code u}.
     */
    private void navigate(String when, String go, String url) {
        String token = Long.toString(navigations++);
        pendingUrl = null;
        Object started = guard("open " + url, () -> driver.executeScript("var u=arguments[1];if(!(" + when
                + "))return false;window.__discreetLeaving=arguments[0];setTimeout(function(){" + go + "},0);"
                + "return true;", token, url));
        leaving = Boolean.TRUE.equals(started) ? token : null;
    }

    /**
     * One script call clears cookies visible to the page and both storages, then starts loading {@code start}
     * without waiting: the next {@link #observe()} waits for that page. (A WebDriver {@code get} plus separate
     * cookie and storage calls cost ~95 ms here; this costs ~15 ms and the load overlaps the next call.)
     * The mock apps set no HttpOnly cookies; other cookies of the origin are expired by path.
     */
    @Override
    public void reset(URI start) {
        guard("reset", () -> driver.executeScript(
                "try{localStorage.clear();sessionStorage.clear();}catch(e){}"
                        + "try{document.cookie.split(';').forEach(function(c){var n=c.split('=')[0].trim();"
                        + "if(n){document.cookie=n+'=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/';}});}catch(e){}"
                        + "var u=arguments[0];setTimeout(function(){location.replace(u);},0);", start.toString()));
        pendingUrl = start.toString();
        leaving = null;
        focusedEditable = false;
    }

    @Override
    public String currentUrl() { return guard("currentUrl", driver::getCurrentUrl); }

    @Override
    public int screenWidth() { return (int) Math.round(options.phone().cssWidth() * options.screenScale()); }

    @Override
    public int screenHeight() { return (int) Math.round(options.phone().cssHeight() * options.screenScale()); }

    @Override
    public String describe() {
        PhoneProfile p = options.phone();
        return "appium chromium " + p.name() + " " + p.cssWidth() + "x" + p.cssHeight() + "@" + p.pixelRatio()
                + " screenshots " + screenshots() + (options.oneProcess() ? " single-process" : "")
                + " via " + Endpoints.redact(server);
    }

    /** What each observation captures, e.g. "jpeg 412x915" or "none (coordinates 412x915)". */
    public String screenshots() {
        String size = screenWidth() + "x" + screenHeight();
        ScreenshotFormat f = options.screenshots();
        return f == ScreenshotFormat.NONE ? "none (coordinates " + size + ")" : f.name().toLowerCase(Locale.ROOT) + " " + size;
    }

    /** The element-list script, for benchmarks that compare against the harness's own calls. */
    public static String elementsScript() { return ELEMENTS_JS; }

    /** A screenshot as the floor loop takes it (the unscrolled viewport; PNG at device pixels), for benchmarks. */
    public byte[] rawScreenshot(ScreenshotFormat f) {
        if (f == ScreenshotFormat.NONE) return new byte[0];
        if (f == ScreenshotFormat.PNG) return driver.getScreenshotAs(OutputType.BYTES);
        JsonNode viewport = Json.mapper().createObjectNode().put("scrollX", 0).put("scrollY", 0)
                .put("vw", options.phone().cssWidth()).put("vh", options.phone().cssHeight());
        return devToolsScreenshot(viewport, f);
    }

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
            if (userDataDir != null) dev.discreet.harness.internal.Files2.deleteTree(userDataDir);
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
