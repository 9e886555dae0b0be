package dev.discreet.harness.internal;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Offline re-audit of many bundle folders on several threads: each bundle is read, its seal checked, audited and its
 * {@code audit.json} written exactly as {@link Auditor#auditAndWrite} does one at a time (bundles share nothing but
 * read-only files, and the audit is a pure function of a bundle), results in the order given.
 */
public final class ReAudit {
    private ReAudit() {}

    /** One bundle's outcome: its audit, or why it could not be audited at all (e.g. an unreadable task.json). */
    public record Outcome(Path dir, EpisodeAudit audit, RuntimeException error) {
        public boolean ok() { return audit != null; }
    }

    /** Threads to use by default: one per core. */
    public static int defaultThreads() { return Runtime.getRuntime().availableProcessors(); }

    /**
     * Audits and writes every bundle of {@code dirs} on {@code threads} threads (1: on the calling thread). One bad
     * bundle never stops the others: its exception is its outcome.
     */
    public static List<Outcome> auditAndWrite(List<Path> dirs, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        List<Outcome> out = new ArrayList<>(dirs.size());
        if (threads == 1 || dirs.size() < 2) {
            for (Path d : dirs) out.add(one(d));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, dirs.size()), r -> {
            Thread t = new Thread(r, "discreet-audit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> fs = new ArrayList<>(dirs.size());
            for (Path d : dirs) fs.add(pool.submit(() -> one(d)));
            for (Future<Outcome> f : fs) out.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("re-audit interrupted", e);
        } catch (ExecutionException e) {
            // one() catches every RuntimeException; an Error (out of memory) is not the bundle's
            throw new IllegalStateException("re-audit failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static Outcome one(Path dir) {
        try {
            return new Outcome(dir, Auditor.auditAndWrite(dir), null);
        } catch (RuntimeException e) {
            return new Outcome(dir, null, e);
        }
    }
}
