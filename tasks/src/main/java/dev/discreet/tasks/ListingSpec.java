package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.List;

/**
 * How a listing app presents its catalogue (declared in the app schema, so one generic page engine renders every
 * listing domain and the task generator and linter know the exact labels a screen shows).
 *
 * @param noun           one catalogue entry, e.g. "restaurant"
 * @param plural         e.g. "restaurants" (the search box is labelled "Search " + plural)
 * @param categoryLabel  what the filter chips are, e.g. "Cuisine"
 * @param categories     the filter chips, in display order
 * @param priceLabel     label of the entry's price, e.g. "Avg. price per person"
 * @param attributes     extra entry attributes shown on the detail page, in order
 * @param optionsLabel   heading of the bookable times on the detail page, e.g. "Available tables"
 * @param form           the booking form id
 * @param table          the table booking records go to
 * @param nameColumn     column of {@code table} holding the entry's name
 * @param categoryColumn column of {@code table} holding the entry's category
 * @param myLabel        the "My …" screen and its button, e.g. "My reservations"
 * @param confirmLabel   the form's submit button, e.g. "Confirm reservation"
 * @param confirmedTitle heading of the confirmation page
 * @param cancelLabel    cancel button of one booking; {@code {name}} and {@code {option}} ("Fri 19:30") are replaced
 */
public record ListingSpec(String noun, String plural, String categoryLabel, List<String> categories,
                          String priceLabel, List<Attribute> attributes, String optionsLabel, String form,
                          String table, String nameColumn, String categoryColumn, String myLabel,
                          String confirmLabel, String confirmedTitle, String cancelLabel) {
    /** An entry attribute: its key in {@link ListingEntry#attrs()} and its label. */
    public record Attribute(String key, String label) {
        public Attribute {
            Check.required(key, "key", "the attribute key in each entry's attrs");
            Check.required(label, "label", "the label shown on the detail page");
        }
    }

    public ListingSpec {
        Check.required(noun, "noun", "one catalogue entry, e.g. \"restaurant\"");
        Check.required(plural, "plural", "the plural, e.g. \"restaurants\"");
        Check.required(categoryLabel, "categoryLabel", "what the filter chips are, e.g. \"Cuisine\"");
        categories = Check.list(categories);
        if (categories.isEmpty()) throw new IllegalArgumentException("property 'categories' is empty");
        Check.required(priceLabel, "priceLabel", "the price label");
        attributes = Check.list(attributes);
        Check.required(optionsLabel, "optionsLabel", "heading of the bookable times");
        Check.required(form, "form", "the booking form id");
        Check.required(table, "table", "the bookings table");
        Check.required(nameColumn, "nameColumn", "the bookings column holding the entry name");
        Check.required(categoryColumn, "categoryColumn", "the bookings column holding the category");
        Check.required(myLabel, "myLabel", "e.g. \"My reservations\"");
        Check.required(confirmLabel, "confirmLabel", "e.g. \"Confirm reservation\"");
        Check.required(confirmedTitle, "confirmedTitle", "e.g. \"Reservation confirmed\"");
        Check.required(cancelLabel, "cancelLabel", "e.g. \"Cancel reservation at {name} on {option}\"");
    }

    /** The cancel button's label for one booking. */
    public String cancelLabelFor(String name, String option) {
        return cancelLabel.replace("{name}", name).replace("{option}", option);
    }

    /** The search box's label. */
    public String searchLabel() { return "Search " + plural; }
}
