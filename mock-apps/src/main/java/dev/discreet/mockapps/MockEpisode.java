package dev.discreet.mockapps;

import dev.discreet.mockapps.internal.Db;
import dev.discreet.mockapps.internal.EpisodeContext;
import dev.discreet.mockapps.internal.Router;
import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.Level;
import dev.discreet.tasks.evidence.DbDump;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One live episode of the mock apps: its own databases, its own entries file and its own URL prefix
 * {@code /e/{token}/}, so parallel devices never see each other's state. Every field change an app page reports
 * is appended to {@code entries.jsonl} with the step set by {@link #setStep}.
 */
public final class MockEpisode implements AutoCloseable {
    private final MockAppServer server;
    private final EpisodeContext ctx;
    private final URI home;

    MockEpisode(MockAppServer server, EpisodeContext ctx) {
        this.server = server;
        this.ctx = ctx;
        this.home = server.baseUri().resolve("e/" + ctx.token + "/");
    }

    /** The episode id given to {@link MockAppServer#beginEpisode}; entry events carry it. */
    public String id() { return ctx.id; }

    /** The phone shell's home screen of this episode. */
    public URI homeUri() { return home; }

    /** The app's start page. */
    public URI appUri(String appId) {
        if (!ctx.suite.apps().containsKey(appId)) {
            throw new IllegalArgumentException("unknown app '" + appId + "' (known apps: "
                    + ctx.suite.apps().keySet().stream().sorted().toList() + ")");
        }
        return home.resolve("app/" + appId + "/");
    }

    /** Which app a page URL belongs to; empty for the home screen and for URLs outside any app. */
    public Optional<String> appOf(URI url) {
        if (url == null) return Optional.empty();
        List<String> seg = Router.segments(url.getPath());
        if (seg.size() >= 4 && seg.get(0).equals("e") && seg.get(2).equals("app")
                && ctx.suite.apps().containsKey(seg.get(3))) {
            return Optional.of(seg.get(3));
        }
        return Optional.empty();
    }

    /** The head of the chained {@code entries.jsonl} (null when it is not chained). */
    public dev.discreet.tasks.evidence.EvidenceChain.Head entriesHead() { return ctx.entriesHead(); }

    /** Sets the step that the following entry events (and created rows) carry; call before each action. */
    public void setStep(int step) { ctx.setStep(step); }

    /** Lets the agent open a HIGH app; until then every page of it shows "Access needs permission". */
    public void grantAppAccess(String appId) {
        appUri(appId); // validates
        ctx.grant(appId);
    }

    /** Whether a page of the app would open now (LOW app, or HIGH app already granted). */
    public boolean mayOpen(String appId) { return ctx.mayOpen(appId); }

    /** Upserts a saved item into the privacy manager's {@code saved_items} (the agent's memory write). */
    public void saveProfileItem(String key, String value, Level level, int step, String source) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(level, "level");
        synchronized (ctx) {
            Db.update(ctx.db(privacyApp()), "INSERT INTO saved_items(key, value, level, saved_step, source) "
                    + "VALUES (?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, level = excluded.level, "
                    + "saved_step = excluded.saved_step, source = excluded.source",
                    key, value == null ? "" : value, level.name(), step, source == null ? "" : source);
        }
    }

    /** The privacy manager's saved items now, in save order: what a later session of a pair starts with. */
    public List<SavedItem> savedItems() {
        synchronized (ctx) {
            return Db.query(ctx.db(privacyApp()), "SELECT key, value, level, source FROM saved_items ORDER BY rowid")
                    .stream().map(r -> new SavedItem(String.valueOf(r.get("key")), String.valueOf(r.get("value")),
                            Level.valueOf(String.valueOf(r.get("level"))), r.get("source") == null ? "" : String.valueOf(r.get("source"))))
                    .toList();
        }
    }

    /** Removes a saved item (no-op when absent). */
    public void deleteSavedItem(String key) {
        synchronized (ctx) {
            Db.update(ctx.db(privacyApp()), "DELETE FROM saved_items WHERE key = ?", key);
        }
    }

    /** All apps' declared tables with every row, for verification rules and the evidence bundle. */
    public DbDump dump() { return ctx.dump(); }

    /** Closes the databases and the entries writer and deletes the episode's database copies. Idempotent. */
    @Override
    public void close() { server.endEpisode(ctx); }

    private String privacyApp() {
        AppSchema app = ctx.suite.apps().get("privacy");
        if (app == null || !app.tables().containsKey("saved_items")) {
            throw new IllegalStateException("the suite has no privacy app with a saved_items table");
        }
        return app.id();
    }
}
