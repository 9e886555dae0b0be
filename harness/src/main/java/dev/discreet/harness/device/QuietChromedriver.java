package dev.discreet.harness.device;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * chromedriver without its debug log. Appium's chromium driver always starts chromedriver with {@code --verbose}, and
 * reads what it prints line by line only to drop it (it logs the lines only when asked to be verbose itself):
 * chromedriver formatted every DevTools message with its JSON (~19 KB of text per step, the element list twice) and
 * Appium's node split it into lines. The launcher made here drops {@code --verbose} and runs chromedriver at
 * {@code --log-level=SEVERE} (its start banner, which Appium waits for, is still printed).
 */
final class QuietChromedriver {
    private QuietChromedriver() {}

    private static final Map<Path, Path> LAUNCHERS = new ConcurrentHashMap<>();

    /**
     * An executable of this machine that starts {@code chromedriver} with Appium's arguments less {@code --verbose};
     * one per binary and JVM, in a temporary folder named after the JVM (removed when it ends, or swept after a kill).
     */
    static Path launcher(Path chromedriver) {
        return LAUNCHERS.computeIfAbsent(chromedriver.toAbsolutePath(), c ->
                // Keeps every argument but --verbose, in order; exec: chromedriver keeps the launcher's pid, which
                // Appium stops it by.
                Launchers.write("chromedriver-", "chromedriver",
                        "for a; do shift; [ \"$a\" = --verbose ] || set -- \"$@\" \"$a\"; done\n"
                                + "exec " + Launchers.quoted(c) + " \"$@\" --log-level=SEVERE\n",
                        "the chromedriver launcher"));
    }
}
