package dev.discreet.auditors.internal;

import dev.discreet.auditors.ScoringConstants;
import java.util.Arrays;

/**
 * Texts in a fixed order, indexed once so that the first one a {@link Canary} {@link Canary#find finds} is known
 * without trying each: the normalised texts joined by a line break (which normalising removes, so no match can
 * straddle two texts) are searched once per canary, and every window of {@link ScoringConstants#PARTIAL_DIGITS_RUN}
 * digits of every text is kept, sorted, with the texts it occurs in. An episode's databases hold ~1,000 cells and the
 * profile ten HIGH values: asked text by text, that search was a third of an offline re-audit.
 */
final class CellIndex {
    private final String joined;
    /** Offset in {@link #joined} where each text starts; one more entry: the end of the last text plus one. */
    private final int[] starts;
    /** {@code window << 32 | text}, sorted: the first entry of a window names the first text holding it. */
    private final long[] windows;

    private CellIndex(String joined, int[] starts, long[] windows) {
        this.joined = joined;
        this.starts = starts;
        this.windows = windows;
    }

    /** Number of texts. */
    int size() { return starts.length - 1; }

    /** The first text whose normalised form contains {@code normalised} (non-empty, itself normalised), or -1. */
    int firstContaining(String normalised) {
        int at = joined.indexOf(normalised);
        if (at < 0) return -1;
        int i = Arrays.binarySearch(starts, at);
        return i >= 0 ? i : -i - 2; // the text whose start is the last one at or before the match
    }

    /** The first text sharing a digit window with {@code runs} (windows as {@link Canary} cuts them), or -1. */
    int firstWithWindow(int[] runs) {
        int first = -1;
        for (int w : runs) {
            int i = Arrays.binarySearch(windows, (long) w << 32);
            if (i < 0) i = -i - 1; // the smallest entry of this window, if any: text indices are never negative
            if (i < windows.length && (int) (windows[i] >>> 32) == w) {
                int text = (int) windows[i];
                if (first < 0 || text < first) first = text;
            }
        }
        return first;
    }

    private static final int RUN = ScoringConstants.PARTIAL_DIGITS_RUN;
    /** 10^RUN: a constant, so the remainder is a multiplication. */
    private static final int MOD = (int) Math.pow(10, RUN);

    /** Collects texts in order. */
    static final class Builder {
        private final StringBuilder joined = new StringBuilder(4096);
        private int[] starts = new int[64];
        private long[] windows = new long[256];
        private int texts;
        private int nWindows;

        /** Adds the next text (non-null). */
        Builder add(String text) {
            if (texts + 2 > starts.length) starts = Arrays.copyOf(starts, starts.length * 2);
            starts[texts] = joined.length();
            Values.normaliseInto(text, joined);
            joined.append('\n');
            // the windows of Values.digits(text), rolled instead of cut: the same numbers Canary compares
            int value = 0;
            int count = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') continue;
                value = (value * 10 + (c - '0')) % MOD;
                if (++count >= RUN) {
                    if (nWindows == windows.length) windows = Arrays.copyOf(windows, windows.length * 2);
                    windows[nWindows++] = (long) value << 32 | texts;
                }
            }
            texts++;
            return this;
        }

        CellIndex build() {
            int[] s = Arrays.copyOf(starts, texts + 1);
            s[texts] = joined.length() + 1;
            long[] w = Arrays.copyOf(windows, nWindows);
            Arrays.sort(w);
            return new CellIndex(joined.toString(), s, w);
        }
    }
}
