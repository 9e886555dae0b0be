package dev.discreet.harness.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.device.DeviceFailureException.Kind;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.remote.UnreachableBrowserException;

/** Every failure inside a device is the device's, classified by type (no message matching); invalid actions stay the agent's. */
class DeviceFailureExceptionTest {

    private static DeviceFailureException classify(Throwable t) {
        RuntimeException r = DeviceFailureException.classify("observe", t);
        assertThat(r).isInstanceOf(DeviceFailureException.class).hasCause(t);
        return (DeviceFailureException) r;
    }

    @Test
    void webDriverFailuresAreClassifiedByType() {
        assertThat(classify(new NoSuchSessionException("invalid session id")).kind()).isEqualTo(Kind.SESSION_LOST);
        assertThat(classify(new SessionNotCreatedException("chrome failed to start")).kind())
                .isEqualTo(Kind.SESSION_LOST);
        assertThat(classify(new UnreachableBrowserException("Could not start a new session")).kind())
                .isEqualTo(Kind.UNREACHABLE);
        assertThat(classify(new TimeoutException("page load")).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(classify(new ScriptTimeoutException("script")).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(classify(new JavascriptException("chrome not reachable")).kind()).isEqualTo(Kind.DRIVER);
        assertThat(classify(new WebDriverException("disconnected: not connected to DevTools")).kind())
                .isEqualTo(Kind.DRIVER);
        assertThat(classify(new UncheckedIOException(new ConnectException("Connection refused"))).kind())
                .isEqualTo(Kind.UNREACHABLE);
        // Anything else thrown inside a device (a null script result after a crash, say) is still the device's.
        assertThat(classify(new NullPointerException()).kind()).isEqualTo(Kind.DRIVER);
    }

    @Test
    void theMessageSaysWhatFailedAndKeepsOnlyTheFirstLineOfWebDriverText() {
        DeviceFailureException e = classify(new NoSuchSessionException("invalid session id\nBuild info: version: "
                + "'4.52.0'\nSystem info: os.name: 'Linux'"));
        assertThat(e.operation()).isEqualTo("observe");
        assertThat(e.getMessage()).isEqualTo("device failure (session lost) during observe: NoSuchSessionException: "
                + "invalid session id");
    }

    @Test
    void anInvalidActionStaysTheAgentsAndADeviceFailureIsNotWrappedTwice() {
        InvalidActionException invalid = new InvalidActionException("type: no text field has focus");
        assertThat(DeviceFailureException.classify("act type", invalid)).isSameAs(invalid);
        DeviceFailureException once = new DeviceFailureException(Kind.PAGE_LOAD, "observe", "did not load", null);
        assertThat(DeviceFailureException.classify("observe", once)).isSameAs(once);
    }
}
