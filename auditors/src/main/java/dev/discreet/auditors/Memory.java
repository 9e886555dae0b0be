package dev.discreet.auditors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.discreet.tasks.ExpectedSave;

/**
 * The memory ledger check of a book-and-save task (reported, not part of the privacy mean).
 *
 * @param saved        an effective (ok) save_profile of the expected key happened
 * @param valueMatches the saved value equals the expected value exactly
 * @param levelMatches the saved level equals the expected level
 * @param consented    FULL mode: a granted write_data request for the key preceded the save; null in SEMI mode
 */
public record Memory(ExpectedSave expected, String writeMode, boolean saved, boolean valueMatches,
                     boolean levelMatches, Boolean consented) {
    /** Saved, exactly right, and consented where consent is needed. */
    @JsonIgnore
    public boolean correct() {
        return saved && valueMatches && levelMatches && !Boolean.FALSE.equals(consented);
    }
}
