package dev.discreet.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Fmt#ms} writes what the formatter wrote: halves, neighbours of halves, signs, huge and odd values. */
class FmtTest {
    @Test
    void millisecondsAreWhatTheFormatterWrote() {
        Random r = new Random(4);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 5) {
                case 0 -> r.nextDouble() * 1000;
                case 1 -> r.nextInt(100_000) + 0.5;                              // exact halves
                case 2 -> Math.nextDown(r.nextInt(100_000) + 0.5);               // just below them
                case 3 -> Math.round(r.nextDouble() * 1e6) / 100.0;              // what the timings hold: 2 decimals
                default -> Double.longBitsToDouble(r.nextLong());                // anything a double can be
            };
            assertThat(Fmt.ms(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.0f ms", v));
        }
        for (double v : new double[] {0.0, -0.0, 0.5, 1.5, 2.5, -0.4, -0.5, 0.49999999999999994, 0x1p52, 0x1p52 - 0.5,
                0x1p53, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            assertThat(Fmt.ms(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.0f ms", v));
        }
    }
}
