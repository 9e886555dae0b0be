package dev.discreet.harness.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.discreet.tasks.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.interactions.MoveTargetOutOfBoundsException;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.remote.UnreachableBrowserException;

@Timeout(30)
class SessionWireTest {
    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private final java.util.Set<Integer> clientPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile int status = 200;
    private volatile String reply = "{\"value\":null}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            clientPorts.add(x.getRemoteAddress().getPort());
            synchronized (requests) {
                requests.add(x.getRequestMethod() + " " + x.getRequestURI() + " auth=" + x.getRequestHeaders()
                        .getFirst("Authorization") + " type=" + x.getRequestHeaders().getFirst("Content-Type") + " "
                        + body);
            }
            byte[] out = reply.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status, out.length);
            x.getResponseBody().write(out);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    private URL url(String userInfo, String path) throws IOException {
        return new URL("http://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:"
                + server.getAddress().getPort() + path);
    }

    @Test
    void postsJsonToTheSessionsEndpointAndReturnsTheValue() throws IOException {
        reply = "{\"value\":{\"result\":{\"type\":\"string\",\"value\":\"{}\"}}}";
        SessionWire w = new SessionWire(url(null, "/wd/hub/"), "abc123");
        Object v = w.post("/goog/cdp/execute", Map.of("cmd", "Runtime.evaluate", "params", Map.of("expression",
                "\"quoted\" \u2022 text\n", "returnByValue", true)));
        assertThat(v).isEqualTo(Map.of("result", Map.of("type", "string", "value", "{}")));
        assertThat(requests).hasSize(1);
        String r = requests.get(0);
        assertThat(r).startsWith("POST /wd/hub/session/abc123/goog/cdp/execute auth=null "
                + "type=application/json; charset=utf-8 ");
        JsonNode body = Json.mapper().readTree(r.substring(r.indexOf(" {") + 1));
        assertThat(body.path("cmd").asText()).isEqualTo("Runtime.evaluate");
        assertThat(body.path("params").path("expression").asText()).isEqualTo("\"quoted\" \u2022 text\n");
        assertThat(body.path("params").path("returnByValue").asBoolean()).isTrue();
    }

    /** The actions body is Selenium's own encoding of the sequence, as its client would have sent it. */
    @Test
    void actionsGoAsSeleniumEncodesThem() throws IOException {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence s = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), 120, 341))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(new org.openqa.selenium.interactions.Pause(finger, Duration.ofMillis(800)))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        new SessionWire(url(null, ""), "s1").post("/actions", Map.of("actions", List.of(s.encode())));
        String r = requests.get(0);
        assertThat(r).startsWith("POST /session/s1/actions ");
        JsonNode sent = Json.mapper().readTree(r.substring(r.indexOf(" {") + 1));
        JsonNode selenium = Json.mapper().readTree(new org.openqa.selenium.json.Json().toJson(
                Map.of("actions", List.of(s.encode()))));
        assertThat(sent).isEqualTo(selenium);
        // and by hand: a touch pointer, moved, pressed, held, lifted
        JsonNode a = sent.path("actions").path(0);
        assertThat(a.path("type").asText()).isEqualTo("pointer");
        assertThat(a.path("parameters").path("pointerType").asText()).isEqualTo("touch");
        assertThat(a.path("actions").path(0).path("x").asInt()).isEqualTo(120);
        assertThat(a.path("actions").path(0).path("y").asInt()).isEqualTo(341);
        assertThat(a.path("actions").path(0).path("origin").asText()).isEqualTo("viewport");
        assertThat(a.path("actions").path(2).path("duration").asInt()).isEqualTo(800);
        assertThat(a.path("actions").path(3).path("type").asText()).isEqualTo("pointerUp");
    }

    @Test
    void userAndPasswordInTheUrlAreSentAsBasicAuthenticationNotInThePath() throws IOException {
        new SessionWire(url("grid%20user:s3cret", ""), "s1").post("/actions", Map.of("actions", List.of()));
        // base64("grid user:s3cret")
        assertThat(requests.get(0)).startsWith("POST /session/s1/actions auth=Basic Z3JpZCB1c2VyOnMzY3JldA== ");
    }

    @Test
    void w3cErrorsBecomeSeleniumsExceptionsForThem() throws IOException {
        SessionWire w = new SessionWire(url("u:secret", ""), "gone");
        status = 404;
        reply = "{\"value\":{\"error\":\"invalid session id\",\"message\":\"session gone\",\"stacktrace\":\"\"}}";
        assertThatThrownBy(() -> w.post("/actions", Map.of())).isInstanceOf(NoSuchSessionException.class)
                .hasMessageContaining("session gone");
        status = 500;
        reply = "{\"value\":{\"error\":\"move target out of bounds\",\"message\":\"out of bounds\"}}";
        assertThatThrownBy(() -> w.post("/actions", Map.of())).isInstanceOf(MoveTargetOutOfBoundsException.class);
        // A DevTools error the page raised while navigating: the message the settle loop retries on.
        reply = "{\"value\":{\"error\":\"unknown error\",\"message\":\"unknown error: Execution context was destroyed.\"}}";
        assertThatThrownBy(() -> w.post("/goog/cdp/execute", Map.of()))
                .satisfies(e -> assertThat(ChromiumPhone.documentGone(e)).isTrue());
        // An error whose message is not text: still a WebDriverException, with what the server said.
        reply = "{\"value\":{\"error\":\"unknown error\",\"message\":42}}";
        assertThatThrownBy(() -> w.post("/actions", Map.of())).isExactlyInstanceOf(WebDriverException.class)
                .hasMessageContaining("cannot read").hasMessageContaining("\"message\":42");
        // Not a W3C reply at all (a proxy's page): the status and the start of the body, never the password.
        status = 502;
        reply = "<html>Bad gateway</html>";
        assertThatThrownBy(() -> w.post("/actions", Map.of())).isExactlyInstanceOf(WebDriverException.class)
                .hasMessageContaining("HTTP 502").hasMessageContaining("Bad gateway")
                .hasMessageContaining("/session/gone/actions").hasMessageNotContaining("secret");
    }

    @Test
    void aServerThatIsNotThereIsUnreachable() throws IOException {
        URL u = url(null, "");
        server.stop(0);
        assertThatThrownBy(() -> new SessionWire(u, "s1").post("/actions", Map.of()))
                .isInstanceOf(UnreachableBrowserException.class).hasMessageContaining("/session/s1/actions");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0); // for stop()
    }

    /** One connection for a phone's calls, not one per step (each new one costs both sides a handshake). */
    @Test
    void callsOneAfterAnotherKeepTheirConnection() throws IOException {
        SessionWire w = new SessionWire(url(null, ""), "s1");
        for (int i = 0; i < 50; i++) w.post("/actions", Map.of("i", i));
        assertThat(requests).hasSize(50);
        assertThat(clientPorts).hasSizeLessThanOrEqualTo(2);
    }

    /**
     * A server closes a kept-alive connection the client still holds (Node does so after 5 idle seconds; a model can
     * think longer): the next call is sent again on a new connection, not failed as an unreachable device.
     */
    @Test
    void aKeptAliveConnectionTheServerClosedIsReplacedNotFailed() throws Exception {
        try (java.net.ServerSocket raw = new java.net.ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
            Thread t = new Thread(() -> {
                // Each connection: one request answered as kept alive, then closed by the server.
                while (!raw.isClosed()) {
                    try (java.net.Socket c = raw.accept()) {
                        java.io.BufferedInputStream in = new java.io.BufferedInputStream(c.getInputStream());
                        int length = 0;
                        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                                length = Integer.parseInt(line.substring(15).trim());
                            }
                        }
                        in.readNBytes(length);
                        byte[] body = ("{\"value\":" + answered.incrementAndGet() + "}").getBytes(StandardCharsets.UTF_8);
                        c.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + body.length + "\r\nConnection: keep-alive\r\n"
                                + "Keep-Alive: timeout=60\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        c.getOutputStream().write(body);
                        c.getOutputStream().flush();
                    } catch (IOException e) {
                        return; // closed at the end of the test
                    }
                }
            }, "closing-server");
            t.setDaemon(true);
            t.start();
            SessionWire w = new SessionWire(new URL("http://127.0.0.1:" + raw.getLocalPort()), "s1");
            assertThat(w.post("/actions", Map.of("i", 1))).isEqualTo(1);
            Thread.sleep(200); // the server has closed that connection by now
            assertThat(w.post("/actions", Map.of("i", 2))).isEqualTo(2);
            assertThat(w.post("/actions", Map.of("i", 3))).isEqualTo(3);
        }
    }

    private static String readLine(java.io.InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) if (c != '\r') b.append((char) c);
        return b.toString();
    }
}
