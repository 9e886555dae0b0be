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
     * Every substring of every value's lower-case letters and digits: the longest run at a position is found by growing it
     * while it is still in this set (a substring's prefixes are substrings too), instead of searching each value
     * for each longer prefix (that search was most of the CPU of writing an episode's page).
     */
    private final java.util.Set<String> valueRuns;

    private Masker(List<String> wholeValues, Map<String, String> masks, List<String> alnumValues) {
        Map<Character, List<String>> byFirst = new java.util.HashMap<>();
        for (String k : wholeValues) byFirst.computeIfAbsent(fold(k.charAt(0)), c -> new ArrayList<>()).add(k);
        this.wholeByFirst = byFirst;
        this.masks = masks;
        java.util.Set<String> runs = new java.util.HashSet<>();
        for (String v : alnumValues) {
            for (int from = 0; from < v.length(); from++) {
                for (int to = from + 1; to <= v.length(); to++) runs.add(v.substring(from, to));
            }
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
    private String maskRuns(String text) {
        if (valueRuns.isEmpty()) return text;
        StringBuilder seq = new StringBuilder();
        List<Integer> pos = new ArrayList<>();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c) && c != '\u2022') {
                seq.append(c);
                pos.add(i);
            }
        }
        boolean[] hide = new boolean[text.length()];
        boolean any = false;
        int i = 0;
        while (i < seq.length()) {
            int best = 0;
            while (i + best < seq.length() && valueRuns.contains(seq.substring(i, i + best + 1))) best++;
            if (best > MIN_RUN && qualifies(seq.substring(i, i + best))) {
                for (int k = pos.get(i); k <= pos.get(i + best - 1); k++) hide[k] = true;
                any = true;
                i += best;
            } else {
                i++;
            }
        }
        if (!any) return text;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < text.length(); k++) {
            if (!hide[k]) out.append(text.charAt(k));
            else if (k == 0 || !hide[k - 1]) out.append(BULLETS);
        }
        return out.toString();
    }

    private static boolean qualifies(String run) {
        int digits = 0;
        for (char c : run.toCharArray()) if (Character.isDigit(c)) digits++;
        return digits >= 2 || run.length() >= MIN_LETTER_RUN;
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
