package dev.discreet.harness.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness's temporary folders carry the id of the JVM that made them ({@code discreet-chromium-<pid>-…},
 * {@code discreet-mock-apps-<pid>-…}), so that a folder left by a killed run can be told from one in use: the Appium
 * watchdog removes them when that JVM dies, and the next start removes any whose JVM is gone.
 */
public final class TempFolders {
    private TempFolders() {}

    private static final Pattern OWNED = Pattern.compile("discreet-(chromium|mock-apps)-(\\d+)-.*");
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    /** The prefix for a temporary folder of this JVM, e.g. {@code discreet-chromium-4242-}. */
    public static String prefix(String kind) {
        return "discreet-" + kind + "-" + ProcessHandle.current().pid() + "-";
    }

    /** Once per JVM: {@link #sweep} of the system temp folder. */
    public static void sweepOnce() {
        if (SWEPT.compareAndSet(false, true)) sweep(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Removes the harness's folders in {@code tmp} whose JVM is no longer running; returns what it removed. */
    public static List<Path> sweep(Path tmp) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "discreet-*")) {
            for (Path d : dirs) {
                Matcher m = OWNED.matcher(d.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(d)) continue;
                long pid = Long.parseLong(m.group(2));
                if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).isPresent()) continue;
                try {
                    Files2.deleteTree(d);
                    removed.add(d);
                } catch (RuntimeException e) {
                    // another user's folder, or one being removed right now: leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable temp folder is no reason to fail a run
        }
        return removed;
    }
}
