package dev.discreet.harness.device.grid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class path of Selenium Grid 4.47.0 (the jar has no Main-Class: {@code org.openqa.selenium.grid.Bootstrap} runs
 * on a class path). Resolved by Maven from {@code harness/grid/pom.xml}, apart from the harness's own class path,
 * whose Selenium is pinned to 4.52 for the client.
 */
public final class GridClasspath {
    /** An environment variable or system property that gives the class path (or a file holding it) directly. */
    public static final String OVERRIDE = "DISCREET_GRID_CLASSPATH";

    private GridClasspath() { }

    /**
     * The class path: {@value #OVERRIDE} when set, else {@code mvn dependency:build-classpath} over {@code gridPom},
     * written to {@code out} (offline first; online only when {@code allowDownload}).
     */
    public static String resolve(Path gridPom, Path out, boolean allowDownload) {
        String given = System.getProperty(OVERRIDE, System.getenv(OVERRIDE));
        if (given != null && !given.isBlank()) return read(given.trim());
        if (!Files.isRegularFile(gridPom)) {
            throw new IllegalStateException("no " + gridPom + ": run from the project folder, or set " + OVERRIDE
                    + " to Selenium Grid 4.47.0's class path");
        }
        String cached = cached(gridPom, out);
        if (cached != null) return cached;
        IOException last = null;
        for (boolean offline : allowDownload ? List.of(true, false) : List.of(true)) {
            List<String> cmd = new ArrayList<>(List.of("mvn", "-q", "-B", "-f", gridPom.toAbsolutePath().toString(),
                    "dependency:build-classpath", "-Dmdep.outputFile=" + out.toAbsolutePath()));
            if (offline) cmd.add(1, "-o");
            try {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Path log = out.resolveSibling(out.getFileName() + ".log");
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("resolving Selenium Grid's class path took over 10 minutes");
                }
                if (p.exitValue() == 0 && Files.isRegularFile(out)) return read(out.toString());
                last = new IOException("mvn exited " + p.exitValue() + ": " + tail(log));
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while resolving Selenium Grid's class path", e);
            }
        }
        throw new IllegalStateException("cannot resolve Selenium Grid 4.47.0 with Maven (" + last.getMessage()
                + "); run `mvn -f harness/grid/pom.xml dependency:build-classpath` once online, or set " + OVERRIDE);
    }

    /**
     * The class path written to {@code out} by an earlier resolution, when it is newer than {@code gridPom} and every
     * entry still exists (a Maven run costs ~6 s of CPU; two tests and the grid command each asked for it).
     */
    static String cached(Path gridPom, Path out) {
        try {
            if (!Files.isRegularFile(out)
                    || Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(gridPom)) <= 0) {
                return null;
            }
            String cp = Files.readString(out, StandardCharsets.UTF_8).trim();
            if (cp.isEmpty()) return null;
            for (String entry : cp.split(java.io.File.pathSeparator)) {
                if (!Files.isRegularFile(Path.of(entry))) return null;
            }
            return cp;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null; // resolve again
        }
    }

    private static String read(String pathOrClasspath) {
        Path f = Path.of(pathOrClasspath);
        if (!pathOrClasspath.contains(java.io.File.pathSeparator) && Files.isRegularFile(f)
                && !pathOrClasspath.endsWith(".jar")) {
            try {
                return Files.readString(f, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Grid class path from " + f, e);
            }
        }
        return pathOrClasspath;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
