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
}
