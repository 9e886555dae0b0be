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
}
