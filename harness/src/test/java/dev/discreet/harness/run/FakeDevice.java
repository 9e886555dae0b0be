package dev.discreet.harness.run;

import dev.discreet.harness.device.Device;
import dev.discreet.harness.device.DeviceFailureException;
import dev.discreet.harness.device.Observation;
import dev.discreet.tasks.action.Action;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.openqa.selenium.NoSuchSessionException;

/**
 * A device without a browser: an empty screen at the last URL loaded. {@code failWhen} decides, per call
 * ("reset", "observe", "act", "open"), whether it fails as a dead WebDriver session does (classified the way every
 * device must classify its failures).
 */
final class FakeDevice implements Device {
    static final byte[] PNG = png();
    final AtomicInteger calls = new AtomicInteger();
    private final Predicate<String> failWhen;
    volatile boolean closed;
    private String url = "about:blank";

    FakeDevice(Predicate<String> failWhen) { this.failWhen = failWhen; }

    static FakeDevice healthy() { return new FakeDevice(op -> false); }

    /** Fails every call of {@code op} from its {@code n}-th on (1-based). */
    static FakeDevice failingAt(String op, int n) {
        AtomicInteger seen = new AtomicInteger();
        return new FakeDevice(o -> o.equals(op) && seen.incrementAndGet() >= n);
    }

    private void maybeFail(String op) {
        calls.incrementAndGet();
        if (closed) throw new IllegalStateException("fake device used after close");
        if (failWhen.test(op)) {
            throw DeviceFailureException.classify(op, new NoSuchSessionException("invalid session id: session deleted "
                    + "as the browser has closed the connection"));
        }
    }

    @Override
    public Observation observe() {
        maybeFail("observe");
        return new Observation(PNG, 1, 1, List.of(), url, "fake");
    }

    @Override
    public void act(Action action, URI homeUri) { maybeFail("act"); }

    @Override
    public void open(URI uri) {
        maybeFail("open");
        url = uri.toString();
    }

    @Override
    public void reset(URI start) {
        maybeFail("reset");
        url = start.toString();
    }

    @Override
    public String currentUrl() { return url; }

    @Override
    public int screenWidth() { return 1082; }

    @Override
    public int screenHeight() { return 2402; }

    @Override
    public String describe() { return "fake device"; }

    @Override
    public void close() { closed = true; }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
