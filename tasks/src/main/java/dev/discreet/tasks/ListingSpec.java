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
 * @param layout         how the list screen looks: {@code cards} (default: chips and cards), {@code bottom-nav}
 *                       (compact rows with a bottom navigation bar), {@code tabs} (category tabs over a two-column
 *                       grid) or {@code filters} (a filter panel with neighbourhood and price over a plain list)
 * @param theme          the app bar colour, a CSS hex colour such as {@code #2f5bd3} (null: the default blue)
 * @param calendar       when set, bookable times are real dates: each weekly option ("Mon 09:00") recurs on every
 *                       matching date of {@code weeks} weeks from the episode's fixed date {@code start}, shown as a
 *                       week-by-week time-slot grid (null: one week of day names, as before)
 * @param tables         where the catalogue lives when it is not in the default tables (null: items, options,
 *                       item_id…); MediBook declares doctors, slots and doctor_id this way
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record ListingSpec(String noun, String plural, String categoryLabel, List<String> categories,
                          String priceLabel, List<Attribute> attributes, String optionsLabel, String form,
                          String table, String nameColumn, String categoryColumn, String myLabel,
                          String confirmLabel, String confirmedTitle, String cancelLabel, String layout, String theme,
                          Tables tables, Calendar calendar) {
    /** The list-screen layouts the mock apps render. */
    public static final java.util.Set<String> LAYOUTS = java.util.Set.of("cards", "bottom-nav", "tabs", "filters");

    /**
     * Table and route names of a listing app's catalogue; every property may be omitted and takes the default.
     *
     * @param items          catalogue table (default {@code items})
     * @param options        bookable-times table (default {@code options})
     * @param itemKey        column of options and bookings pointing at the item (default {@code item_id})
     * @param itemCategory   the items table's category column (default {@code category})
     * @param itemPrice      the items table's price column (default {@code price})
     * @param itemPath       URL segment of a detail page (default {@code item})
     * @param optionParam    query parameter naming the chosen time (default {@code option})
     * @param minePath       URL segment of the "My …" page (default {@code mine})
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Tables(String items, String options, String itemKey, String itemCategory, String itemPrice,
                         String itemPath, String optionParam, String minePath) {
        public static final Tables DEFAULT = new Tables(null, null, null, null, null, null, null, null);

        public String itemsOr() { return items == null ? "items" : items; }
        public String optionsOr() { return options == null ? "options" : options; }
        public String itemKeyOr() { return itemKey == null ? "item_id" : itemKey; }
        public String itemCategoryOr() { return itemCategory == null ? "category" : itemCategory; }
        public String itemPriceOr() { return itemPrice == null ? "price" : itemPrice; }
        public String itemPathOr() { return itemPath == null ? "item" : itemPath; }
        public String optionParamOr() { return optionParam == null ? "option" : optionParam; }
        public String minePathOr() { return minePath == null ? "mine" : minePath; }
    }

    /**
     * Real dates for the bookable times.
     *
     * @param start the episode's fixed date ("today", ISO), the first bookable date
     * @param weeks how many weeks from {@code start} are bookable (1 or more)
     */
    public record Calendar(String start, int weeks) {
        public Calendar {
            Check.required(start, "start", "the episode's fixed date, e.g. \"2026-11-30\"");
            try {
                java.time.LocalDate.parse(start);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("calendar.start '" + start + "' is not a date YYYY-MM-DD");
            }
            if (weeks < 1) throw new IllegalArgumentException("calendar.weeks is " + weeks + " (expected 1 or more)");
        }

        public java.time.LocalDate startDate() { return java.time.LocalDate.parse(start); }

        /** The bookable dates of a weekly option's day ("Mon"), in order. */
        public List<java.time.LocalDate> datesOf(String day) {
            List<java.time.LocalDate> out = new java.util.ArrayList<>();
            java.time.LocalDate first = startDate(); // parsed once, not once per day
            for (int i = 0; i < weeks * 7; i++) {
                java.time.LocalDate d = first.plusDays(i);
                if (dayName(d).equals(day)) out.add(d);
            }
            return out;
        }

        /** Which week (0 = the one starting at {@code start}) a date falls in, or -1 outside the calendar. */
        public int weekOf(java.time.LocalDate d) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(startDate(), d);
            return days < 0 || days >= weeks * 7L ? -1 : (int) (days / 7);
        }

        /** "Mon", "Tue"… as the catalogue's options name days. */
        public static String dayName(java.time.LocalDate d) {
            return d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        }

        /** The label of a dated time slot, e.g. "Mon 7 Dec 09:00" (what its button is called). */
        public static String slotLabel(java.time.LocalDate d, String time) {
            return dayName(d) + " " + d.getDayOfMonth() + " "
                    + d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " " + time;
        }

        /** The label of a week's tab: "This week", "Next week", then "Week of 14 Dec". */
        public String weekLabel(int week) {
            if (week == 0) return "This week";
            if (week == 1) return "Next week";
            java.time.LocalDate d = startDate().plusDays(7L * week);
            return "Week of " + d.getDayOfMonth() + " "
                    + d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        }
    }

    /** A listing with the default layout, theme and tables (the original shape). */
    public ListingSpec(String noun, String plural, String categoryLabel, List<String> categories,
                       String priceLabel, List<Attribute> attributes, String optionsLabel, String form,
                       String table, String nameColumn, String categoryColumn, String myLabel,
                       String confirmLabel, String confirmedTitle, String cancelLabel) {
        this(noun, plural, categoryLabel, categories, priceLabel, attributes, optionsLabel, form, table, nameColumn,
                categoryColumn, myLabel, confirmLabel, confirmedTitle, cancelLabel, null, null, null, null);
    }
    /** An entry attribute: its key in {@link ListingEntry#attrs()} and its label. */
    public record Attribute(String key, String label) {
        public Attribute {
            Check.required(key, "key", "the attribute key in each entry's attrs");
            Check.required(label, "label", "the label shown on the detail page");
        }
    }

    @com.fasterxml.jackson.annotation.JsonCreator
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
        if (layout != null && !LAYOUTS.contains(layout)) {
            throw new IllegalArgumentException("unknown layout '" + layout + "' (expected one of "
                    + LAYOUTS.stream().sorted().toList() + ")");
        }
        if (theme != null && !theme.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("theme '" + theme + "' is not a colour like \"#2f5bd3\"");
        }
    }

    /** The declared layout, {@code cards} when none is. */
    public String layoutOr() { return layout == null ? "cards" : layout; }

    /** The declared tables, defaults where none are. */
    public Tables tablesOr() { return tables == null ? Tables.DEFAULT : tables; }

    /** A copy with another layout and theme. */
    public ListingSpec withLook(String layout, String theme) {
        return new ListingSpec(noun, plural, categoryLabel, categories, priceLabel, attributes, optionsLabel, form, table,
                nameColumn, categoryColumn, myLabel, confirmLabel, confirmedTitle, cancelLabel, layout, theme, tables, calendar);
    }

    /** A copy whose bookable times are real dates. */
    public ListingSpec withCalendar(Calendar calendar) {
        return new ListingSpec(noun, plural, categoryLabel, categories, priceLabel, attributes, optionsLabel, form, table,
                nameColumn, categoryColumn, myLabel, confirmLabel, confirmedTitle, cancelLabel, layout, theme, tables, calendar);
    }

    /** The cancel button's label for one booking. */
    public String cancelLabelFor(String name, String option) {
        return cancelLabel.replace("{name}", name).replace("{option}", option);
    }

    /** The search box's label. */
    public String searchLabel() { return "Search " + plural; }
}
