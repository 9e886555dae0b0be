package dev.discreet.harness.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.discreet.tasks.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat-completions server on 127.0.0.1 that answers from a script: each request takes the next scripted step
 * (a function of the request), and once the script is used up it answers "terminate fail". It stops by itself
 * after {@code lifetime} even if a test forgets to close it.
 */
final class FakeChatServer implements AutoCloseable {
    /** One request as received: its JSON body and Authorization header. */
    record Request(int n, JsonNode body, String authorization) {
        /** The text of the last user message (the current screen's element list). */
        String lastUserText() {
            JsonNode msgs = body.get("messages");
            for (int i = msgs.size() - 1; i >= 0; i--) {
                JsonNode m = msgs.get(i);
                if (!"user".equals(m.get("role").asText())) continue;
                JsonNode c = m.get("content");
                if (c.isTextual()) return c.asText();
                StringBuilder sb = new StringBuilder();
                for (JsonNode part : c) if (part.has("text")) sb.append(part.get("text").asText());
                return sb.toString();
            }
            return "";
        }

        int images() {
            int n = 0;
            for (JsonNode m : body.get("messages")) {
                JsonNode c = m.get("content");
                if (c != null && c.isArray()) for (JsonNode p : c) if ("image_url".equals(p.path("type").asText())) n++;
            }
            return n;
        }

        /** The centre "(x, y)" the prompt gives for the element whose name contains {@code name}. */
        String centreOf(String name) {
            Matcher m = Pattern.compile("\\[(\\d+)] \\S+ \"[^\"\\n]*" + Pattern.quote(name) + "[^\"\\n]*\"[^\\n]*?\\(([-0-9.]+), ([-0-9.]+)\\)")
                    .matcher(lastUserText());
            if (!m.find()) throw new AssertionError("no element named '" + name + "' in:\n" + lastUserText());
            return "\"x\":" + m.group(2) + ",\"y\":" + m.group(3);
        }

        /** The index the prompt gives the element whose name contains {@code name}. */
        int indexOf(String name) {
            Matcher m = Pattern.compile("\\[(\\d+)] \\S+ \"[^\"\\n]*" + Pattern.quote(name)).matcher(lastUserText());
            if (!m.find()) throw new AssertionError("no element named '" + name + "' in:\n" + lastUserText());
            return Integer.parseInt(m.group(1));
        }
    }

    /** What to answer: HTTP status, body and a delay before answering. */
    record Reply(int status, String body, Duration delay) {
        static Reply text(String content, long promptTokens, long completionTokens) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_700_000_000L)
                    .put("model", "fake-model");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
            return new Reply(200, root.toString(), Duration.ZERO);
        }

        static Reply status(int status) {
            return new Reply(status, "{\"error\":{\"message\":\"scripted " + status + "\",\"type\":\"fake\"}}",
                    Duration.ZERO);
        }

        Reply after(Duration d) { return new Reply(status, body, d); }
    }

    private final HttpServer server;
    private final java.net.ServerSocket http10;
    private final Deque<Function<Request, Reply>> script;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Thread watchdog;
    private Function<Request, Reply> whenDone = r -> Reply.text("{\"action\":\"terminate\",\"status\":\"fail\"}", 1, 1);

    @SafeVarargs
    static FakeChatServer start(Function<Request, Reply>... steps) {
        return new FakeChatServer(List.of(steps), Duration.ofMinutes(10), false);
    }

    /**
     * Like {@link #start}, but speaking HTTP/1.0 and closing each connection after its reply without saying so
     * (no {@code Connection: close}), as simple servers do: a client that pools the connection finds it closed.
     */
    @SafeVarargs
    static FakeChatServer startClosingEachConnection(Function<Request, Reply>... steps) {
        return new FakeChatServer(List.of(steps), Duration.ofMinutes(10), true);
    }

    private FakeChatServer(List<Function<Request, Reply>> steps, Duration lifetime, boolean closeEach) {
        this.script = new ArrayDeque<>(steps);
        try {
            if (closeEach) {
                server = null;
                http10 = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Thread acceptor = new Thread(this::acceptHttp10, "fake-chat-http10");
                acceptor.setDaemon(true);
                acceptor.start();
            } else {
                http10 = null;
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        watchdog = new Thread(() -> {
            try {
                Thread.sleep(lifetime.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            close();
        }, "fake-chat-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        if (server == null) return;
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-chat");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** One request per connection: read it, answer HTTP/1.0 with a Content-Length, close. */
    private void acceptHttp10() {
        while (!http10.isClosed()) {
            try (java.net.Socket s = http10.accept()) {
                java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(s.getInputStream()));
                int length = 0;
                String auth = null;
                for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                    int colon = line.indexOf(':');
                    if (colon < 0) continue;
                    String name = line.substring(0, colon).trim(), value = line.substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("Content-Length")) length = Integer.parseInt(value);
                    if (name.equalsIgnoreCase("Authorization")) auth = value;
                }
                byte[] body = new byte[length];
                in.readFully(body);
                Reply r = answer(Json.mapper().readTree(body), auth);
                byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.0 " + r.status() + " Scripted\r\nContent-Type: application/json\r\n"
                        + (r.status() == 429 ? "Retry-After: 0\r\n" : "") + "Content-Length: " + out.length + "\r\n\r\n";
                OutputStream os = s.getOutputStream();
                os.write(head.getBytes(StandardCharsets.US_ASCII));
                os.write(out);
                os.flush();
            } catch (IOException | RuntimeException e) {
                // closed while stopping, or a client that hung up: go on with the next connection
            }
        }
    }

    private static String readLine(java.io.DataInputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') return b.toString().stripTrailing();
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** The scripted reply to one request (recorded first), after its delay. */
    private Reply answer(JsonNode body, String authorization) {
        Request req;
        synchronized (requests) {
            req = new Request(requests.size() + 1, body, authorization);
            requests.add(req);
        }
        Function<Request, Reply> step;
        synchronized (script) {
            step = script.isEmpty() ? whenDone : script.poll();
        }
        Reply r;
        try {
            r = step.apply(req);
        } catch (AssertionError e) {
            r = new Reply(500, "{\"error\":{\"message\":\"script failed: " + e.getMessage().replace('"', '\'')
                    .replace('\n', ' ') + "\"}}", Duration.ZERO);
        }
        if (!r.delay().isZero()) {
            try {
                Thread.sleep(r.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return r;
    }

    /** What to answer once the script is used up (default: terminate fail). */
    FakeChatServer otherwise(Function<Request, Reply> f) {
        whenDone = f;
        return this;
    }

    URI baseUrl() {
        int port = server != null ? server.getAddress().getPort() : http10.getLocalPort();
        return URI.create("http://127.0.0.1:" + port + "/v1");
    }

    List<Request> requests() { return List.copyOf(requests); }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode body = Json.mapper().readTree(ex.getRequestBody().readAllBytes());
            Reply r = answer(body, ex.getRequestHeaders().getFirst("Authorization"));
            byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            if (r.status() == 429) ex.getResponseHeaders().set("Retry-After", "0");
            try {
                ex.sendResponseHeaders(r.status(), out.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            } catch (IOException clientGone) {
                // the client timed out and hung up: nothing to answer
            }
        }
    }

    @Override
    public void close() {
        if (watchdog != Thread.currentThread()) watchdog.interrupt();
        if (server != null) server.stop(0);
        if (http10 != null) {
            try {
                http10.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
