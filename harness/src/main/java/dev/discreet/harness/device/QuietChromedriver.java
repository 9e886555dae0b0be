package dev.discreet.harness.device;

import dev.discreet.harness.internal.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        return LAUNCHERS.computeIfAbsent(chromedriver.toAbsolutePath(), c -> {
            try {
                Path dir = Files.createTempDirectory(TempFolders.prefix("chromium") + "chromedriver-");
                Path script = dir.resolve("chromedriver");
                // Keeps every argument but --verbose, in order; exec: chromedriver keeps the launcher's pid, which
                // Appium stops it by.
                Files.writeString(script, "#!/bin/sh\n"
                        + "for a; do shift; [ \"$a\" = --verbose ] || set -- \"$@\" \"$a\"; done\n"
                        + "exec '" + c.toString().replace("'", "'\\''") + "' \"$@\" --log-level=SEVERE\n",
                        StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                dir.toFile().deleteOnExit();
                script.toFile().deleteOnExit();
                return script;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the chromedriver launcher in the temp folder", e);
            }
        });
    }
}
