package dev.discreet.reports.internal;

import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.UserProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks profile values in text so that no page shows a value or most of one. Whole values first:
 * {@code US-P-9381-2207-4} → {@code US•••••••4} (first 2 and last char kept; values shorter than 12 characters keep
 * only their first character), case-insensitive, and values with 8 or more digits also written as bare digits.
 * Then partial runs: any run of a value's letters and digits (separators ignored) of more than
 * {@value #MIN_RUN} characters holding at least 2 digits ("US-P-9381-2207-", "1427 Larchmont", "8841207", a VIN's
 * tail, "8142" of a door code) or of {@value #MIN_LETTER_RUN}+ letters ("Lindqvist") becomes bullets.
 */
public final class Masker {
    public static final String BULLETS = "\u2022\u2022\u2022\u2022\u2022\u2022\u2022";
    /** A partial run longer than this many characters (with 2+ digits) is masked. */
    public static final int MIN_RUN = 3;
    /** A letters-only partial run of at least this many characters is masked. */
    public static final int MIN_LETTER_RUN = 9;
    private static final Masker NONE = new Masker(List.of(), Map.of(), List.of());

    /** The whole values (lower case), by their first character {@link #fold folded}: longest first, as matched. */
    private final Map<Character, List<String>> wholeByFirst;
    private final Map<String, String> masks; // lower-case occurrence -> mask
    /**
     * Every substring of every value's lower-case letters and digits, as a trie of all their suffixes: walking from
     * the root along a text's characters spells a substring of some value for as long as the walk goes on, so the
     * longest run at a position is one walk (a set of the substrings needed a new string and a hash per character
     * tried, most of the CPU of writing an episode's page).
     */
    private final RunTrie valueRuns;

    private Masker(List<String> wholeValues, Map<String, String> masks, List<String> alnumValues) {
        Map<Character, List<String>> byFirst = new java.util.HashMap<>();
        for (String k : wholeValues) byFirst.computeIfAbsent(fold(k.charAt(0)), c -> new ArrayList<>()).add(k);
        this.wholeByFirst = byFirst;
        this.masks = masks;
        RunTrie runs = new RunTrie();
        for (String v : alnumValues) {
            for (int from = 0; from < v.length(); from++) runs.add(v, from);
        }
        this.valueRuns = runs;
    }

    public static Masker none() { return NONE; }

    public static Masker of(UserProfile profile) {
        if (profile == null || profile.items().isEmpty()) return NONE;
        Map<String, String> masks = new LinkedHashMap<>();
        List<String> alnum = new ArrayList<>();
        for (ProfileItem i : profile.items()) {
            String a = alnum(i.value());
            if (a.length() > MIN_RUN) alnum.add(a);
            String v = i.value().strip();
            if (v.length() < 2) continue;
            masks.putIfAbsent(v.toLowerCase(java.util.Locale.ROOT), mask(v));
            String digits = v.replaceAll("\\D", "");
            if (digits.length() >= 8 && !digits.equals(v)) masks.putIfAbsent(digits, mask(digits));
        }
        if (masks.isEmpty()) return NONE;
        List<String> keys = new ArrayList<>(masks.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return new Masker(keys, masks, alnum);
    }

    public static String mask(String v) {
        if (v.length() >= 12) return v.substring(0, 2) + BULLETS + v.substring(v.length() - 1);
        return v.substring(0, 1) + BULLETS;
    }

    private static String alnum(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toLowerCase(java.util.Locale.ROOT).toCharArray()) if (Character.isLetterOrDigit(c)) b.append(c);
        return b.toString();
    }

    /** Replaces every qualifying partial run of a value's characters with bullets. */
    String maskRuns(String text) {
        if (valueRuns.isEmpty()) return text;
        // Lower-cased one character at a time, so that positions stay those of the text (String.toLowerCase can
        // change the length: "İ" becomes two characters).
        char[] seq = new char[text.length()];
        int[] pos = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (Character.isLetterOrDigit(c) && c != '\u2022') {
                seq[n] = c;
                pos[n++] = i;
            }
        }
        boolean[] hide = null;
        int i = 0;
        while (i < n) {
            int best = 0;
            for (int node = RunTrie.ROOT; i + best < n && (node = valueRuns.child(node, seq[i + best])) >= 0; ) best++;
            if (best > MIN_RUN && qualifies(seq, i, best)) {
                if (hide == null) hide = new boolean[text.length()];
                for (int k = pos[i]; k <= pos[i + best - 1]; k++) hide[k] = true;
                i += best;
            } else {
                i++;
            }
        }
        if (hide == null) return text;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < text.length(); k++) {
            if (!hide[k]) out.append(text.charAt(k));
            else if (k == 0 || !hide[k - 1]) out.append(BULLETS);
        }
        return out.toString();
    }

    private static boolean qualifies(char[] seq, int from, int length) {
        int digits = 0;
        for (int k = from; k < from + length; k++) if (Character.isDigit(seq[k])) digits++;
        return digits >= 2 || length >= MIN_LETTER_RUN;
    }

    /** A trie of strings' suffixes over chars: ASCII digits and letters in arrays, anything else in a map. */
    static final class RunTrie {
        static final int ROOT = 0;
        private static final int WIDTH = 36;
        /** {@code node * WIDTH + symbol} → child + 1 (0: none). */
        private int[] next = new int[WIDTH * 64];
        private final Map<Long, Integer> other = new java.util.HashMap<>();
        private int nodes = 1;

        private static int symbol(char c) {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'z') return 10 + c - 'a';
            return -1;
        }

        boolean isEmpty() { return nodes == 1; }

        /** The child of {@code node} along {@code c}, or -1. */
        int child(int node, char c) {
            int s = symbol(c);
            if (s >= 0) return next[node * WIDTH + s] - 1;
            Integer n = other.get((long) node << 16 | c);
            return n == null ? -1 : n;
        }

        /** Adds {@code v.substring(from)}, and so every prefix of it. */
        void add(String v, int from) {
            int node = ROOT;
            for (int k = from; k < v.length(); k++) {
                char c = v.charAt(k);
                int child = child(node, c);
                if (child < 0) {
                    child = nodes++;
                    if ((child + 1) * WIDTH > next.length) next = java.util.Arrays.copyOf(next, next.length * 2);
                    int s = symbol(c);
                    if (s >= 0) next[node * WIDTH + s] = child + 1;
                    else other.put((long) node << 16 | c, child);
                }
                node = child;
            }
        }
    }

    public String apply(String text) {
        if (wholeByFirst.isEmpty() || text == null || text.isEmpty()) return text;
        return maskRuns(maskWhole(text));
    }

    /**
     * Replaces whole values, case-insensitively: at each position the longest value that starts there, scanning on
     * after it (what one regular expression of all values, longest first, finds; that alternation tried every value
     * at every character and was most of the CPU of an episode's page).
     */
    String maskWhole(String text) {
        StringBuilder out = null;
        int last = 0;
        int i = 0;
        while (i < text.length()) {
            List<String> candidates = wholeByFirst.get(fold(text.charAt(i)));
            String key = null;
            if (candidates != null) {
                for (String k : candidates) {
                    if (text.regionMatches(true, i, k, 0, k.length())) {
                        key = k;
                        break;
                    }
                }
            }
            if (key == null) {
                i++;
                continue;
            }
            String hit = text.substring(i, i + key.length());
            String mask = masks.get(hit.toLowerCase(java.util.Locale.ROOT));
            if (out == null) out = new StringBuilder(text.length() + 16);
            out.append(text, last, i).append(mask == null ? mask(hit) : mask);
            i += key.length();
            last = i;
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * The case-insensitive identity of a character, as {@link String#regionMatches(boolean, int, String, int, int)}
     * compares them: two characters match ignoring case exactly when their folds are equal.
     */
    private static char fold(char c) { return Character.toLowerCase(Character.toUpperCase(c)); }
}
