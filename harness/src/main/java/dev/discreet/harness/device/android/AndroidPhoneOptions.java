package dev.discreet.harness.device.android;

import dev.discreet.harness.device.ScreenshotFormat;
import io.appium.java_client.android.options.UiAutomator2Options;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An Android device (emulator or real) behind Appium's UiAutomator2 driver. Immutable; {@code with…} returns a copy.
 * Defaults: the only device {@code adb devices} shows, the emulator's {@link UrlMapping#emulator() 10.0.2.2}, PNG
 * screenshots at device pixels, no APK installation (see {@link #withApks}).
 *
 * @param udid                     the device's serial ({@code adb devices}); null for the only one attached
 * @param avd                      an AVD name for Appium to boot; null to use a running device (not with udid)
 * @param apkDir                   the folder with {@code apks.json} and the APKs, as the Appium server's machine
 *                                 sees it; each missing app is installed at connect. Null: install nothing
 * @param urlMapping               how the device reaches the harness's loopback URLs
 * @param screenshots              PNG (the device's own screenshot) or NONE (element lists only)
 * @param chromedriverExecutable   a chromedriver matching the device's WebView, on the Appium server's machine
 * @param chromedriverAutodownload let Appium download the matching chromedriver (the server must run with
 *                                 {@code --allow-insecure uiautomator2:chromedriver_autodownload}); not with an
 *                                 executable
 * @param systemPort               UiAutomator2's server port on the host, unique per parallel device on one Appium
 *                                 server; null lets Appium pick
 * @param newCommandTimeout        how long Appium keeps an idle session
 * @param webviewTimeout           how long an observation waits for the app's WebView to list a page
 */
public record AndroidPhoneOptions(String udid, String avd, Path apkDir, UrlMapping urlMapping,
                                  ScreenshotFormat screenshots, String chromedriverExecutable,
                                  boolean chromedriverAutodownload, Integer systemPort, Duration newCommandTimeout,
                                  Duration webviewTimeout) {
    public AndroidPhoneOptions {
        if (udid != null && udid.isBlank()) throw new IllegalArgumentException("udid: blank; give a serial from `adb devices` or none");
        if (avd != null && avd.isBlank()) throw new IllegalArgumentException("avd: blank; give an AVD name or none");
        if (udid != null && avd != null) {
            throw new IllegalArgumentException("udid and avd are mutually exclusive: udid names a running device, avd "
                    + "asks Appium to boot one (got udid '" + udid + "', avd '" + avd + "')");
        }
        if (urlMapping == null) urlMapping = UrlMapping.emulator();
        if (screenshots == null) screenshots = ScreenshotFormat.PNG;
        if (screenshots == ScreenshotFormat.JPEG) {
            throw new IllegalArgumentException("screenshots: JPEG is not available on Android (UiAutomator2 takes PNG "
                    + "screenshots); use PNG or NONE");
        }
        if (chromedriverExecutable != null && chromedriverExecutable.isBlank()) chromedriverExecutable = null;
        if (chromedriverExecutable != null && chromedriverAutodownload) {
            throw new IllegalArgumentException("chromedriverExecutable and chromedriverAutodownload are mutually "
                    + "exclusive: give a chromedriver that matches the device's WebView, or let Appium download one");
        }
        if (systemPort != null && (systemPort < 1024 || systemPort > 65535)) {
            throw new IllegalArgumentException("systemPort: " + systemPort + " is not a port in 1024..65535");
        }
        if (newCommandTimeout == null) newCommandTimeout = Duration.ofSeconds(300);
        if (webviewTimeout == null) webviewTimeout = Duration.ofSeconds(15);
        if (newCommandTimeout.isNegative() || newCommandTimeout.isZero()) {
            throw new IllegalArgumentException("newCommandTimeout: must be positive, got " + newCommandTimeout);
        }
        if (webviewTimeout.isNegative() || webviewTimeout.isZero()) {
            throw new IllegalArgumentException("webviewTimeout: must be positive, got " + webviewTimeout);
        }
    }

    public static AndroidPhoneOptions defaults() {
        return new AndroidPhoneOptions(null, null, null, null, null, null, false, null, null, null);
    }

    public AndroidPhoneOptions withUdid(String u) {
        return new AndroidPhoneOptions(u, avd, apkDir, urlMapping, screenshots, chromedriverExecutable,
                chromedriverAutodownload, systemPort, newCommandTimeout, webviewTimeout);
    }

    public AndroidPhoneOptions withAvd(String a) {
        return new AndroidPhoneOptions(udid, a, apkDir, urlMapping, screenshots, chromedriverExecutable,
                chromedriverAutodownload, systemPort, newCommandTimeout, webviewTimeout);
    }

    /** Installs the apps of {@code dir} (the build's harness/target/apks) that the device lacks, at connect. */
    public AndroidPhoneOptions withApks(Path dir) {
        return new AndroidPhoneOptions(udid, avd, dir, urlMapping, screenshots, chromedriverExecutable,
                chromedriverAutodownload, systemPort, newCommandTimeout, webviewTimeout);
    }

    public AndroidPhoneOptions withUrlMapping(UrlMapping m) {
        return new AndroidPhoneOptions(udid, avd, apkDir, m, screenshots, chromedriverExecutable,
                chromedriverAutodownload, systemPort, newCommandTimeout, webviewTimeout);
    }

    public AndroidPhoneOptions withScreenshots(ScreenshotFormat f) {
        return new AndroidPhoneOptions(udid, avd, apkDir, urlMapping, f, chromedriverExecutable,
                chromedriverAutodownload, systemPort, newCommandTimeout, webviewTimeout);
    }

    public AndroidPhoneOptions withChromedriverExecutable(String path) {
        return new AndroidPhoneOptions(udid, avd, apkDir, urlMapping, screenshots, path, chromedriverAutodownload,
                systemPort, newCommandTimeout, webviewTimeout);
    }

    public AndroidPhoneOptions withChromedriverAutodownload(boolean on) {
        return new AndroidPhoneOptions(udid, avd, apkDir, urlMapping, screenshots, chromedriverExecutable, on,
                systemPort, newCommandTimeout, webviewTimeout);
    }

    public AndroidPhoneOptions withSystemPort(Integer port) {
        return new AndroidPhoneOptions(udid, avd, apkDir, urlMapping, screenshots, chromedriverExecutable,
                chromedriverAutodownload, port, newCommandTimeout, webviewTimeout);
    }

    public AndroidPhoneOptions withWebviewTimeout(Duration t) {
        return new AndroidPhoneOptions(udid, avd, apkDir, urlMapping, screenshots, chromedriverExecutable,
                chromedriverAutodownload, systemPort, newCommandTimeout, t);
    }

    /**
     * The session's capabilities. No {@code app}: the mock apps are installed separately and started one by one
     * with their start URL, so the session opens on whatever the device shows.
     */
    public UiAutomator2Options toCapabilities() {
        UiAutomator2Options o = new UiAutomator2Options() // platformName Android, automationName UiAutomator2
                .setNoReset(true) // the harness resets per app (clearApp), never the whole device
                .setAutoGrantPermissions(true)
                .setNewCommandTimeout(newCommandTimeout)
                .setDisableWindowAnimation(true)
                .setEnsureWebviewsHavePages(true)
                // screenshots are the screen as the user sees it, also while a WebView context is selected
                .setNativeWebScreenshot(true);
        if (udid != null) o.setUdid(udid);
        if (avd != null) o.setAvd(avd);
        if (systemPort != null) o.setSystemPort(systemPort);
        if (chromedriverExecutable != null) o.setChromedriverExecutable(chromedriverExecutable);
        // Without autodownload Appium uses the chromedriver bundled with the driver; a WebView newer than that needs
        // an executable or the download.
        o.setCapability("appium:chromedriverAutodownload", chromedriverAutodownload);
        return o;
    }
}
