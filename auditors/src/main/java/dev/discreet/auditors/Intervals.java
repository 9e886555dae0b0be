package dev.discreet.auditors;

/** Confidence intervals the reports and the leaderboard show beside rates. */
public final class Intervals {
    private static final double Z95 = 1.959963984540054;

    private Intervals() {}

    /** Wilson 95% score interval {@code [low, high]} of k successes in n trials; null when n is 0. */
    public static double[] wilson95(int k, int n) {
        if (n < 0 || k < 0 || k > n) throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + ", n=" + n);
        if (n == 0) return null;
        double z = Z95, p = (double) k / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
