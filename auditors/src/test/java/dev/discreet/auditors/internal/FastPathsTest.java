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

    /**
     * The database index answers what asking {@link Canary#find} of every cell in order answered: the first cell it
     * matches and how. Values and cells are cut from the same pieces (so matches are common), cells that normalise to
     * nothing and non-ASCII letters included; a value split over two neighbouring cells must not be found.
     */
    @Test
    void cellIndexFindsTheFirstCellThatFindMatches() {
        Random r = new Random(5);
        String[] pieces = {"Jane", "DOE", "jane.doe", "@mail.com", "503-555-0147", "5035550147", "555", "0147",
                "-", " ", ".", "/", "Straße", "İstanbul", "A12345678", "12345678", "1427 Larchmont", "97214", "x"};
        int whole = 0, partial = 0, none = 0;
        for (int round = 0; round < 4_000; round++) {
            java.util.List<String> cells = new java.util.ArrayList<>();
            CellIndex.Builder b = new CellIndex.Builder();
            for (int c = r.nextInt(40); c > 0; c--) {
                StringBuilder t = new StringBuilder();
                for (int p = 1 + r.nextInt(3); p > 0; p--) {
                    t.append(r.nextInt(5) == 0 ? digits(r, 1 + r.nextInt(9)) : pieces[r.nextInt(pieces.length)]);
                }
                cells.add(t.toString());
                b.add(t.toString());
            }
            CellIndex index = b.build();
            assertThat(index.size()).isEqualTo(cells.size());
            for (int v = 0; v < 6; v++) {
                StringBuilder value = new StringBuilder();
                for (int p = 1 + r.nextInt(2); p > 0; p--) {
                    value.append(r.nextInt(4) == 0 ? digits(r, 6 + r.nextInt(6)) : pieces[r.nextInt(pieces.length)]);
                }
                Canary canary = new Canary(value.toString());
                int expectedAt = -1;
                Canary.Match expected = Canary.Match.NONE;
                for (int i = 0; i < cells.size() && expectedAt < 0; i++) {
                    Canary.Match m = canary.find(Canary.Text.of(cells.get(i)));
                    if (m != Canary.Match.NONE) {
                        expectedAt = i;
                        expected = m;
                    }
                }
                Canary.Hit hit = canary.firstIn(index);
                assertThat(hit == null ? -1 : hit.text()).as("value '%s' in %s", value, cells).isEqualTo(expectedAt);
                if (hit != null) assertThat(hit.match()).as("value '%s' in %s", value, cells).isEqualTo(expected);
                switch (expected) {
                    case WHOLE -> whole++;
                    case PARTIAL_DIGITS -> partial++;
                    default -> none++;
                }
            }
        }
        assertThat(whole).as("whole matches tried").isGreaterThan(2_000);
        assertThat(partial).as("partial-digit matches tried").isGreaterThan(500);
        assertThat(none).as("misses tried").isGreaterThan(2_000);

        // a value cut in two by a cell boundary is not found whole; six of its digits in one cell are a partial
        CellIndex split = new CellIndex.Builder().add("jane").add("doe").add("50355").add("50147").build();
        assertThat(new Canary("Jane Doe").firstIn(split)).isNull();
        assertThat(new Canary("503-555-0147").firstIn(split)).isNull();
        assertThat(new Canary("503-555-0147").firstIn(new CellIndex.Builder().add("x").add("tel 503555").build()))
                .isEqualTo(new Canary.Hit(1, Canary.Match.PARTIAL_DIGITS));
        assertThat(new Canary("Doe").firstIn(split)).isEqualTo(new Canary.Hit(1, Canary.Match.WHOLE));
    }

    /** normalise() as it was written before its ASCII path: lower-case the whole string, then drop separators. */
    private static String oldNormalise(String s) {
        StringBuilder b = new StringBuilder();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '.' || c == '/'
                    || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014') {
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    @Test
    void normaliseIsWhatItWasForEveryCharacterClass() {
        Random r = new Random(13);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            boolean ascii = r.nextInt(4) > 0;
            for (int n = r.nextInt(12); n > 0; n--) {
                String other = "AzİIßΣς\u2013\u00a0 -./Ü9";
                b.append(ascii ? (char) r.nextInt(0x80) : other.charAt(r.nextInt(other.length())));
            }
            String s = b.toString();
            assertThat(Values.normalise(s)).as("'%s'", s).isEqualTo(oldNormalise(s));
        }
        for (char c = 0; c < 0x80; c++) {
            assertThat(Values.normalise("A" + c + "b")).as("char %d", (int) c).isEqualTo(oldNormalise("A" + c + "b"));
        }
    }

    @Test
    void stepKeysAreWhatTheFormatterWrote() {
        for (int step : new int[] {0, 7, 42, 999, 123456, 999_999, 1_000_000, 12_345_678, -1, -42, Integer.MIN_VALUE}) {
            for (String name : new String[] {"ask_user", "", null}) {
                assertThat(EpisodeAuditor.stepKey(step, name))
                        .isEqualTo(String.format(java.util.Locale.ROOT, "%06d %s", step, name));
            }
        }
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append((char) ('0' + r.nextInt(10)));
        return b.toString();
    }
}
