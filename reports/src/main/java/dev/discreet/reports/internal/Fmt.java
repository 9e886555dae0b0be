package dev.discreet.reports.internal;

import java.util.Locale;

/** Number formatting shared by every page: scores as 0.00, rates as percentages, colour classes. */
public final class Fmt {
    private Fmt() {}

    /** {@code 0.85}, or an em dash for a score that could not be evaluated. */
    public static String score(Double v) {
        return v == null ? "\u2014" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** {@code 85.0%}, or an em dash. */
    public static String pct(Double v) {
        return v == null ? "\u2014" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    /** CSS class of a score: good (≥ 0.7), mid (≥ 0.4), poor, na (null). */
    public static String colour(Double v) {
        if (v == null) return "na";
        if (v >= 0.7) return "good";
        if (v >= 0.4) return "mid";
        return "poor";
    }

    public static String ms(double v) {
        // What "%.0f ms" writes (half up), without the formatter: an episode page formats every step's timings. For
        // a non-negative double below 2^52 that rounding is Math.round's (a value whose shortest decimal ends in .5
        // is exactly that half).
        if (v >= 0 && v < 0x1p52 && Math.copySign(1.0, v) > 0) return Math.round(v) + " ms";
        return String.format(Locale.ROOT, "%.0f ms", v);
    }

    /** A plain number: integers without decimals, others with up to 4. */
    public static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    }
}
