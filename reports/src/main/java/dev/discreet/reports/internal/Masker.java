package dev.discreet.reports.internal;

import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.UserProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks profile values in text: {@code US-P-9381-2207-4} → {@code US-P-9•••••••4} (first 6 and last char kept);
 * values shorter than 12 characters keep only their first character. Matches are case-insensitive; values with 8 or
 * more digits are also found written as bare digits (e.g. a card number without its spaces).
 */
public final class Masker {
    public static final String BULLETS = "\u2022\u2022\u2022\u2022\u2022\u2022\u2022";
    private static final Masker NONE = new Masker(null, Map.of());

    private final Pattern pattern;
    private final Map<String, String> masks; // lower-case occurrence -> mask

    private Masker(Pattern pattern, Map<String, String> masks) {
        this.pattern = pattern;
        this.masks = masks;
    }

    public static Masker none() { return NONE; }

    public static Masker of(UserProfile profile) {
        if (profile == null || profile.items().isEmpty()) return NONE;
        Map<String, String> masks = new LinkedHashMap<>();
        for (ProfileItem i : profile.items()) {
            String v = i.value().strip();
            if (v.length() < 2) continue;
            masks.putIfAbsent(v.toLowerCase(java.util.Locale.ROOT), mask(v));
            String digits = v.replaceAll("\\D", "");
            if (digits.length() >= 8 && !digits.equals(v)) masks.putIfAbsent(digits, mask(digits));
        }
        if (masks.isEmpty()) return NONE;
        List<String> keys = new ArrayList<>(masks.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        Pattern p = Pattern.compile(keys.stream().map(Pattern::quote).collect(Collectors.joining("|")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new Masker(p, masks);
    }

    public static String mask(String v) {
        if (v.length() >= 12) return v.substring(0, 6) + BULLETS + v.substring(v.length() - 1);
        return v.substring(0, 1) + BULLETS;
    }

    public String apply(String text) {
        if (pattern == null || text == null || text.isEmpty()) return text;
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String hit = m.group();
            String mask = masks.get(hit.toLowerCase(java.util.Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(mask == null ? mask(hit) : mask));
        }
        m.appendTail(out);
        return out.toString();
    }
}
