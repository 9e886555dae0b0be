package dev.discreet.harness.device.android;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which Appium context holds a mock app's page. The UiAutomator2 driver (appium-android-driver 14, under
 * uiautomator2 driver 8.7.0) lists {@code NATIVE_APP} first, then one {@code WEBVIEW_<package>} per debuggable
 * WebView process that has pages (a socket it cannot map to a package keeps {@code WEBVIEW_<pid>}), and
 * {@code CHROMIUM} for Chrome itself. Several apps may have live WebViews at once (the launcher tapped one app,
 * then another), so the context is chosen by the package in the foreground, never "the first webview".
 */
public final class WebviewContexts {
    public static final String NATIVE = "NATIVE_APP";
    static final String PREFIX = "WEBVIEW_";

    private WebviewContexts() {}

    /**
     * The context of {@code packageName}'s WebView: {@code WEBVIEW_<package>}; failing that, a lone
     * {@code WEBVIEW_<pid>} when it is the only WebView context (its package could not be resolved, but nothing else
     * can be meant). Empty when neither is there (the page has not loaded yet, or debugging is off).
     */
    public static Optional<String> select(Collection<String> contexts, String packageName) {
        String exact = PREFIX + packageName;
        if (contexts.contains(exact)) return Optional.of(exact);
        List<String> webviews = contexts.stream().filter(c -> c.startsWith(PREFIX)).toList();
        if (webviews.size() == 1 && webviews.get(0).substring(PREFIX.length()).chars().allMatch(Character::isDigit)
                && webviews.get(0).length() > PREFIX.length()) {
            return Optional.of(webviews.get(0));
        }
        return Optional.empty();
    }

    /**
     * Polls {@code contexts} until {@link #select} finds the app's context or {@code timeout} passes (a WebView
     * is listed only once it has a page).
     *
     * @throws IllegalStateException after the timeout, with the last list seen and what to check
     */
    public static String await(Supplier<? extends Collection<String>> contexts, String packageName, Duration timeout,
                               Duration pollEvery) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Collection<String> last = List.of();
        while (true) {
            last = new ArrayList<>(contexts.get());
            Optional<String> c = select(last, packageName);
            if (c.isPresent()) return c.get();
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("no WEBVIEW context for " + packageName + " within "
                        + timeout.toMillis() + " ms (contexts: " + last + "). Check that the app's page loaded and that "
                        + "the APK enables WebView debugging (`discreet android doctor`)");
            }
            try {
                Thread.sleep(pollEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + packageName + "'s WebView", e);
            }
        }
    }
}
