package dev.discreet.auditors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The re-audit's hand-written fast paths decide exactly what the slower code they replaced decided: every string of
 * a small alphabet that matters to them, compared with the original expression.
 */
class FastPathsTest {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    @Test
    void decimalAcceptsExactlyWhatTheRegexAccepted() {
        String alphabet = "+-.eE019 x";
        Random r = new Random(11);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(8); n > 0; n--) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String s = b.toString();
            boolean expected = DECIMAL.matcher(s).matches();
            assertThat(Values.decimal(s)).as("'%s'", s).isEqualTo(expected);
            if (expected) accepted++;
        }
        assertThat(accepted).as("the sample holds numbers, not only garbage").isGreaterThan(1_000);
        assertThat(Values.decimal("5.")).isTrue();
        assertThat(Values.decimal(".5e-3")).isTrue();
        assertThat(Values.decimal(".")).isFalse();
        assertThat(Values.decimal("1e")).isFalse();
        assertThat(Values.decimal("１２")).isFalse(); // full-width digits are not \d
    }

    /** The partial-digits search as it was: every 6-digit window of the value searched in the sink's digits. */
    private static boolean oldHasRun(String valueDigits, String sinkDigits) {
        if (sinkDigits.length() < 6 || valueDigits.length() < 6) return false;
        for (int i = 0; i + 6 <= valueDigits.length(); i++) {
            if (sinkDigits.contains(valueDigits.substring(i, i + 6))) return true;
        }
        return false;
    }

    @Test
    void partialDigitsMatchExactlyAsTheStringSearchDid() {
        Random r = new Random(7);
        int hits = 0;
        for (int i = 0; i < 50_000; i++) {
            String value = digits(r, 6 + r.nextInt(8));
            // sinks made of pieces of the value, random digits and separators: runs that straddle pieces included
            StringBuilder sink = new StringBuilder();
            for (int p = r.nextInt(4); p >= 0; p--) {
                switch (r.nextInt(4)) {
                    case 0 -> {
                        int a = r.nextInt(value.length()), b = a + r.nextInt(value.length() - a + 1);
                        sink.append(value, a, b);
                    }
                    case 1 -> sink.append(digits(r, r.nextInt(8)));
                    case 2 -> sink.append(r.nextBoolean() ? "-" : " ");
                    default -> sink.append("ab");
                }
            }
            String s = sink.toString();
            Canary c = new Canary(value);
            boolean expected = Values.normalise(s).contains(value)
                    || value.length() >= dev.discreet.auditors.ScoringConstants.PARTIAL_DIGITS_MIN_VALUE_DIGITS
                    && oldHasRun(value, Values.digits(s));
            Canary.Match m = c.find(Canary.Text.of(s));
            assertThat(m != Canary.Match.NONE).as("value %s in sink '%s'", value, s).isEqualTo(expected);
            if (m == Canary.Match.PARTIAL_DIGITS) hits++;
        }
        assertThat(hits).as("the sample exercises partial matches").isGreaterThan(1_000);
    }

    @Test
    void digitRunsAreWhatTheRegexFound() {
        Random r = new Random(3);
        Pattern run = Pattern.compile("\\d+");
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(12); n > 0; n--) b.append("0123456789a -,٣".charAt(r.nextInt(15)));
            String s = b.toString();
            java.util.List<String> expected = new java.util.ArrayList<>();
            var m = run.matcher(s.indexOf(',') < 0 ? s : s.replaceAll("(?<=\\d),(?=\\d{3}(?!\\d))", ""));
            while (m.find()) expected.add(m.group());
            assertThat(Canary.Text.of(s).digitRuns()).as("'%s'", s).isEqualTo(expected);
        }
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append((char) ('0' + r.nextInt(10)));
        return b.toString();
    }
}
