package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.List;
import java.util.Optional;

/**
 * The generated catalogue of one listing app ({@code catalogue/<app>.json} in a suite): its entries and the
 * bookings that already exist when an episode starts (so cancel tasks have something to cancel).
 *
 * @param seed the generator seed it came from (documentation; the data itself is what counts)
 */
public record ListingCatalogue(String app, long seed, List<ListingEntry> entries, List<SeededBooking> bookings) {
    /** A booking present at episode start, made in the user's name; {@code note} fills the form's free-text field. */
    public record SeededBooking(int id, int entryId, int optionId, String note) {}

    public ListingCatalogue {
        Check.required(app, "app", "the app id this catalogue belongs to");
        entries = Check.list(entries);
        bookings = Check.list(bookings);
    }

    public Optional<ListingEntry> entry(int id) { return entries.stream().filter(e -> e.id() == id).findFirst(); }

    public Optional<ListingEntry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
