package dev.discreet.mockapps.internal;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.DbDump;
import dev.discreet.tasks.evidence.EntryEvent;
import dev.discreet.tasks.evidence.JsonLinesWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live state of one episode: its databases, its entries file, the current step and the app-access grants.
 * Every mutation and every page is served under this object's lock, so an episode sees one request at a time.
 */
public final class EpisodeContext {
    public final String token;
    public final String id;
    /** URL path prefix of this episode, e.g. {@code /e/ab12cd34ef56} (no trailing slash). */
    public final String prefix;
    public final TaskSuite suite;
    private final Map<String, Connection> dbs;
    private final Path dir;
    private final JsonLinesWriter entries;
    private final Set<String> granted = ConcurrentHashMap.newKeySet();
    private volatile int step;
    private long seq;
    private volatile boolean closed;

    public EpisodeContext(String token, String id, TaskSuite suite, Map<String, Connection> dbs, Path dir,
                          JsonLinesWriter entries) {
        this.token = token;
        this.id = id;
        this.prefix = "/e/" + token;
        this.suite = suite;
        this.dbs = dbs;
        this.dir = dir;
        this.entries = entries;
    }

    public Connection db(String app) {
        Connection c = dbs.get(app);
        if (c == null) throw new IllegalArgumentException("no database for app '" + app + "'");
        return c;
    }

    public int step() { return step; }

    public void setStep(int step) { this.step = step; }

    public boolean closed() { return closed; }

    public void grant(String app) { granted.add(app); }

    public boolean mayOpen(String app) {
        return suite.profile().appLevel(app) != dev.discreet.tasks.Level.HIGH || granted.contains(app);
    }

    /** Highest entry seq recorded per page (recorder.js numbers a document's entries from 1). */
    private final Map<String, Long> pageSeq = new java.util.HashMap<>();

    /** Whether entry {@code seq} of {@code page} is new (and marks it recorded): a page may send an entry twice. */
    public synchronized boolean firstDelivery(String page, long seq) {
        Long last = pageSeq.get(page);
        if (last != null && seq <= last) return false;
        pageSeq.put(page, seq);
        return true;
    }

    /** Appends one entry event (seq and time assigned here) and keeps the app's drafts table at the latest value. */
    public synchronized EntryEvent record(String app, String form, String field, String value, String kind) {
        EntryEvent e = new EntryEvent(++seq, System.currentTimeMillis(), id, step, app, form, field,
                value == null ? "" : value, kind);
        entries.append(e);
        AppSchema schema = suite.apps().get(app);
        if (schema != null && schema.tables().containsKey("drafts") && dbs.containsKey(app)) {
            Db.update(db(app), "INSERT INTO drafts(form, field, value, step) VALUES (?,?,?,?) "
                    + "ON CONFLICT(form, field) DO UPDATE SET value = excluded.value, step = excluded.step",
                    form, field, e.value(), step);
        }
        return e;
    }

    /** All apps' declared tables, every row, declared columns in order (ints as numbers, text as strings). */
    public synchronized DbDump dump() {
        Map<String, Map<String, List<Map<String, Object>>>> out = new LinkedHashMap<>();
        for (AppSchema app : new TreeMap<>(suite.apps()).values()) {
            Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> t : app.tables().entrySet()) {
                List<String> cols = new ArrayList<>();
                for (String c : t.getValue()) cols.add(Db.quote(c));
                List<Map<String, Object>> rows = Db.query(db(app.id()), "SELECT " + String.join(", ", cols)
                        + " FROM " + Db.quote(t.getKey()) + " ORDER BY rowid");
                List<Map<String, Object>> clean = new ArrayList<>();
                for (Map<String, Object> r : rows) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    int i = 0;
                    for (Object v : r.values()) row.put(t.getValue().get(i++), v);
                    clean.add(row);
                }
                tables.put(t.getKey(), clean);
            }
            out.put(app.id(), tables);
        }
        return new DbDump(out);
    }

    /** The head of the entries chain (null when unchained). */
    public dev.discreet.tasks.evidence.EvidenceChain.Head entriesHead() { return entries.head(); }

    /** Closes connections and the entries writer, then deletes the per-episode database files. */
    public synchronized void close() {
        if (closed) return;
        closed = true;
        RuntimeException first = null;
        for (Connection c : dbs.values()) {
            try {
                c.close();
            } catch (SQLException e) {
                if (first == null) first = new IllegalStateException("cannot close episode database", e);
            }
        }
        try {
            entries.close();
        } catch (RuntimeException e) {
            if (first == null) first = e;
        }
        deleteTree(dir);
        if (first != null) throw first;
    }

    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (var s = Files.walk(root)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: temp files only
        }
    }
}
