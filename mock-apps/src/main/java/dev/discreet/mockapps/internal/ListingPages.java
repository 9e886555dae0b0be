package dev.discreet.mockapps.internal;

import static dev.discreet.mockapps.internal.Html.esc;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.FormSchema;
import dev.discreet.tasks.ListingSpec;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The generic listing engine: one page set for every listing domain, driven by the app schema's
 * {@link ListingSpec}. List/search with category chips → detail with open times → booking form (schema fields with
 * their privacy metadata) → confirmation; "My …" with cancel. Tables: items, options, bookings, drafts.
 */
public final class ListingPages extends BookingPages {
    /** The sort orders of the list; the first is the default (deliberately not by rating). */
    static final List<String[]> SORTS = List.of(
            new String[] {"recommended", "Recommended", "reviews DESC, name ASC"},
            new String[] {"rating", "Highest rated", "rating DESC, name ASC"},
            new String[] {"price", "Lowest price", "%s ASC, name ASC"},
            new String[] {"name", "Name (A–Z)", "name ASC"});

    private final ListingSpec spec;

    public ListingPages(AppSchema schema) {
        super(schema, bookingForm(schema), layout(schema));
        this.spec = schema.listing();
        checkTables(schema);
    }

    private static Layout layout(AppSchema schema) {
        ListingSpec.Tables t = schema.listing().tablesOr();
        return new Layout(t.itemsOr(), t.optionsOr(), schema.listing().table(), t.itemKeyOr(), t.itemCategoryOr(),
                t.itemPriceOr(), schema.listing().nameColumn(), t.itemPathOr(), t.optionParamOr(), t.minePathOr());
    }

    /** The tables and columns these pages read and write must be declared, with a message naming what is missing. */
    static void checkTables(AppSchema schema) {
        Layout l = layout(schema);
        Map<String, List<String>> need = new LinkedHashMap<>();
        need.put(l.items(), List.of("id", "name", l.category(), "rating", "reviews", "neighbourhood", l.price()));
        need.put(l.options(), List.of("id", l.itemKey(), "day", "time"));
        need.put(l.bookings(), List.of("id", l.itemKey(), l.bookedName(), schema.listing().categoryColumn(), "day", "time",
                "status", "created_step"));
        List<String> missing = new ArrayList<>();
        need.forEach((table, cols) -> {
            List<String> declared = schema.tables().get(table);
            if (declared == null) missing.add("table '" + table + "'");
            else for (String c : cols) if (!declared.contains(c)) missing.add("column '" + table + "." + c + "'");
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("app schema '" + schema.id() + "' lacks what its listing pages need: "
                    + String.join(", ", missing) + " (see listing.tables for the table and column names)");
        }
    }

    private static FormSchema bookingForm(AppSchema schema) {
        ListingSpec spec = schema.listing();
        if (spec == null) throw new IllegalArgumentException("app schema '" + schema.id() + "' has no listing spec");
        return schema.form(spec.form()).orElseThrow(() -> new IllegalArgumentException("app schema '" + schema.id()
                + "' has no form '" + spec.form() + "' (named by listing.form)"));
    }

    @Override protected String categoryLabel() { return spec.categoryLabel(); }
    @Override protected List<ListingSpec.Attribute> attributes() { return spec.attributes(); }
    @Override protected String priceLabel() { return spec.priceLabel(); }
    @Override protected String optionsLabel() { return spec.optionsLabel(); }
    @Override protected String noOptions() { return "Nothing open this week."; }
    @Override protected String confirmLabel() { return spec.confirmLabel(); }
    @Override protected String confirmedTitle() { return spec.confirmedTitle(); }
    @Override protected String nameLabel() { return cap(spec.noun()); }
    @Override protected String noun() { return spec.noun(); }
    @Override protected String myLabel() { return spec.myLabel(); }
    @Override protected String cancelledPrefix() { return ""; }
    @Override protected String nothingBooked() { return "Nothing booked yet."; }
    @Override protected String findLabel() { return "Find " + spec.plural(); }
    @Override protected String cancelLabel(String name, String when) { return spec.cancelLabelFor(name, when); }

    @Override
    protected String bookedSummaryHtml(Map<String, Object> a) {
        Object hood = a.get("neighbourhood");
        return esc(a.get(spec.categoryColumn())) + (hood == null || hood.toString().isEmpty() ? "" : " · " + esc(hood));
    }

    private static String cap(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    @Override
    protected Response page(EpisodeContext ctx, String title, String back, String body, boolean withScript) {
        return Response.html(Html.page(title + " · " + schema.name(), schema.name(), back, body,
                withScript ? Html.entryScript(ctx.prefix + "/api/entry") : null, null, spec.theme(), null, today()));
    }

    @Override
    protected long insert(EpisodeContext ctx, Connection db, Map<String, Object> o, Map<String, String> values) {
        return insertBooking(db, schema, o.get("item_id"), o.get("name"), o.get("category"), o.get("neighbourhood"),
                o.get("day"), o.get("time"), o.get("price"), values, ctx.step());
    }

    /**
     * Inserts a booking row: the item's key, name and category into the declared columns, neighbourhood and price
     * when the bookings table has them, every declared form column (absent ones as ""), status booked.
     */
    static long insertBooking(Connection db, AppSchema schema, Object itemId, Object name, Object category, Object hood,
                              Object day, Object time, Object price, Map<String, String> values, int step) {
        ListingSpec spec = schema.listing();
        List<String> cols = schema.tables().get(spec.table());
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put(spec.tablesOr().itemKeyOr(), itemId);
        fixed.put(spec.nameColumn(), name);
        fixed.put(spec.categoryColumn(), category);
        if (cols.contains("neighbourhood")) fixed.put("neighbourhood", hood);
        fixed.put("day", day);
        fixed.put("time", time);
        if (cols.contains("price")) fixed.put("price", price);
        fixed.put("status", "booked");
        fixed.put("created_step", step);
        return insertBooking(db, schema, spec.table(), fixed, values);
    }

    private static String[] sort(String key) {
        return SORTS.stream().filter(x -> x[0].equals(key)).findFirst().orElse(SORTS.get(0));
    }

    private String href(String base, String category, String sort, String q) {
        StringBuilder sb = new StringBuilder(base + "/");
        String sep = "?";
        if (!category.isEmpty()) { sb.append(sep).append("category=").append(enc(category)); sep = "&"; }
        if (!sort.equals(SORTS.get(0)[0])) { sb.append(sep).append("sort=").append(enc(sort)); sep = "&"; }
        if (!q.isEmpty()) sb.append(sep).append("q=").append(enc(q));
        return sb.toString();
    }

    @Override
    protected Response list(EpisodeContext ctx, Request req, Connection db, String base) {
        String q = req.q("q").trim();
        // "specialty" is MediBook's older parameter name for the category filter; both work.
        String asked = !req.q("category").isEmpty() ? req.q("category") : req.q("specialty");
        String category = spec.categories().contains(asked) ? asked : "";
        String[] sort = sort(req.q("sort"));
        String hood = req.q("area");
        int maxPrice = intParam(req.q("max")).orElse(0);
        if (!q.isEmpty()) ctx.record(app, "search", "q", req.q("q"), dev.discreet.tasks.evidence.EntryEvent.SUBMIT);
        String catCol = Db.quote(layout.category());
        StringBuilder sql = new StringBuilder("SELECT * FROM " + Db.quote(layout.items()) + " WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!category.isEmpty()) {
            sql.append(" AND ").append(catCol).append(" = ?");
            params.add(category);
        }
        if (!hood.isEmpty()) {
            sql.append(" AND neighbourhood = ?");
            params.add(hood);
        }
        if (maxPrice > 0) {
            sql.append(" AND ").append(Db.quote(layout.price())).append(" <= ?");
            params.add(maxPrice);
        }
        if (!q.isEmpty()) {
            List<String> searched = new ArrayList<>(List.of("name", layout.category(), "neighbourhood"));
            for (ListingSpec.Attribute a : spec.attributes()) searched.add(a.key());
            sql.append(" AND (");
            for (int i = 0; i < searched.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("lower(").append(Db.quote(searched.get(i))).append(") LIKE ?");
                params.add("%" + q.toLowerCase(Locale.ROOT) + "%");
            }
            sql.append(")");
        }
        sql.append(" ORDER BY ").append(String.format(sort[2], Db.quote(layout.price())));
        List<Map<String, Object>> rows = Db.query(db, sql.toString(), params.toArray());
        String layoutName = spec.layoutOr();
        String mine = base + "/" + layout.minePath();

        StringBuilder sb = new StringBuilder();
        if (layoutName.equals("tabs")) {
            sb.append("<nav class=\"tabs\" aria-label=\"").append(esc(spec.categoryLabel())).append("\">")
              .append(tab("All", href(base, "", sort[0], q), category.isEmpty()));
            for (String c : spec.categories()) sb.append(tab(c, href(base, c, sort[0], q), c.equals(category)));
            sb.append("</nav>");
        }
        if (!layoutName.equals("bottom-nav")) {
            sb.append(layoutName.equals("cards")
                    ? "<p><a class=\"btn ghost wide\" href=\"" + esc(mine) + "\">" + esc(spec.myLabel()) + "</a></p>"
                    : "<div class=\"toplink\"><a href=\"" + esc(mine) + "\">" + esc(spec.myLabel()) + " ›</a></div>");
        }
        sb.append("<form method=\"get\" action=\"").append(esc(base + "/")).append("\" role=\"search\" data-app=\"")
          .append(esc(app)).append("\" data-form=\"search\" id=\"search\"><div class=\"search\"><div class=\"field\">")
          .append("<label for=\"q\">").append(esc(spec.searchLabel())).append("</label><input id=\"q\" name=\"q\" ")
          .append("type=\"search\" value=\"").append(esc(req.q("q"))).append("\" placeholder=\"Name, ")
          .append(esc(spec.categoryLabel().toLowerCase(Locale.ROOT))).append(" or neighbourhood\" autocomplete=\"off\"></div>")
          .append("<button type=\"submit\">Search</button></div>");
        if (!category.isEmpty()) sb.append(Forms.hidden("category", category));
        if (layoutName.equals("filters")) {
            List<String> hoods = Db.query(db, "SELECT DISTINCT neighbourhood FROM " + Db.quote(layout.items())
                    + " ORDER BY neighbourhood").stream().map(r -> String.valueOf(r.get("neighbourhood"))).toList();
            sb.append("<div class=\"filters\"><div class=\"frow\"><div class=\"field\"><label for=\"area\">Neighbourhood</label>")
              .append("<select id=\"area\" name=\"area\" data-sheet data-autosubmit><option value=\"\">Any</option>");
            for (String h : hoods) {
                sb.append("<option value=\"").append(esc(h)).append("\"").append(h.equals(hood) ? " selected" : "")
                  .append(">").append(esc(h)).append("</option>");
            }
            sb.append("</select></div><div class=\"field\"><label for=\"max\">Max ").append(esc(spec.priceLabel().toLowerCase(Locale.ROOT)))
              .append("</label><select id=\"max\" name=\"max\" data-sheet data-autosubmit><option value=\"\">Any</option>");
            int top = Db.one(db, "SELECT max(" + Db.quote(layout.price()) + ") AS m FROM " + Db.quote(layout.items()))
                    .map(r -> ((Number) r.get("m")).intValue()).orElse(0);
            int step = top > 200 ? 50 : top > 40 ? 10 : 5;
            for (int p = step; p < top + step; p += step) {
                sb.append("<option value=\"").append(p).append("\"").append(p == maxPrice ? " selected" : "")
                  .append(">$").append(p).append("</option>");
            }
            sb.append("</select></div></div></div>");
        }
        sb.append("<div class=\"sortrow\"><label for=\"sort\">Sort by</label><select id=\"sort\" name=\"sort\" data-sheet data-autosubmit>");
        for (String[] x : SORTS) {
            sb.append("<option value=\"").append(x[0]).append("\"").append(x == sort ? " selected" : "").append(">")
              .append(esc(x[1])).append("</option>");
        }
        sb.append("</select></div></form>");
        if (!layoutName.equals("tabs")) {
            sb.append("<nav class=\"chips\" aria-label=\"").append(esc(spec.categoryLabel())).append("\">");
            sb.append(chip("All", href(base, "", sort[0], ""), category.isEmpty()));
            for (String c : spec.categories()) sb.append(chip(c, href(base, c, sort[0], ""), c.equals(category)));
            sb.append("</nav>");
        }
        sb.append("<p class=\"muted\">").append(rows.size()).append(' ')
          .append(esc(rows.size() == 1 ? spec.noun() : spec.plural()))
          .append(category.isEmpty() ? "" : " · " + esc(category))
          .append(q.isEmpty() ? "" : " matching “" + esc(q) + "”").append(" · ").append(esc(sort[1])).append("</p>");
        if (rows.isEmpty()) sb.append("<div class=\"card\">No ").append(esc(spec.plural())).append(" match your search.</div>");
        String item = base + "/" + layout.itemPath() + "/";
        switch (layoutName) {
            case "tabs" -> {
                sb.append("<div class=\"tiles\">");
                for (Map<String, Object> d : rows) {
                    sb.append("<a class=\"tile\" href=\"").append(esc(item + d.get("id"))).append("\"><div class=\"art\" style=\"background:")
                      .append(tint(String.valueOf(d.get("name")))).append("\" aria-hidden=\"true\">").append(esc(initials(d.get("name"))))
                      .append("</div><div class=\"tb\"><h3>").append(esc(d.get("name"))).append("</h3><div class=\"rating\">")
                      .append(rating(d.get("rating"))).append(" ★ (").append(esc(d.get("reviews"))).append(")</div><div>")
                      .append(price(d.get(layout.price()))).append(" · ").append(esc(d.get("neighbourhood"))).append("</div></div></a>");
                }
                sb.append("</div>");
            }
            case "filters", "bottom-nav" -> {
                sb.append("<div class=\"rows\">");
                for (Map<String, Object> d : rows) {
                    sb.append("<a class=\"rowi\" href=\"").append(esc(item + d.get("id"))).append("\"><span class=\"av\" style=\"background:")
                      .append(tint(String.valueOf(d.get(layout.category())))).append("\" aria-hidden=\"true\">")
                      .append(esc(initials(d.get("name")))).append("</span><span class=\"rb\"><h3>").append(esc(d.get("name")))
                      .append("</h3><span class=\"sub\">").append(esc(d.get(layout.category()))).append(" · ")
                      .append(esc(d.get("neighbourhood"))).append("</span><br><span class=\"rating\">").append(rating(d.get("rating")))
                      .append(" ★</span> <span class=\"sub\">(").append(esc(d.get("reviews"))).append(" reviews)</span></span>")
                      .append("<span class=\"pr\">").append(price(d.get(layout.price()))).append("</span></a>");
                }
                sb.append("</div>");
            }
            default -> {
                for (Map<String, Object> d : rows) {
                    sb.append("<a class=\"card\" href=\"").append(esc(item + d.get("id"))).append("\">")
                      .append("<div class=\"row\"><h3>").append(esc(d.get("name"))).append("</h3><span class=\"fee\">")
                      .append(price(d.get(layout.price()))).append("</span></div>")
                      .append("<div>").append(esc(d.get(layout.category()))).append("</div>")
                      .append("<div class=\"rating\">").append(rating(d.get("rating"))).append(" ★ (")
                      .append(esc(d.get("reviews"))).append(" reviews)</div><div class=\"muted\">")
                      .append(esc(d.get("neighbourhood"))).append("</div></a>");
                }
            }
        }
        String nav = null;
        if (layoutName.equals("bottom-nav")) {
            nav = "<nav class=\"bottomnav\" aria-label=\"Sections\"><a class=\"on\" href=\"" + esc(base + "/")
                    + "\" aria-current=\"page\"><span class=\"i\" aria-hidden=\"true\">⌂</span>Explore</a><a href=\""
                    + esc(base + "/#search") + "\"><span class=\"i\" aria-hidden=\"true\">⌕</span>Search</a><a href=\""
                    + esc(mine) + "\"><span class=\"i\" aria-hidden=\"true\">☰</span>" + esc(spec.myLabel()) + "</a></nav>";
        }
        return Response.html(Html.page("Find " + spec.plural() + " · " + schema.name(), schema.name(), ctx.prefix + "/",
                sb.toString(), Html.entryScript(ctx.prefix + "/api/entry"), null, spec.theme(), nav, today()));
    }

    /** The episode's date: the calendar's start, or null (the default) for an app without one. */
    private String today() { return spec.calendar() == null ? null : spec.calendar().start(); }

    private static String tab(String label, String href, boolean on) {
        return "<a class=\"tab" + (on ? " on" : "") + "\" href=\"" + esc(href) + "\"" + (on ? " aria-current=\"page\"" : "")
                + ">" + esc(label) + "</a>";
    }

    private static String initials(Object name) {
        StringBuilder sb = new StringBuilder();
        for (String w : String.valueOf(name).split(" ")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !w.endsWith(".") && sb.length() < 2) sb.append(w.charAt(0));
        }
        return sb.toString();
    }

    private static String tint(String s) { return "hsl(" + Math.floorMod(s.hashCode() * 31, 360) + ",45%,46%)"; }
}
