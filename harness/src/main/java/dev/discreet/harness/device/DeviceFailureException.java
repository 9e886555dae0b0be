package dev.discreet.harness.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.remote.UnreachableBrowserException;

/**
 * The device failed, not the agent: the browser or its session is gone, Appium or chromedriver failed or timed out,
 * a page did not load. Thrown only by {@link Device} implementations, which classify every failure at their own
 * boundary ({@link #classify}); an action the agent got wrong is an {@link InvalidActionException} instead. The
 * runners end the episode {@code INFRA_FAILED} (kept out of every score, rerun by {@code --resume}) and replace the
 * device before its next episode.
 */
public class DeviceFailureException extends RuntimeException {
    /** What kind of failure, for the episode's error line. */
    public enum Kind {
        /** The WebDriver session is gone or could not be created (browser or chromedriver died, server restarted). */
        SESSION_LOST,
        /** The Appium server or the browser cannot be reached. */
        UNREACHABLE,
        /** A WebDriver call timed out (page load, script). */
        TIMEOUT,
        /** A page did not finish loading in time. */
        PAGE_LOAD,
        /** Any other failure of the device, its driver or its server. */
        DRIVER
    }

    private final Kind kind;
    private final String operation;

    public DeviceFailureException(Kind kind, String operation, String detail, Throwable cause) {
        super("device failure (" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ") during "
                + operation + ": " + detail, cause);
        this.kind = kind;
        this.operation = operation;
    }

    public Kind kind() { return kind; }

    /** The device operation that failed, e.g. "observe", "act click", "reset", "connect". */
    public String operation() { return operation; }

    /**
     * Classifies a failure thrown while the device carried out {@code operation}. An {@link InvalidActionException}
     * stays what it is (the agent's doing); everything else raised inside a device is the device's.
     */
    public static RuntimeException classify(String operation, Throwable t) {
        if (t instanceof InvalidActionException e) return e;
        if (t instanceof DeviceFailureException e) return e;
        Kind kind;
        if (t instanceof NoSuchSessionException || t instanceof SessionNotCreatedException) kind = Kind.SESSION_LOST;
        else if (t instanceof UnreachableBrowserException) kind = Kind.UNREACHABLE;
        // ScriptTimeoutException is a WebDriverException but not a TimeoutException.
        else if (t instanceof TimeoutException || t instanceof ScriptTimeoutException) kind = Kind.TIMEOUT;
        else if (t instanceof WebDriverException) kind = Kind.DRIVER;
        else if (t instanceof UncheckedIOException || t instanceof IOException) kind = Kind.UNREACHABLE;
        else kind = Kind.DRIVER;
        return new DeviceFailureException(kind, operation, firstLine(t), t);
    }

    /**
     * Runs one device operation at a {@link Device} implementation's boundary: a touch outside the screen is the
     * agent's {@link InvalidActionException}, any other failure is {@link #classify classified}. Shared by every
     * device kind so that they draw the agent/infrastructure line in the same place.
     */
    public static <T> T guard(String operation, java.util.function.Supplier<T> op) {
        try {
            return op.get();
        } catch (org.openqa.selenium.interactions.MoveTargetOutOfBoundsException e) {
            throw new InvalidActionException(operation + ": the point is outside the screen");
        } catch (RuntimeException e) {
            throw classify(operation, e);
        }
    }

    /** {@link #guard} for an operation without a result. */
    public static void guardRun(String operation, Runnable op) {
        guard(operation, () -> {
            op.run();
            return null;
        });
    }

    /** WebDriver messages carry build and system information after the first line; the first says what happened. */
    private static String firstLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) return t.getClass().getSimpleName();
        String line = m.strip().lines().findFirst().orElse(m);
        return t.getClass().getSimpleName() + ": " + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }
}
