package dev.discreet.harness.device;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.discreet.tasks.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.remote.ErrorCodec;
import org.openqa.selenium.remote.UnreachableBrowserException;

/**
 * The W3C WebDriver calls a phone makes on every step (DevTools passthrough, pointer actions), sent straight to its
 * session on the Appium server or Grid hub: the same endpoints and bodies as Selenium's client, without its
 * per-call cost. Selenium's JSON writer looks up {@code toJson}/{@code asMap}/{@code toMap} by reflection on every
 * map it writes (each miss a thrown {@code NoSuchMethodException}: ~50 per step) and escapes strings one boxed
 * character at a time (the ~6 KB element script on every observation), and its HTTP client hands each call to two
 * more threads; together ~a third of the harness JVM's CPU (BENCHMARKS.md, session 8). Errors come back as the same
 * {@link WebDriverException} subclasses (Selenium's own {@link ErrorCodec}), so failures are classified as before.
 */
final class SessionWire {
    /** Selenium's client defaults ({@code ClientConfig.defaultConfig()}). */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(3);
    private static final ErrorCodec ERRORS = ErrorCodec.createDefault();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final String session;
    private final String shownSession;
    private final String authorization;

    /** Calls on session {@code sessionId} of the server (or hub) at {@code server}, e.g. {@code http://127.0.0.1:4723}. */
    SessionWire(URL server, String sessionId) {
        String base = server.toString().replaceAll("/+$", "");
        if (server.getUserInfo() != null) base = base.replace(server.getUserInfo() + "@", "");
        this.session = base + "/session/" + sessionId;
        this.shownSession = Endpoints.redact(server).replaceAll("/+$", "") + "/session/" + sessionId;
        // A Grid URL may carry user and password: sent as Basic authentication, as Selenium's client does.
        String user = server.getUserInfo();
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                URLDecoder.decode(user, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * POSTs {@code body} (maps, lists, strings, numbers, booleans) to {@code path} below the session and returns the
     * reply's {@code value}.
     *
     * @throws WebDriverException what the server answered (e.g. {@code NoSuchSessionException}), an
     *                            {@link UnreachableBrowserException} when it could not be reached, a
     *                            {@link TimeoutException} when it did not answer within 3 minutes
     */
    Object post(String path, Object body) {
        String url = session + path;
        try {
            byte[] out = Json.mapper().writeValueAsBytes(body);
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            c.setReadTimeout((int) READ_TIMEOUT.toMillis());
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            c.setRequestProperty("Accept", "application/json");
            if (authorization != null) c.setRequestProperty("Authorization", authorization);
            // No streaming mode: a buffered body lets the JDK resend once on a kept-alive connection the server
            // had closed (Node closes idle ones after 5 s; an agent can think longer than that).
            try (OutputStream o = c.getOutputStream()) {
                o.write(out);
            }
            int status = c.getResponseCode();
            byte[] reply;
            // Read to the end and close: that returns the connection to the keep-alive cache.
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                reply = in == null ? new byte[0] : in.readAllBytes();
            }
            return value(status, reply, "POST " + shownSession + path);
        } catch (SocketTimeoutException e) {
            throw new TimeoutException("no answer from " + shownSession + path + " within "
                    + READ_TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new UnreachableBrowserException("could not reach " + shownSession + path + ": " + e, e);
        }
    }

    /** The {@code value} of a W3C reply, or the error it carries as Selenium's exception for it. */
    static Object value(int status, byte[] reply, String call) {
        Map<String, Object> json;
        try {
            json = reply.length == 0 ? null : Json.mapper().readValue(reply, MAP);
        } catch (IOException e) {
            json = null;
        }
        Object value = json == null ? null : json.get("value");
        boolean w3cError = value instanceof Map<?, ?> v && v.get("error") instanceof String;
        if (status < 400 && !w3cError && json != null && json.containsKey("value")) return value;
        String text = new String(reply, StandardCharsets.UTF_8);
        String shown = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        if (w3cError) {
            WebDriverException e;
            try {
                e = ERRORS.decode(json);
            } catch (RuntimeException unreadable) { // e.g. a message that is not a string
                e = new WebDriverException(call + " answered an error Selenium cannot read: " + shown, unreadable);
            }
            throw e;
        }
        throw new WebDriverException(call + " answered HTTP " + status + " with no W3C reply: " + shown);
    }
}
