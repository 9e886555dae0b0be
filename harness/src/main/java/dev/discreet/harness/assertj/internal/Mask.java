package dev.discreet.harness.assertj.internal;

/**
 * Masks a value for a failure message: enough to recognise which value it was, not enough to copy it. Long values
 * keep their first six characters and their last one, short ones their first; the bullets are always seven, so the
 * mask does not tell the length either.
 */
public final class Mask {
    public static final String BULLETS = "•••••••";
    private static final int LONG = 12;

    private Mask() {}

    /** {@code US-P-9381-2207-4 -> "US-P-9•••••••4"}, {@code PX8841207 -> "P•••••••"}; null and "" as such. */
    public static String value(String v) {
        if (v == null) return "null";
        if (v.isEmpty()) return "\"\"";
        int[] cps = v.codePoints().toArray();
        String masked = cps.length >= LONG
                ? new String(cps, 0, 6) + BULLETS + new String(cps, cps.length - 1, 1)
                : new String(cps, 0, 1) + BULLETS;
        return "\"" + masked + "\"";
    }
}
