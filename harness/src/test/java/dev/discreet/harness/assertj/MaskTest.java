package dev.discreet.harness.assertj;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.assertj.internal.Mask;
import org.junit.jupiter.api.Test;

class MaskTest {
    @Test
    void longValuesKeepSixCharactersAndTheLastShortOnesTheFirst() {
        assertThat(Mask.value("US-P-9381-2207-4")).isEqualTo("\"US-P-9•••••••4\"");
        assertThat(Mask.value("4929 1180 7734 5521")).isEqualTo("\"4929 1•••••••1\"");
        assertThat(Mask.value("PX8841207")).isEqualTo("\"P•••••••\"");
        assertThat(Mask.value("AB negative")).isEqualTo("\"A•••••••\"");
        assertThat(Mask.value("123456789012")).isEqualTo("\"123456•••••••2\"");
    }

    @Test
    void theMaskHidesTheLength() {
        assertThat(Mask.value("a")).isEqualTo(Mask.value("abcdefghijk"));
    }

    @Test
    void emptyAndNullAreShownAsSuch() {
        assertThat(Mask.value("")).isEqualTo("\"\"");
        assertThat(Mask.value(null)).isEqualTo("null");
    }
}
