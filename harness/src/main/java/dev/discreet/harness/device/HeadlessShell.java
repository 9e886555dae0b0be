package dev.discreet.harness.device;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chromium's headless shell ({@code chromium-headless-shell}, Debian's package of the same name): the browser without
 * the desktop browser's UI layer. Per step it costs the machine about half the CPU of {@code chromium --headless=new}
 * (BENCHMARKS.md), and renders pages with the same Blink. One quirk: started with a remote-debugging port and no URL
 * it opens no page, and chromedriver, which passes no URL, then gives up ("unable to discover open pages"). The
 * launcher made here adds {@code about:blank}.
 */
final class HeadlessShell {
    private HeadlessShell() {}

    /** Where Debian's package puts the binary. */
    static final Path DEBIAN = Path.of("/usr/lib/chromium/chromium-headless-shell");

    private static final Map<Path, Path> LAUNCHERS = new ConcurrentHashMap<>();

    /** Whether {@code binary} is a headless shell (by the name every distribution and Chrome for Testing use). */
    static boolean is(Path binary) {
        String name = binary.getFileName() == null ? "" : binary.getFileName().toString();
        return name.contains("headless-shell") || name.contains("headless_shell");
    }

    /**
     * An executable of this machine that starts {@code shell} with chromedriver's arguments plus a first page; one per
     * shell and JVM, in a temporary folder named after the JVM (removed when it ends, or swept after a kill).
     */
    static Path launcher(Path shell) {
        return LAUNCHERS.computeIfAbsent(shell.toAbsolutePath(), s ->
                // exec: the launcher does not stay as an extra process between chromedriver and the browser.
                Launchers.write("launcher-", "chromium-headless-shell", "exec " + Launchers.quoted(s)
                        + " \"$@\" about:blank\n",
                        "the headless shell's launcher"));
    }
}
