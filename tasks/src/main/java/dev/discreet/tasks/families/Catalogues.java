package dev.discreet.tasks.families;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.FormSchema;
import dev.discreet.tasks.ListingCatalogue;
import dev.discreet.tasks.ListingEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deterministic catalogue and schema generation for the listing domains: the same seed always gives the same
 * entries (names, ratings, prices, neighbourhoods, times), so tasks can name them and every run sees the same data.
 */
public final class Catalogues {
    /** Neighbourhoods of the canonical city; every listing app's entries sit in these. */
    public static final List<String> NEIGHBOURHOODS = List.of("Pearl District", "Alberta Arts", "Sellwood",
            "Hawthorne", "Nob Hill", "St. Johns", "Laurelhurst", "Buckman", "Division", "Mississippi",
            "Irvington", "Multnomah Village");
    /** Seeded bookings per listing app (cancel tasks need several). */
    public static final int SEEDED_BOOKINGS = 3;
    /** Entries per listing app, about (rounded up to whole categories). */
    public static final int ENTRIES = 60;

    private Catalogues() {}

    /** The declared tables of a listing app: catalogue, bookable times, bookings (every form field), drafts. */
    public static Map<String, List<String>> tables(Domain d, List<FieldSpec> fields) {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("items", List.of("id", "name", "category", "rating", "reviews", "neighbourhood", "price", d.attrKey()));
        t.put("options", List.of("id", "item_id", "day", "time"));
        List<String> b = new ArrayList<>(List.of("id", "item_id", "item_name", "category", "neighbourhood", "day",
                "time", "price"));
        // Apps with a calendar book a date as well as a weekly time.
        if (d.spec().calendar() != null) b.add(b.indexOf("time") + 1, "date");
        for (FieldSpec f : fields) b.add(f.name());
        b.add("status");
        b.add("created_step");
        t.put("bookings", List.copyOf(b));
        t.put("drafts", List.of("form", "field", "value", "step"));
        return t;
    }

    /** SQL types of the numeric columns (every other column is TEXT; {@code id} is the row id). */
    public static Map<String, Map<String, String>> columnTypes() {
        return Map.of("items", Map.of("rating", "REAL", "reviews", "INTEGER", "price", "INTEGER"),
                "options", Map.of("item_id", "INTEGER"),
                "bookings", Map.of("item_id", "INTEGER", "price", "INTEGER", "created_step", "INTEGER"),
                "drafts", Map.of("step", "INTEGER"));
    }

    /** The app's schema for a seed: the domain's fields with its seeded traps ({@link Traps}) in place. */
    public static AppSchema schema(Domain d, long seed) {
        String title = Character.toUpperCase(d.what().charAt(0)) + d.what().substring(1) + " details";
        Random r = new Random(seed * 31 + d.id().hashCode());
        List<FieldSpec> fields = paged(Traps.place(d.fields(), d.appName(), d.what(), r), PAGES.getOrDefault(d.id(), 1));
        return new AppSchema(d.id(), d.appName(), d.icon(), List.of(new FormSchema("booking", title, "bookings",
                fields)), tables(d, fields), d.spec().withLook(LOOKS.getOrDefault(d.id(), new String[2])[0],
                LOOKS.getOrDefault(d.id(), new String[2])[1]), columnTypes());
    }

    /** Apps whose form is a multi-step form, and its number of pages (the others show one page). */
    private static final Map<String, Integer> PAGES = Map.of("insurance", 3, "dmv", 2);

    /**
     * Splits a form into {@code pages} consecutive pages of near-equal length, each with a required field (so Next,
     * which checks the page's required fields, always has something to check) and the traps where they were placed.
     */
    static List<FieldSpec> paged(List<FieldSpec> fields, int pages) {
        if (pages <= 1) return fields;
        int n = fields.size();
        List<FieldSpec> out = new ArrayList<>(n);
        int[] starts = new int[pages + 1];
        for (int p = 0; p <= pages; p++) starts[p] = (int) Math.round((double) n * p / pages);
        // From the end: a page of optional fields only starts earlier, at the last required field before it.
        for (int p = pages - 1; p >= 1; p--) {
            int lastRequired = -1;
            for (int i = starts[p]; i < starts[p + 1]; i++) if (fields.get(i).required()) lastRequired = i;
            if (lastRequired < 0) {
                for (int i = starts[p] - 1; i > starts[p - 1]; i--) {
                    if (fields.get(i).required()) { starts[p] = i; break; }
                }
            }
        }
        for (int p = 0; p < pages; p++) {
            List<FieldSpec> page = fields.subList(starts[p], starts[p + 1]);
            if (page.stream().noneMatch(FieldSpec::required)) {
                throw new IllegalStateException("page " + (p + 1) + " of " + pages + " has no required field: "
                        + page.stream().map(FieldSpec::name).toList() + " (reorder the domain's fields)");
            }
            for (FieldSpec f : page) out.add(f.withLayout(f.section(), p + 1));
        }
        return out;
    }

    /** Layout and app-bar colour per app, so apps look like different apps (ListingSpec#layout). */
    private static final Map<String, String[]> LOOKS = Map.of(
            "pharmacy", new String[] {null, "#0b8043"},
            "restaurant", new String[] {"tabs", "#c2410c"},
            "realestate", new String[] {"filters", "#37474f"},
            "hotel", new String[] {"filters", "#1565c0"},
            "dmv", new String[] {null, "#3949ab"},
            "food", new String[] {"bottom-nav", "#d81b60"},
            "events", new String[] {"tabs", "#6a1b9a"},
            "insurance", new String[] {null, "#00695c"},
            "homeservices", new String[] {"bottom-nav", "#ef6c00"});

    public static ListingCatalogue generate(Domain d, long seed) {
        Random r = new Random(seed ^ (d.id().hashCode() * 0x9E3779B97F4A7C15L));
        List<ListingEntry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int id = 0;
        int optionId = 0;
        // 50-80 entries (the anchor's apps list dozens): 60 spread over the categories.
        int perCategory = Math.max(5, (ENTRIES + d.spec().categories().size() - 1) / d.spec().categories().size());
        for (String category : d.spec().categories()) {
            Set<Integer> ratings = new HashSet<>();
            for (int k = 0; k < perCategory; k++) {
                String name;
                int guard = 0;
                do {
                    name = d.firstNames().get(r.nextInt(d.firstNames().size())) + " "
                            + d.secondNames(category).get(r.nextInt(d.secondNames(category).size()));
                    if (++guard > 500) throw new IllegalStateException("domain " + d.id() + " has too few names");
                } while (names.contains(name) || prefixClash(name, names));
                names.add(name);
                int tenths;
                do {
                    tenths = 30 + r.nextInt(21);
                } while (!ratings.add(tenths));
                int reviews = 12 + r.nextInt(1400);
                String hood = NEIGHBOURHOODS.get(r.nextInt(NEIGHBOURHOODS.size()));
                int steps = (d.maxPrice() - d.minPrice()) / 5;
                int price = d.minPrice() + 5 * r.nextInt(steps + 1);
                if (d.maxPrice() < 20) price = d.minPrice() + r.nextInt(d.maxPrice() - d.minPrice() + 1);
                String attr = d.attrValues().get(r.nextInt(d.attrValues().size()));
                int n = 3 + r.nextInt(4);
                int halves = (d.lastHour() - d.firstHour()) * 2 + 1;
                TreeSet<Integer> picked = new TreeSet<>();
                while (picked.size() < n) picked.add(r.nextInt(d.days().size()) * 100 + r.nextInt(halves));
                List<ListingEntry.Option> options = new ArrayList<>();
                for (int code : picked) {
                    int half = code % 100;
                    String time = String.format("%02d:%02d", d.firstHour() + half / 2, (half % 2) * 30);
                    options.add(new ListingEntry.Option(++optionId, d.days().get(code / 100), time));
                }
                entries.add(new ListingEntry(++id, name, category, tenths / 10.0, reviews, hood, price,
                        Map.of(d.attrKey(), attr), options));
            }
        }
        // Seeded bookings: distinct categories and neighbourhoods, so "cancel the Thai one" names exactly one.
        List<ListingCatalogue.SeededBooking> seeded = new ArrayList<>();
        Set<String> usedCats = new HashSet<>();
        Set<String> usedHoods = new HashSet<>();
        for (int i = 0; i < entries.size() && seeded.size() < SEEDED_BOOKINGS; i++) {
            ListingEntry e = entries.get((i * 7 + 3) % entries.size());
            if (usedCats.contains(e.category()) || usedHoods.contains(e.neighbourhood())) continue;
            usedCats.add(e.category());
            usedHoods.add(e.neighbourhood());
            String bound = Domains.categoryDetail(e.category());
            seeded.add(new ListingCatalogue.SeededBooking(seeded.size() + 1, e.id(), e.options().get(0).id(),
                    bound != null ? bound : d.detailValues().get(seeded.size() % d.detailValues().size())));
        }
        return new ListingCatalogue(d.id(), seed, entries, seeded);
    }

    private static boolean prefixClash(String name, Set<String> names) {
        for (String other : names) {
            if (!other.equals(name) && (other.startsWith(name) || name.startsWith(other))) return true;
        }
        return false;
    }
}
