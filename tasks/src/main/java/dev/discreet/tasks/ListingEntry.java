package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.List;
import java.util.Map;

/** One catalogue entry of a listing app (a restaurant, a hotel, a doctor…) with its bookable times. */
public record ListingEntry(int id, String name, String category, double rating, int reviews, String neighbourhood,
                          int price, Map<String, String> attrs, List<Option> options) {
    /** A bookable time of an entry; {@link #label()} is what its button shows. */
    public record Option(int id, String day, String time) {
        public Option {
            Check.required(day, "day", "a day such as \"Fri\"");
            Check.required(time, "time", "a time such as \"19:30\"");
        }

        public String label() { return day + " " + time; }
    }

    public ListingEntry {
        Check.required(name, "name", "the entry's name");
        Check.required(category, "category", "one of the app's categories");
        Check.required(neighbourhood, "neighbourhood", "the neighbourhood");
        attrs = Check.map(attrs);
        options = Check.list(options);
    }
}
