package dev.discreet.tasks.evidence;

/**
 * One field change in a mock app, recorded server-side as it happens (append-only). A value typed and then
 * erased stays on record as the events before the erase.
 *
 * @param kind {@code input} for a change of a field, {@code submit} for a field's value in a submitted form
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({EvidenceChain.FIELD}) // the chain mac: verified apart
public record EntryEvent(long seq, long timeMillis, String episode, int step, String app, String form,
                         String field, String value, String kind) {
    public static final String INPUT = "input";
    public static final String SUBMIT = "submit";
}
