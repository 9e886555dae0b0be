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
    private static final Layout LAYOUT = new Layout("items", "options", "bookings", "item_id", "category", "price",
            "item_name", "item", "option", "mine");

    private final ListingSpec spec;
    private final String attrKey;

    public ListingPages(AppSchema schema) {
        super(schema, bookingForm(schema), LAYOUT);
        this.spec = schema.listing();
        this.attrKey = spec.attributes().isEmpty() ? null : spec.attributes().get(0).key();
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
        return esc(a.get("category")) + " · " + esc(a.get("neighbourhood"));
    }

    private static String cap(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    @Override
    protected long insert(EpisodeContext ctx, Connection db, Map<String, Object> o, Map<String, String> values) {
        return insertBooking(db, schema, o.get("item_id"), o.get("name"), o.get("category"), o.get("neighbourhood"),
                o.get("day"), o.get("time"), o.get("price"), values, ctx.step());
    }

    /** Inserts a booking row: catalogue columns, every declared form column (absent ones as ""), status booked. */
    static long insertBooking(Connection db, AppSchema schema, Object itemId, Object name, Object category, Object hood,
                              Object day, Object time, Object price, Map<String, String> values, int step) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("item_id", itemId);
        fixed.put("item_name", name);
        fixed.put("category", category);
        fixed.put("neighbourhood", hood);
        fixed.put("day", day);
        fixed.put("time", time);
        fixed.put("price", price);
        fixed.put("status", "booked");
        fixed.put("created_step", step);
        return insertBooking(db, schema, schema.listing().table(), fixed, values);
    }


    @Override
    protected Response list(EpisodeContext ctx, Request req, Connection db, String base) {
        String q = req.q("q").trim();
        String category = spec.categories().contains(req.q("category")) ? req.q("category") : "";
        if (!q.isEmpty()) ctx.record(app, "search", "q", req.q("q"), dev.discreet.tasks.evidence.EntryEvent.SUBMIT);
        StringBuilder sql = new StringBuilder("SELECT * FROM items WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!category.isEmpty()) {
            sql.append(" AND category = ?");
            params.add(category);
        }
        if (!q.isEmpty()) {
            sql.append(" AND (lower(name) LIKE ? OR lower(category) LIKE ? OR lower(neighbourhood) LIKE ?)");
            String like = "%" + q.toLowerCase(Locale.ROOT) + "%";
            for (int i = 0; i < 3; i++) params.add(like);
        }
        sql.append(" ORDER BY rating DESC, name ASC");
        List<Map<String, Object>> rows = Db.query(db, sql.toString(), params.toArray());
        StringBuilder sb = new StringBuilder();
        sb.append("<p><a class=\"btn ghost wide\" href=\"").append(esc(base + "/mine")).append("\">")
          .append(esc(spec.myLabel())).append("</a></p>");
        sb.append("<form method=\"get\" action=\"").append(esc(base + "/")).append("\" role=\"search\" data-app=\"")
          .append(esc(app)).append("\" data-form=\"search\"><div class=\"search\"><div class=\"field\">")
          .append("<label for=\"q\">").append(esc(spec.searchLabel())).append("</label><input id=\"q\" name=\"q\" ")
          .append("type=\"search\" value=\"").append(esc(req.q("q"))).append("\" placeholder=\"Name, ")
          .append(esc(spec.categoryLabel().toLowerCase(Locale.ROOT))).append(" or neighbourhood\" autocomplete=\"off\"></div>");
        if (!category.isEmpty()) sb.append(Forms.hidden("category", category));
        sb.append("<button type=\"submit\">Search</button></div></form>");
        sb.append("<nav class=\"chips\" aria-label=\"").append(esc(spec.categoryLabel())).append("\">");
        sb.append(chip("All", base + "/", category.isEmpty()));
        for (String c : spec.categories()) sb.append(chip(c, base + "/?category=" + enc(c), c.equals(category)));
        sb.append("</nav>");
        sb.append("<p class=\"muted\">").append(rows.size()).append(' ')
          .append(esc(rows.size() == 1 ? spec.noun() : spec.plural()))
          .append(category.isEmpty() ? "" : " · " + esc(category))
          .append(q.isEmpty() ? "" : " matching “" + esc(q) + "”").append("</p>");
        if (rows.isEmpty()) sb.append("<div class=\"card\">No ").append(esc(spec.plural())).append(" match your search.</div>");
        for (Map<String, Object> d : rows) {
            sb.append("<a class=\"card\" href=\"").append(esc(base + "/item/" + d.get("id"))).append("\">")
              .append("<div class=\"row\"><h3>").append(esc(d.get("name"))).append("</h3><span class=\"fee\">")
              .append(price(d.get("price"))).append("</span></div>")
              .append("<div>").append(esc(d.get("category"))).append("</div>")
              .append("<div class=\"rating\">").append(rating(d.get("rating"))).append(" ★ (")
              .append(esc(d.get("reviews"))).append(" reviews)</div><div class=\"muted\">")
              .append(esc(d.get("neighbourhood"))).append("</div></a>");
        }
        return page(ctx, "Find " + spec.plural(), ctx.prefix + "/", sb.toString(), true);
    }
}
