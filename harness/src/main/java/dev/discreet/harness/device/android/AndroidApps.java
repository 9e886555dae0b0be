package dev.discreet.harness.device.android;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How mock apps are named on Android: one WebView-shell APK per app, package {@code dev.discreet.app.<id>}, launcher
 * activity {@link #ACTIVITY}, start page passed in the launch intent's {@value #EXTRA_URL} extra. The shell's own
 * source (harness/src/android) follows the same convention to hand a link into another app to that app's APK.
 */
public final class AndroidApps {
    /** Package prefix of every mock-app APK. */
    public static final String PACKAGE_PREFIX = "dev.discreet.app.";
    /** The launcher activity of every mock-app APK (one class serves them all). */
    public static final String ACTIVITY = "dev.discreet.shell.ShellActivity";
    /** The launch intent's string extra holding the page to open. */
    public static final String EXTRA_URL = "url";
    /** Manifest meta-data naming the app id, read by the shell. */
    public static final String META_APP_ID = "dev.discreet.APP_ID";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    private AndroidApps() {}

    /** {@code dev.discreet.app.<id>}; an id that cannot be a package segment is refused with the rule. */
    public static String packageOf(String appId) {
        if (appId == null || !ID.matcher(appId).matches()) {
            throw new IllegalArgumentException("app id '" + appId + "' cannot name an Android package: use lower-case "
                    + "letters, digits and '_', starting with a letter");
        }
        return PACKAGE_PREFIX + appId;
    }

    /** The app id of one of our packages, or empty for any other package. */
    public static Optional<String> appIdOf(String packageName) {
        if (packageName == null || !packageName.startsWith(PACKAGE_PREFIX)) return Optional.empty();
        String id = packageName.substring(PACKAGE_PREFIX.length());
        return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /** {@code <package>/<activity>}, as {@code adb shell am start -n} and Appium's startActivity take it. */
    public static String component(String appId) { return packageOf(appId) + "/" + ACTIVITY; }

    /** The APK's file name in the build's output folder. */
    public static String apkFileName(String appId) { return "discreet-" + appIdOf(packageOf(appId)).orElseThrow() + ".apk"; }
}
