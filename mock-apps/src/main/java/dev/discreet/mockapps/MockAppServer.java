package dev.discreet.mockapps;

import com.sun.net.httpserver.HttpServer;
import dev.discreet.mockapps.internal.AppPages;
import dev.discreet.mockapps.internal.EpisodeContext;
import dev.discreet.mockapps.internal.GenericPages;
import dev.discreet.mockapps.internal.ListingPages;
import dev.discreet.mockapps.internal.PrivacyPages;
import dev.discreet.mockapps.internal.Router;
import dev.discreet.mockapps.internal.SeedDb;
import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.JsonLinesWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mock apps of a task suite, served as mobile web apps on 127.0.0.1 by an embedded HTTP server (or where a
 * {@link MockAppNetwork} says, for devices on other machines).
 * <p>
 * Why this shape: a device (headless Chromium or Chrome on an emulator) only needs a URL, and the harness needs
 * fast, isolated resets. Each app's seed SQLite database is built once here; {@link #beginEpisode} copies the seed
 * files, so a reset takes milliseconds and several episodes (parallel devices) can be live at once, each under its
 * own URL prefix {@code /e/{token}/}.
 */
public final class MockAppServer implements AutoCloseable {
    private static final int THREADS = 8;

    private final TaskSuite suite;
    private final HttpServer http;
    private final ExecutorService pool;
    private final Path tempDir;
    private final Map<String, Path> seeds;
    private final Map<String, EpisodeContext> episodes = new ConcurrentHashMap<>();
    private final URI base;
    private volatile boolean closed;

    private MockAppServer(TaskSuite suite, HttpServer http, ExecutorService pool, Path tempDir, Map<String, Path> seeds,
                          URI base) {
        this.suite = suite;
        this.http = http;
        this.pool = pool;
        this.tempDir = tempDir;
        this.seeds = seeds;
        this.base = base;
    }

    /**
     * Builds the seed databases (in a temp folder deleted on {@link #close()}) and starts serving on a free port of
     * 127.0.0.1.
     *
     * @throws IllegalArgumentException if an app schema lacks a table/column its built-in pages need
     */
    public static MockAppServer start(TaskSuite suite) {
        return start(suite, MockAppNetwork.LOOPBACK);
    }

    /**
     * As {@link #start(TaskSuite)}, listening where {@code network} says and giving devices its advertised URL
     * ({@link #baseUri()}). Only an explicit bind address reaches beyond this machine.
     */
    public static MockAppServer start(TaskSuite suite, MockAppNetwork network) {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(network, "network");
        java.net.InetAddress address = network.address(); // a bad address fails before anything is built
        Path tmp;
        try {
            // Named after this JVM, so that the harness can tell a folder left by a killed run from one in use.
            tmp = Files.createTempDirectory("discreet-mock-apps-" + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp folder for the mock-app databases", e);
        }
        ExecutorService pool = null;
        try {
            Map<String, Path> seeds = new LinkedHashMap<>();
            Map<String, AppPages> pages = new LinkedHashMap<>();
            Files.createDirectories(tmp.resolve("seed"));
            for (AppSchema app : suite.apps().values()) {
                Path seed = tmp.resolve("seed").resolve(app.id() + ".db");
                SeedDb.create(seed, app, suite);
                seeds.put(app.id(), seed);
                // Every domain app is data: a listing app gets the listing engine, any other app its forms. Only
                // the privacy manager, part of the phone rather than a domain app, has pages of its own.
                pages.put(app.id(), app.id().equals(PrivacyPages.APP) ? new PrivacyPages(app)
                        : app.listing() != null ? new ListingPages(app) : new GenericPages(app));
            }
            HttpServer http = HttpServer.create(new InetSocketAddress(address, network.port()), 64);
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "mock-apps-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            http.setExecutor(pool);
            MockAppServer[] self = new MockAppServer[1];
            http.createContext("/", new Router(suite, token -> self[0].episodes.get(token), Map.copyOf(pages)));
            self[0] = new MockAppServer(suite, http, pool, tmp, Map.copyOf(seeds),
                    network.baseUri(http.getAddress().getPort()));
            http.start();
            return self[0];
        } catch (IOException e) {
            if (pool != null) pool.shutdownNow();
            EpisodeContext.deleteTree(tmp);
            throw new UncheckedIOException("cannot start the mock-app server", e);
        } catch (RuntimeException e) {
            if (pool != null) pool.shutdownNow();
            EpisodeContext.deleteTree(tmp);
            throw e;
        }
    }

    /** The address and port the server listens on (loopback unless a {@link MockAppNetwork} said otherwise). */
    public InetSocketAddress address() { return http.getAddress(); }

    /** The URL devices open: {@code http://127.0.0.1:{port}/} unless the network advertises another. */
    public URI baseUri() { return base; }

    /**
     * Starts an episode with fresh app databases (copies of the seeds) and opens
     * {@code evidenceDir/entries.jsonl} for append.
     */
    public MockEpisode beginEpisode(String episodeId, Path evidenceDir) {
        return beginEpisode(episodeId, evidenceDir, List.of());
    }

    /**
     * Like {@link #beginEpisode(String, Path)}, with the privacy manager's saved items pre-filled: a later session of
     * a cross-session pair starts with what the earlier session saved (nothing else carries over).
     *
     * @param memory saved items from an earlier episode (e.g. {@link MockEpisode#savedItems()} of it); may be empty
     */
    public MockEpisode beginEpisode(String episodeId, Path evidenceDir, List<SavedItem> memory) {
        return beginEpisode(episodeId, evidenceDir, memory, null);
    }

    /**
     * Like {@link #beginEpisode(String, Path, List)}, with {@code entries.jsonl} chained under the run's evidence
     * keys (see {@link dev.discreet.tasks.evidence.EvidenceChain}); {@link MockEpisode#entriesHead()} then gives the
     * chain's head. {@code keys} null: unchained.
     */
    public MockEpisode beginEpisode(String episodeId, Path evidenceDir, List<SavedItem> memory,
                                    dev.discreet.tasks.evidence.EvidenceKeys keys) {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(evidenceDir, "evidenceDir");
        if (closed) throw new IllegalStateException("mock-app server is closed");
        String token;
        do {
            byte[] b = new byte[6];
            ThreadLocalRandom.current().nextBytes(b);
            token = HexFormat.of().formatHex(b);
        } while (episodes.containsKey(token));
        Path dir = tempDir.resolve("episodes").resolve(token);
        Map<String, Connection> dbs = new LinkedHashMap<>();
        JsonLinesWriter entries = null;
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, Path> seed : seeds.entrySet()) {
                Path file = dir.resolve(seed.getKey() + ".db");
                Files.copy(seed.getValue(), file);
                Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                dbs.put(seed.getKey(), c);
                try (Statement st = c.createStatement()) {
                    // Scratch copies: the evidence is the dump and entries.jsonl, not these files.
                    st.execute("PRAGMA synchronous = OFF");
                }
            }
            entries = new JsonLinesWriter(evidenceDir.resolve(EvidenceFiles.ENTRIES), keys,
                    keys == null ? null : dev.discreet.tasks.evidence.EvidenceChain.genesis(episodeId, EvidenceFiles.ENTRIES));
        } catch (IOException | SQLException | RuntimeException e) {
            for (Connection c : dbs.values()) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
            EpisodeContext.deleteTree(dir);
            throw new IllegalStateException("cannot begin episode '" + episodeId + "': " + e.getMessage(), e);
        }
        EpisodeContext ctx = new EpisodeContext(token, episodeId, suite, dbs, dir, entries);
        MockEpisode episode = new MockEpisode(this, ctx);
        try {
            for (SavedItem m : memory) episode.saveProfileItem(m.key(), m.value(), m.level(), 0, m.source());
        } catch (RuntimeException e) {
            ctx.close();
            throw new IllegalStateException("cannot seed the saved items of episode '" + episodeId + "': " + e.getMessage(), e);
        }
        episodes.put(token, ctx);
        return episode;
    }

    void endEpisode(EpisodeContext ctx) {
        episodes.remove(ctx.token, ctx);
        ctx.close();
    }

    /** Stops serving, ends live episodes and deletes the temp folder. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        http.stop(0);
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        for (EpisodeContext ctx : List.copyOf(episodes.values())) {
            try {
                endEpisode(ctx);
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
        EpisodeContext.deleteTree(tempDir);
    }
}
