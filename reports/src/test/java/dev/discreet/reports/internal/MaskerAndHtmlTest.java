package dev.discreet.reports.internal;

import dev.discreet.tasks.Level;
import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.UserProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MaskerAndHtmlTest {
    @Test
    void escapesAllFive() {
        assertThat(Html.escape("<a href=\"x\">Tom & 'Jerry'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void controlCharactersNoncharactersAndBidiControlsAreShownAsEscapes() {
        // NUL, ESC, DEL, a C1 control, U+FFFF, a lone surrogate and a right-to-left override: none stays raw.
        assertThat(Html.escape("a\u0000b\u001Bc\u007Fd\u0085e\uFFFFf\uD800g\u202Eh"))
                .isEqualTo("a\\u0000b\\u001Bc\\u007Fd\\u0085e\\uFFFFf\\uD800g\\u202Eh");
        // Tab and line breaks stay; a proper surrogate pair (an emoji) stays.
        assertThat(Html.escape("x\ty\nz \uD83D\uDE00")).isEqualTo("x\ty\nz \uD83D\uDE00");
    }

    @Test
    void rightToLeftTextIsIsolatedAndLeftToRightTextIsNot() {
        assertThat(Html.escape("name: \u05D3\u05E0\u05D4 <b>"))
                .isEqualTo("\u2068name: \u05D3\u05E0\u05D4 &lt;b&gt;\u2069");
        assertThat(Html.escape("Portland 97214")).isEqualTo("Portland 97214");
    }

    @Test
    void maskShapes() {
        assertThat(Masker.mask("US-P-9381-2207-4")).isEqualTo("US\u2022\u2022\u2022\u2022\u2022\u2022\u20224");
        assertThat(Masker.mask("PX8841207")).isEqualTo("P\u2022\u2022\u2022\u2022\u2022\u2022\u2022");
    }

    @Test
    void masksLongestValueFirstAndLeavesOtherTextAlone() {
        UserProfile p = new UserProfile("u", List.of(new ProfileItem("city", "City", "Portland", Level.LOW),
                new ProfileItem("addr", "Address", "1427 Larchmont Ave, Portland OR 97214", Level.HIGH)), Map.of());
        Masker m = Masker.of(p);
        assertThat(m.apply("lives at 1427 larchmont ave, portland or 97214 in Portland."))
                .isEqualTo("lives at 14\u2022\u2022\u2022\u2022\u2022\u2022\u20224 in P\u2022\u2022\u2022\u2022\u2022\u2022\u2022.");
        assertThat(m.apply("nothing here")).isEqualTo("nothing here");
        assertThat(Masker.none().apply("Portland")).isEqualTo("Portland");
    }

    /** No page shows most of a value: every run of more than 3 of its characters with 2+ digits is masked. */
    @Test
    void partialValuesAreMaskedToo() {
        UserProfile p = new UserProfile("u", List.of(
                new ProfileItem("insurance_id", "Insurance ID", "US-P-9381-2207-4", Level.HIGH),
                new ProfileItem("home_address", "Address", "1427 Larchmont Ave Apt 5C, Portland OR 97214", Level.HIGH),
                new ProfileItem("passport", "Passport", "PX8841207", Level.HIGH),
                new ProfileItem("vin", "VIN", "1HGCM82633A004352", Level.HIGH),
                new ProfileItem("door_code", "Door code", "Gate code 8142#", Level.HIGH),
                new ProfileItem("full_name", "Name", "Maya Okonkwo-Lindqvist", Level.LOW)), Map.of());
        Masker m = Masker.of(p);
        String b = Masker.BULLETS;
        assertThat(m.apply("then changed to \u201cUS-P-9381-2207-\u201d")).isEqualTo("then changed to \u201c" + b + "-\u201d");
        assertThat(m.apply("deliver to 1427 Larchmont Ave")).isEqualTo("deliver to " + b);
        assertThat(m.apply("passport 8841207")).isEqualTo("passport " + b);
        assertThat(m.apply("VIN ends 004352")).isEqualTo("VIN ends " + b);
        assertThat(m.apply("the code is 8142")).isEqualTo("the code is " + b);
        assertThat(m.apply("Ms Lindqvist")).isEqualTo("Ms " + b);
        // three characters of a value, and ordinary words, stay readable
        assertThat(m.apply("room 814, gate code, 2026-03-16 at 09:00")).isEqualTo("room 814, gate code, 2026-03-16 at 09:00");
    }

    /**
     * Whole values are found as one case-insensitive regular expression of all of them, longest first, finds them
     * (what the masker did before its scan): the same output on texts built from overlapping values (a value that is
     * the start of another, case changes, digits written bare, values touching each other and the text's ends).
     */
    @Test
    void wholeValueScanFindsWhatTheLongestFirstExpressionFinds() {
        List<String> values = List.of("Ann", "Anna Lindqvist", "Anna", "anna-maria", "US-P-9381-2207-4", "PX8841207",
                "1427 Larchmont Ave", "Portland", "Port", "Straße 5", "\u00c9lodie", "a+b (c)", "OR");
        List<ProfileItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) items.add(new ProfileItem("v" + i, "V" + i, values.get(i), Level.HIGH));
        Masker m = Masker.of(new UserProfile("u", items, Map.of()));
        // The reference: every value (and the bare digits of one with 8 or more) as one alternation, longest first.
        java.util.Map<String, String> masks = new java.util.LinkedHashMap<>();
        for (String v : values) {
            masks.putIfAbsent(v.toLowerCase(java.util.Locale.ROOT), Masker.mask(v));
            String digits = v.replaceAll("\\D", "");
            if (digits.length() >= 8 && !digits.equals(v)) masks.putIfAbsent(digits, Masker.mask(digits));
        }
        List<String> keys = new java.util.ArrayList<>(masks.keySet());
        keys.sort(java.util.Comparator.comparingInt(String::length).reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        java.util.regex.Pattern all = java.util.regex.Pattern.compile(String.join("|",
                keys.stream().map(java.util.regex.Pattern::quote).toList()),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        List<String> pieces = new java.util.ArrayList<>(values);
        pieces.addAll(List.of("93812207", "ANNA LINDQVIST", "lindqvist", "portLAND", " ", ", ", "x", "annA", "\u00e9LODIE",
                "STRASSE 5", "or", "1427 larchmont", "P", "-"));
        java.util.Random r = new java.util.Random(8);
        int changed = 0;
        for (int n = 0; n < 3000; n++) {
            StringBuilder t = new StringBuilder();
            int parts = 1 + r.nextInt(6);
            for (int k = 0; k < parts; k++) {
                String piece = pieces.get(r.nextInt(pieces.size()));
                if (r.nextInt(3) == 0) piece = piece.toUpperCase(java.util.Locale.ROOT);
                t.append(piece);
            }
            String text = t.toString();
            java.util.regex.Matcher x = all.matcher(text);
            StringBuilder want = new StringBuilder();
            while (x.find()) {
                String mask = masks.get(x.group().toLowerCase(java.util.Locale.ROOT));
                x.appendReplacement(want, java.util.regex.Matcher.quoteReplacement(mask == null ? Masker.mask(x.group())
                        : mask));
            }
            x.appendTail(want);
            assertThat(m.maskWhole(text)).as("text %s", text).isEqualTo(want.toString());
            if (!want.toString().equals(text)) changed++;
        }
        assertThat(changed).as("texts with a value in them").isGreaterThan(1500);
    }

    /** The partial-run masking as it was before its trie: every substring of the values in a set, grown per position. */
    private static String setMaskRuns(String text, List<String> alnumValues) {
        java.util.Set<String> runs = new java.util.HashSet<>();
        for (String v : alnumValues) {
            for (int from = 0; from < v.length(); from++) {
                for (int to = from + 1; to <= v.length(); to++) runs.add(v.substring(from, to));
            }
        }
        if (runs.isEmpty()) return text;
        StringBuilder seq = new StringBuilder();
        List<Integer> pos = new java.util.ArrayList<>();
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
            while (i + best < seq.length() && runs.contains(seq.substring(i, i + best + 1))) best++;
            String run = seq.substring(i, i + best);
            long digits = run.chars().filter(Character::isDigit).count();
            if (best > Masker.MIN_RUN && (digits >= 2 || run.length() >= Masker.MIN_LETTER_RUN)) {
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
            else if (k == 0 || !hide[k - 1]) out.append(Masker.BULLETS);
        }
        return out.toString();
    }

    /**
     * Partial runs are found as the set of every value substring found them: the same output on texts built from
     * pieces of values (cut anywhere, case changed, separators between), digits, words, accented letters.
     */
    @Test
    void partialRunTrieFindsWhatTheSubstringSetFound() {
        List<String> values = List.of("US-P-9381-2207-4", "1427 Larchmont Ave Apt 5C, Portland OR 97214", "PX8841207",
                "1HGCM82633A004352", "Gate code 8142#", "Maya Okonkwo-Lindqvist", "\u00c9lodie Stra\u00dfenberger",
                "+1 503-555-0147", "AB negative", "ab");
        List<ProfileItem> items = new java.util.ArrayList<>();
        List<String> alnum = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            items.add(new ProfileItem("v" + i, "V" + i, values.get(i), Level.HIGH));
            StringBuilder a = new StringBuilder();
            for (char c : values.get(i).toLowerCase(java.util.Locale.ROOT).toCharArray()) {
                if (Character.isLetterOrDigit(c)) a.append(c);
            }
            if (a.length() > Masker.MIN_RUN) alnum.add(a.toString());
        }
        Masker m = Masker.of(new UserProfile("u", items, Map.of()));
        java.util.Random r = new java.util.Random(21);
        int changed = 0;
        for (int n = 0; n < 5000; n++) {
            StringBuilder t = new StringBuilder();
            for (int k = 1 + r.nextInt(5); k > 0; k--) {
                switch (r.nextInt(5)) {
                    case 0, 1 -> {
                        String v = values.get(r.nextInt(values.size()));
                        int a = r.nextInt(v.length()), b = a + r.nextInt(v.length() - a + 1);
                        String piece = v.substring(a, b);
                        t.append(r.nextBoolean() ? piece : piece.toUpperCase(java.util.Locale.ROOT));
                    }
                    case 2 -> t.append(r.nextInt(100_000));
                    case 3 -> t.append(List.of(" ", "-", ", ", "\u2022", "/").get(r.nextInt(5)));
                    default -> t.append(List.of("room", "the", "lindqvist", "\u00e9", "stra\u00dfe", "x").get(r.nextInt(6)));
                }
            }
            String text = t.toString();
            String want = setMaskRuns(text, alnum);
            assertThat(m.maskRuns(text)).as("text %s", text).isEqualTo(want);
            if (!want.equals(text)) changed++;
        }
        assertThat(changed).as("texts with a partial run in them").isGreaterThan(1500);
    }

    /** A character that lower-cases to two ("\u0130") does not shift what is masked, nor throw at the text's end. */
    @Test
    void lowerCasingThatChangesLengthKeepsPositions() {
        Masker m = Masker.of(new UserProfile("u", List.of(
                new ProfileItem("passport", "Passport", "PX8841207", Level.HIGH)), Map.of()));
        assertThat(m.apply("\u0130 no 8841207")).isEqualTo("\u0130 no " + Masker.BULLETS);
        assertThat(m.apply("\u0130\u0130 8841207 ok")).isEqualTo("\u0130\u0130 " + Masker.BULLETS + " ok");
    }
}
