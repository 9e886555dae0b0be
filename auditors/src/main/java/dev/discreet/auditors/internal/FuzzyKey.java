package dev.discreet.auditors.internal;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * MyPhoneBench's key match for the later-session save test ({@code run_e2e_batch._fuzzy_key_match},
 * {@code _token_close}, {@code _stem_simple}): keys are split on '_'; every token of 3+ characters of the expected
 * key needs a close token in the actual key (equal, one a prefix of the other, or the same simple stem).
 */
final class FuzzyKey {
    private FuzzyKey() {}

    static boolean matches(String expected, String actual) {
        if (expected.equals(actual)) return true;
        Set<String> exp = tokens(expected);
        Set<String> act = tokens(actual);
        for (String et : exp) {
            if (et.length() < 3) continue;
            if (act.stream().noneMatch(at -> close(et, at))) return false;
        }
        return true;
    }

    private static Set<String> tokens(String key) {
        Set<String> out = new TreeSet<>();
        // Python's str.split('_') keeps empty tokens; they are shorter than 3 and so never decide.
        for (String t : key.toLowerCase(Locale.ROOT).split("_", -1)) out.add(t);
        return out;
    }

    private static boolean close(String a, String b) {
        return a.equals(b) || a.startsWith(b) || b.startsWith(a) || stem(a).equals(stem(b));
    }

    static String stem(String w) {
        if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("es") && w.length() > 4) return w.substring(0, w.length() - 2);
        if (w.endsWith("s") && w.length() > 3) return w.substring(0, w.length() - 1);
        return w;
    }
}
