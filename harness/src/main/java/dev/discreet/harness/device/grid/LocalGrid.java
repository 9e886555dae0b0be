package dev.discreet.harness.device.grid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.harness.internal.ChildEnvironment;
import dev.discreet.tasks.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Selenium Grid 4 on this machine: a hub and one relay node per Appium server, each its own JVM running
 * {@code org.openqa.selenium.grid.Bootstrap} on the Grid's class path ({@link GridClasspath}), everything on
 * 127.0.0.1. The run then talks to {@link #hubUrl()} only, as it would to a farm's hub.
 *
 * <p>Nothing outlives it: each JVM runs under a small shell watchdog that ends it when this JVM is gone (even after
 * SIGKILL), and {@link #close()} stops them all. Credentials in this JVM's environment are not passed on.
 */
public final class LocalGrid implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final String WATCHDOG = "\"$@\" & c=$!; trap 'kill $c 2>/dev/null; wait $c; exit 0' TERM INT; "
            + "while kill -0 \"$DISCREET_PARENT_PID\" 2>/dev/null && kill -0 $c 2>/dev/null; do sleep 1; done; "
            + "kill $c 2>/dev/null; wait $c";

    private final URL hub;
    private final Path dir;
    private final List<Process> processes;

    private LocalGrid(URL hub, Path dir, List<Process> processes) {
        this.hub = hub;
        this.dir = dir;
        this.processes = processes;
    }

    /**
     * Starts a hub and one relay node per server in {@code appiumServers} (one session each), writing configs and
     * logs into {@code dir}, and waits until every node has registered.
     */
    public static LocalGrid start(String classpath, List<URL> appiumServers, Path dir, Duration timeout) {
        if (appiumServers.isEmpty()) throw new IllegalArgumentException("a Grid needs at least one Appium server");
        List<Process> started = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            int hubPort = freePort(), publish = freePort(), subscribe = freePort();
            Files.writeString(dir.resolve("hub.toml"), GridConfigs.hub(LOOPBACK, hubPort, publish, subscribe));
            started.add(launch(classpath, dir, "hub", List.of("hub", "--config", dir.resolve("hub.toml").toString())));
            for (int i = 0; i < appiumServers.size(); i++) {
                String name = "node-" + (i + 1);
                Files.writeString(dir.resolve(name + ".toml"), GridConfigs.relayNode(LOOPBACK, freePort(), LOOPBACK,
                        publish, subscribe, appiumServers.get(i), 1, GridConfigs.CHROMIUM_STEREOTYPE));
                started.add(launch(classpath, dir, name,
                        List.of("node", "--config", dir.resolve(name + ".toml").toString())));
            }
            URL hub = URI.create("http://" + LOOPBACK + ":" + hubPort + "/").toURL();
            LocalGrid grid = new LocalGrid(hub, dir, List.copyOf(started));
            grid.awaitNodes(appiumServers.size(), timeout);
            return grid;
        } catch (IOException e) {
            stopAll(started);
            throw new UncheckedIOException("cannot start a Selenium Grid in " + dir, e);
        } catch (RuntimeException e) {
            stopAll(started);
            throw e;
        }
    }

    private static Process launch(String classpath, Path dir, String name, List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "grid-" + name, java, "-Xmx256m",
                "-cp", classpath, "org.openqa.selenium.grid.Bootstrap"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        for (String s : ChildEnvironment.secretsIn(System.getenv())) pb.environment().remove(s);
        pb.environment().put("DISCREET_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        pb.environment().put("SE_OFFLINE", "true");
        pb.environment().put("SE_AVOID_STATS", "true");
        return pb.start();
    }

    /** Waits until the hub reports {@code n} nodes, all up, and itself ready. */
    private void awaitNodes(int n, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Grid process exited (" + p.exitValue() + "); see the logs in "
                            + dir + ": " + last);
                }
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(hub.toURI().resolve("status"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode v = Json.mapper().readTree(r.body()).path("value");
                int up = 0;
                for (JsonNode node : v.path("nodes")) if ("UP".equals(node.path("availability").asText())) up++;
                last = "ready=" + v.path("ready").asBoolean() + ", nodes up " + up + " of " + n;
                if (v.path("ready").asBoolean() && up == n) return;
            } catch (IOException | java.net.URISyntaxException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Grid", e);
            }
            sleep(250);
        }
        throw new IllegalStateException("the Grid at " + hub + " was not ready within " + timeout.toSeconds() + " s ("
                + last + "); see the logs in " + dir);
    }

    /** The hub's URL: what a run's {@code --appium-url} is given. */
    public URL hubUrl() { return hub; }

    /** The hub's log (which node each session went to is in it). */
    public Path hubLog() { return dir.resolve("hub.log"); }

    /** Process ids of the Grid's JVMs and their watchdogs, for tests that check nothing is left. */
    public List<Long> pids() {
        List<Long> out = new ArrayList<>();
        for (Process p : processes) {
            out.add(p.pid());
            p.descendants().forEach(d -> out.add(d.pid()));
        }
        return out;
    }

    @Override
    public void close() { stopAll(processes); }

    private static void stopAll(List<Process> ps) {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : ps) {
            p.descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        for (ProcessHandle h : all) h.destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (ProcessHandle h : all) {
            while (h.isAlive() && System.nanoTime() < deadline) sleep(50);
            if (h.isAlive()) h.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for the Grid", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
