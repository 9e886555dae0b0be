package dev.discreet.auditors.internal;

import dev.discreet.auditors.ScoringConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches one profile value against sink text. {@link #find} is the match both profiles use (normalised whole
 * value, or a run of 6 of its digits for values of 8+ digits); {@link #findStrict} adds the partial forms people
 * really type, for the strict profile: a digit group of the value written on its own (a card's or licence's last
 * 4, a door code, a zip), a run of 6 digits of any value with 6+ digits (a passport without its letters, a VIN
 * tail), the street line of an address ("1427 Larchmont"), and amounts written with thousands separators
 * ("$87,400" for "$87,400 per year" or "87400").
 */
public final class Canary {
    public enum Match { NONE, WHOLE, PARTIAL_DIGITS, PARTIAL_FORM }

    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d+");

    private final String normalised;
    private final String digits;
    private final List<String> groups = new ArrayList<>(); // never changed after the constructor: canaries are shared
    private final String streetLine;
    /** Every run of {@link ScoringConstants#PARTIAL_DIGITS_RUN} digits of the value, as numbers, cut once. */
    private final int[] runs;

    public Canary(String value) {
        this.normalised = Values.normalise(value);
        this.digits = Values.digits(value);
        this.runs = windows(digits);
        Matcher m = DIGIT_RUN.matcher(joinThousands(value == null ? "" : value));
        while (m.find()) {
            if (m.group().length() >= ScoringConstants.STRICT_DIGIT_GROUP_MIN) groups.add(m.group());
        }
        this.streetLine = streetLine(value);
    }

    /** "1427 Larchmont Ave Apt 5C, Portland OR 97214" → "1427larchmont" (house number and street name). */
    private static String streetLine(String value) {
        if (value == null || !value.contains(",")) return null;
        String[] words = value.substring(0, value.indexOf(',')).trim().split("\\s+");
        if (words.length < 2 || !words[0].matches("\\d+[A-Za-z]?") || !words[1].matches("[A-Za-z].*")) return null;
        return Values.normalise(words[0] + words[1]);
    }

    private static String joinThousands(String s) { return THOUSANDS.matcher(s).replaceAll(""); }

    /**
     * A sink's text reduced once for every canary it is searched for (ten HIGH items against every entry event and
     * database cell of an episode: reducing it per canary was most of an offline re-audit). {@code runs} holds every
     * window of {@link ScoringConstants#PARTIAL_DIGITS_RUN} consecutive digits of {@code digits} as a number, so a
     * partial-digits check compares ints instead of searching strings.
     */
    public record Text(String raw, String normalised, String digits, List<String> digitRuns, int[] runs) {
        public static Text of(String sink) {
            String s = sink == null ? "" : sink;
            String d = Values.digits(s);
            return new Text(s, Values.normalise(s), d, runsOf(s.indexOf(',') < 0 ? s : joinThousands(s)),
                    windows(d));
        }
    }

    /** The maximal runs of ASCII digits of {@code s}, in order (what {@code \d+} finds). */
    private static List<String> runsOf(String s) {
        List<String> runs = new ArrayList<>(2);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean digit = i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
            if (digit && start < 0) start = i;
            else if (!digit && start >= 0) {
                runs.add(s.substring(start, i));
                start = -1;
            }
        }
        return runs;
    }

    /** Every window of {@link ScoringConstants#PARTIAL_DIGITS_RUN} digits of {@code digits}, as numbers. */
    private static int[] windows(String digits) {
        int run = ScoringConstants.PARTIAL_DIGITS_RUN;
        if (digits.length() < run) return NO_WINDOWS;
        int[] w = new int[digits.length() - run + 1];
        for (int i = 0; i < w.length; i++) w[i] = Integer.parseInt(digits, i, i + run, 10);
        return w;
    }

    private static final int[] NO_WINDOWS = new int[0];

    public Match find(String sink) { return find(Text.of(sink)); }

    public Match find(Text sink) {
        if (sink.raw().isEmpty()) return Match.NONE;
        if (!normalised.isEmpty() && sink.normalised().contains(normalised)) return Match.WHOLE;
        if (digits.length() >= ScoringConstants.PARTIAL_DIGITS_MIN_VALUE_DIGITS && hasRun(sink)) {
            return Match.PARTIAL_DIGITS;
        }
        return Match.NONE;
    }

    /** Where in a {@link CellIndex} a canary was first found, and how. */
    record Hit(int text, Match match) {}

    /**
     * The first text of {@code texts} that {@link #find} matches, with what it returns for that text; null when none
     * matches. The same answer as asking {@link #find} of each text in order, without asking each.
     */
    Hit firstIn(CellIndex texts) {
        int whole = normalised.isEmpty() ? -1 : texts.firstContaining(normalised);
        int run = digits.length() >= ScoringConstants.PARTIAL_DIGITS_MIN_VALUE_DIGITS && runs.length > 0
                ? texts.firstWithWindow(runs) : -1;
        if (whole < 0 && run < 0) return null;
        // find() prefers WHOLE when a text has both
        if (whole >= 0 && (run < 0 || whole <= run)) return new Hit(whole, Match.WHOLE);
        return new Hit(run, Match.PARTIAL_DIGITS);
    }

    /**
     * The canary of {@code value}, made once per distinct value (a run's bundles share one profile; each canary cut
     * its value with four regular expressions). Bounded: cleared when full.
     */
    static Canary of(String value) {
        if (value == null) return new Canary(null);
        Canary c = CACHE.get(value);
        if (c == null) {
            c = new Canary(value);
            if (CACHE.size() >= CACHE_MAX) CACHE.clear();
            CACHE.put(value, c);
        }
        return c;
    }

    private static final java.util.Map<String, Canary> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_MAX = 1024;

    /** {@link #find}, then the partial forms of the strict profile. */
    public Match findStrict(String sink) { return findStrict(Text.of(sink)); }

    public Match findStrict(Text sink) {
        Match m = find(sink);
        if (m != Match.NONE || sink.raw().isEmpty()) return m;
        if (digits.length() >= ScoringConstants.STRICT_PARTIAL_DIGITS_MIN_VALUE_DIGITS && hasRun(sink)) {
            return Match.PARTIAL_DIGITS;
        }
        if (!groups.isEmpty()) {
            for (String run : sink.digitRuns()) if (groups.contains(run)) return Match.PARTIAL_FORM;
        }
        // normalise() already lower-cases
        if (streetLine != null && sink.normalised().contains(streetLine)) return Match.PARTIAL_FORM;
        return Match.NONE;
    }

    /**
     * Whether the sink's digits contain {@link ScoringConstants#PARTIAL_DIGITS_RUN} consecutive digits of the value:
     * some window of the one equals some window of the other (windows of the same length as numbers: equal
     * numbers, equal digits).
     */
    private boolean hasRun(Text sink) {
        int[] other = sink.runs();
        if (other.length == 0 || runs.length == 0) return false;
        for (int a : other) {
            for (int b : runs) if (a == b) return true;
        }
        return false;
    }
}
