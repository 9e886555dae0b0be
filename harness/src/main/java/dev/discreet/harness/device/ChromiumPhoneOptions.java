package dev.discreet.harness.device;

import io.appium.java_client.chromium.options.ChromiumOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A phone emulated by Chromium behind Appium's chromium driver. Immutable; {@code with…} returns a copy.
 * Defaults are Debian's binaries (Chromium's headless shell when its package is installed, else {@code chromium}
 * in headless mode), a Pixel-class viewport with touch, and viewport JPEG screenshots at one pixel per CSS pixel
 * ({@link ScreenshotFormat#JPEG}, {@link ScreenshotScale#CSS}).
 */
public record ChromiumPhoneOptions(Path chromium, Path chromedriver, PhoneProfile phone, boolean headless,
                                   List<String> extraArgs, ScreenshotScale screenshotScale,
                                   ScreenshotFormat screenshots, boolean singleProcess) {
    public static final List<String> BASE_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--no-default-browser-check", "--disable-quic");

    /**
     * Chromium features switched off for every phone, passed as one {@code --disable-features} switch into which one
     * from {@link #withExtraArgs} is merged (with two, the last one would win). RenderDocument builds a new
     * renderer-side frame for every cross-document navigation, and a mock app navigates on almost every submit and
     * link: without it Chromium spends 13-17% less CPU on the canonical proof's hotel slice, with the same results
     * and byte-identical element lists (BENCHMARKS.md, session 7). It changes nothing a page can see.
     */
    public static final List<String> DISABLED_FEATURES = List.of("RenderDocument");

    private static final String DISABLE_FEATURES = "--disable-features=";

    public ChromiumPhoneOptions {
        if (chromium == null) throw new IllegalArgumentException("chromium must not be null");
        if (chromedriver == null) throw new IllegalArgumentException("chromedriver must not be null");
        if (phone == null) phone = PhoneProfile.PIXEL_7;
        extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
        if (screenshotScale == null) screenshotScale = ScreenshotScale.CSS;
        if (screenshots == null) screenshots = ScreenshotFormat.JPEG;
    }

    /** Compatibility constructor (before the screenshot format was a setting): JPEG screenshots. */
    public ChromiumPhoneOptions(Path chromium, Path chromedriver, PhoneProfile phone, boolean headless,
                                List<String> extraArgs, ScreenshotScale screenshotScale) {
        this(chromium, chromedriver, phone, headless, extraArgs, screenshotScale, ScreenshotFormat.JPEG, true);
    }

    /** Compatibility constructor (before the process model was a setting): {@link #withSingleProcess} on. */
    public ChromiumPhoneOptions(Path chromium, Path chromedriver, PhoneProfile phone, boolean headless,
                                List<String> extraArgs, ScreenshotScale screenshotScale, ScreenshotFormat screenshots) {
        this(chromium, chromedriver, phone, headless, extraArgs, screenshotScale, screenshots, true);
    }

    /** Debian's {@code chromium}: the desktop browser, run with {@code --headless=new} unless asked for a window. */
    public static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    /**
     * The browser used when none is named: Chromium's headless shell if this machine has it (about half the CPU per
     * step; {@code harness/bin/setup} installs it), else {@link #DEBIAN_CHROMIUM}.
     */
    public static Path defaultChromium() {
        return Files.isExecutable(HeadlessShell.DEBIAN) ? HeadlessShell.DEBIAN : DEBIAN_CHROMIUM;
    }

    public static ChromiumPhoneOptions defaults() {
        return new ChromiumPhoneOptions(defaultChromium(), Path.of("/usr/bin/chromedriver"),
                PhoneProfile.PIXEL_7, true, List.of(), ScreenshotScale.CSS, ScreenshotFormat.JPEG, true);
    }

    public ChromiumPhoneOptions withPhone(PhoneProfile p) {
        return new ChromiumPhoneOptions(chromium, chromedriver, p, headless, extraArgs, screenshotScale, screenshots,
                singleProcess);
    }

    public ChromiumPhoneOptions withHeadless(boolean h) {
        return new ChromiumPhoneOptions(chromium, chromedriver, phone, h, extraArgs, screenshotScale, screenshots,
                singleProcess);
    }

    public ChromiumPhoneOptions withScreenshotScale(ScreenshotScale s) {
        return new ChromiumPhoneOptions(chromium, chromedriver, phone, headless, extraArgs, s, screenshots,
                singleProcess);
    }

    /** What each observation captures: JPEG (default), PNG, or no picture. */
    public ChromiumPhoneOptions withScreenshots(ScreenshotFormat f) {
        return new ChromiumPhoneOptions(chromium, chromedriver, phone, headless, extraArgs, screenshotScale, f,
                singleProcess);
    }

    /**
     * Whether a headless shell that takes no screenshots runs as one process ({@code --single-process}, the default):
     * browser, page and compositor in one process instead of four, so no inter-process messages per step: 12% less
     * of Chromium's CPU per step on the mock apps, same results (BENCHMARKS.md, session 6). Only without screenshots:
     * that is what ran thousands of episodes (the canonical proof, the slices); with screenshots one test run hung
     * after its episode (not reproduced, not ruled out), so phones that take pictures keep Chromium's process model,
     * as desktop Chromium ({@code --headless=new} or a window) always does. A page that crashes takes a one-process
     * browser with it, which the runner treats as a device failure (new session, episode retried).
     */
    public ChromiumPhoneOptions withSingleProcess(boolean single) {
        return new ChromiumPhoneOptions(chromium, chromedriver, phone, headless, extraArgs, screenshotScale,
                screenshots, single);
    }

    /** Chromium switches added after {@link #BASE_ARGS}. */
    public ChromiumPhoneOptions withExtraArgs(List<String> args) {
        return new ChromiumPhoneOptions(chromium, chromedriver, phone, headless, args, screenshotScale, screenshots,
                singleProcess);
    }

    /** The Chromium binary on the machine that runs the Appium server. */
    public ChromiumPhoneOptions withChromium(Path p) {
        return new ChromiumPhoneOptions(p, chromedriver, phone, headless, extraArgs, screenshotScale, screenshots,
                singleProcess);
    }

    /** The chromedriver binary on the machine that runs the Appium server. */
    public ChromiumPhoneOptions withChromedriver(Path p) {
        return new ChromiumPhoneOptions(chromium, p, phone, headless, extraArgs, screenshotScale, screenshots,
                singleProcess);
    }

    /** Screenshot pixels per CSS pixel: what element bounds and action coordinates are measured in. */
    public double screenScale() {
        return screenshotScale == ScreenshotScale.DEVICE ? phone.pixelRatio() : 1.0;
    }

    /** Whether the browser runs as one process: {@link #withSingleProcess} asked, a headless shell, no screenshots. */
    public boolean oneProcess() {
        return singleProcess && headlessShell() && screenshots == ScreenshotFormat.NONE;
    }

    /** Whether the browser is Chromium's headless shell (which has no window to show). */
    public boolean headlessShell() { return HeadlessShell.is(chromium); }

    /** Checks that the binaries exist, with a message that says how to install them. */
    public void verify() {
        for (Path p : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: install Debian's packages with "
                        + "`apt-get install -y chromium chromium-driver chromium-headless-shell` (or pass another "
                        + "path: --chromium, --chromedriver)");
            }
        }
        if (!headless && headlessShell()) {
            throw new IllegalStateException(chromium + " is Chromium's headless shell, which cannot show a window: "
                    + "pass --chromium " + DEBIAN_CHROMIUM + " for a visible browser");
        }
    }

    /**
     * Capabilities for one session; the chromedriver port and profile folder are per session so sessions can run in
     * parallel. A null {@code userDataDir} leaves the profile to chromedriver (a server on another machine).
     */
    public ChromiumOptions toCapabilities(int chromedriverPort, Path userDataDir) {
        List<String> args = new ArrayList<>();
        // The headless shell is headless by nature and knows no --headless=new.
        if (headless && !headlessShell()) args.add("--headless=new");
        args.addAll(BASE_ARGS);
        if (oneProcess()) args.add("--single-process");
        if (userDataDir != null) args.add("--user-data-dir=" + userDataDir);
        args.add("--window-size=" + phone.cssWidth() + "," + phone.cssHeight());
        List<String> disabled = new ArrayList<>(DISABLED_FEATURES);
        for (String a : extraArgs) {
            if (a.startsWith(DISABLE_FEATURES)) {
                for (String f : a.substring(DISABLE_FEATURES.length()).split(",")) {
                    if (!f.isBlank() && !disabled.contains(f.strip())) disabled.add(f.strip());
                }
            } else {
                args.add(a);
            }
        }
        args.add(DISABLE_FEATURES + String.join(",", disabled));
        Map<String, Object> mobile = Map.of(
                "deviceMetrics", Map.of("width", phone.cssWidth(), "height", phone.cssHeight(),
                        "pixelRatio", phone.pixelRatio(), "touch", true, "mobile", true),
                "userAgent", phone.userAgent());
        ChromiumOptions o = new ChromiumOptions()
                .setPlatformName("linux")
                // A local chromedriver without the debug log Appium asks for and throws away (QuietChromedriver).
                .setExecutable((userDataDir != null ? QuietChromedriver.launcher(chromedriver) : chromedriver)
                        .toString())
                .setAutodownloadEnabled(false)
                .setChromeDriverPort(chromedriverPort);
        o.setCapability("browserName", "chrome");
        o.setCapability("appium:disableBuildCheck", true);
        o.setCapability("appium:newCommandTimeout", 300);
        // chromedriver waits for no navigation: the next observation waits for readyState "complete", the new
        // document and what the page still has in flight anyway (ChromiumPhone#settledPage). "eager" cost two extra
        // DevTools evaluations per command (before and after it): 6% of the machine's CPU per step, same results.
        o.setCapability("pageLoadStrategy", "none");
        // A local shell is started through a launcher that gives it its first page (see HeadlessShell); a remote
        // server's shell needs the same from whoever installed it there.
        Path binary = headlessShell() && userDataDir != null ? HeadlessShell.launcher(chromium) : chromium;
        o.setCapability("goog:chromeOptions", Map.of("binary", binary.toString(), "args", args,
                "mobileEmulation", mobile));
        return o;
    }
}
