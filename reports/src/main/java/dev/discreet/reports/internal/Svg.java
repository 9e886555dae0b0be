package dev.discreet.reports.internal;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts (no script, no external resource): a scatter and grouped bars over [0, 1]. */
public final class Svg {
    /** Colours of series / agents, in order (cycled). */
    public static final List<String> PALETTE = List.of("#2f6fdb", "#d9480f", "#2b8a3e", "#9c36b5", "#e8590c",
            "#0b7285", "#c2255c", "#5c940d");

    private Svg() {}

    /** A point of a scatter: x, y in [0, 1], its series index and a tooltip. */
    public record Point(double x, double y, int series, int weight, String tooltip) {}

    /**
     * Scatter of privacy (x) vs success (y) with the PQSR threshold drawn as a vertical line and the qualified
     * corner shaded. Point area grows with {@code weight} (episodes behind the point).
     */
    public static String scatter(String label, List<Point> points, List<String> series, double threshold) {
        int w = 460, h = 330, l = 44, r = 14, top = 20, bot = 40;
        double pw = w - l - r, ph = h - top - bot;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"scatter\" width=\"").append(w).append("\" height=\"").append(h + 18 * rows(series))
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h + 18 * rows(series))
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n");
        double tx = l + threshold * pw;
        b.append(rect(tx, top, l + pw - tx, ph * 0.0 + ph, "#eaf6ef"));
        axes(b, l, top, pw, ph);
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#2e8b57\" "
                + "stroke-dasharray=\"4 3\"/>\n", tx, top, tx, top + ph));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\">privacy \u2265 %s</text>\n",
                l + pw - 4, top + 12, Fmt.score(threshold)));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">privacy score</text>\n",
                l + pw / 2, h - 6));
        b.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 12 %.1f)\">"
                + "success rate</text>\n", top + ph / 2, top + ph / 2));
        for (Point p : points) {
            double cx = l + clamp(p.x()) * pw, cy = top + (1 - clamp(p.y())) * ph;
            double rad = 3.5 + Math.min(6, Math.sqrt(Math.max(1, p.weight())) * 1.2);
            b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\".55\" "
                    + "stroke=\"%s\"><title>%s</title></circle>\n", cx, cy, rad, colour(p.series()), colour(p.series()),
                    Html.escape(p.tooltip())));
        }
        legend(b, series, l, h);
        return b.append("</svg>\n").toString();
    }

    /**
     * Grouped vertical bars: one group per category, one bar per series, values in [0, 1] (null = no bar, shown as
     * "n/a"). Tooltips carry {@code tips[group][series]}.
     */
    public static String bars(String label, List<String> groups, List<String> series, Double[][] values, String[][] tips) {
        int l = 40, r = 12, top = 14, bot = 56;
        int groupW = Math.max(36, series.size() * 14 + 16);
        int w = Math.max(Math.max(260, l + r + Math.min(4, series.size()) * 105), l + r + groups.size() * groupW), h = 260;
        double ph = h - top - bot;
        int legendH = 18 * rows(series);
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"bars\" width=\"").append(w).append("\" height=\"").append(h + legendH)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h + legendH)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n");
        axes(b, l, top, w - l - r, ph);
        double bw = (groupW - 16) / (double) Math.max(1, series.size());
        for (int g = 0; g < groups.size(); g++) {
            double gx = l + g * groupW + 8;
            for (int s = 0; s < series.size(); s++) {
                Double v = values[g][s];
                double x = gx + s * bw;
                if (v == null) {
                    b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                            + "font-size=\"8\">n/a</text>\n", x + bw / 2, top + ph - 2));
                    continue;
                }
                double bh = clamp(v) * ph;
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s</title></rect>\n", x, top + ph - bh, Math.max(1, bw - 2), bh, colour(s),
                        Html.escape(tips == null ? Fmt.pct(v) : tips[g][s])));
            }
            String name = groups.get(g);
            if (name.length() > 14) name = name.substring(0, 13) + "\u2026";
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" transform=\"rotate(-35 %.1f %.1f)\">"
                    + "%s</text>\n", gx + groupW / 2.0 - 4, top + ph + 14, gx + groupW / 2.0 - 4, top + ph + 14,
                    Html.escape(name)));
        }
        legend(b, series, l, h);
        return b.append("</svg>\n").toString();
    }

    private static int rows(List<String> series) { return (series.size() + 3) / 4; }

    private static void legend(StringBuilder b, List<String> series, int l, int h) {
        for (int s = 0; s < series.size(); s++) {
            int x = l + (s % 4) * 105, y = h + 4 + (s / 4) * 18;
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>\n", x, y, colour(s), x + 14, y + 9,
                    Html.escape(series.get(s).length() > 16 ? series.get(s).substring(0, 15) + "\u2026" : series.get(s))));
        }
    }

    private static void axes(StringBuilder b, double l, double top, double pw, double ph) {
        for (int i = 0; i <= 4; i++) {
            double y = top + ph - i * ph / 4;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e7eb\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>\n", l, y, l + pw, y, l - 4, y + 4, i * 25));
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8a939c\"/>\n",
                l, top + ph, l + pw, top + ph));
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                x, y, w, h, fill);
    }

    public static String colour(int i) { return PALETTE.get(Math.floorMod(i, PALETTE.size())); }

    private static double clamp(double v) { return Math.max(0, Math.min(1, v)); }
}
