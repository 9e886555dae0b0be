package dev.discreet.mockapps.internal;

import static dev.discreet.mockapps.internal.Html.esc;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.FormSchema;
import dev.discreet.tasks.ListingSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The generic listing engine: one page set for every listing domain, driven by the app schema's
 * {@link ListingSpec}. List/search with category chips → detail with open times → booking form (schema fields with
 * their privacy metadata) → confirmation; "My …" with cancel. Tables: items, options, bookings, drafts.
 */
public final class ListingPages implements AppPages {
    private final AppSchema schema;
    private final ListingSpec spec;
    private final FormSchema form;
    private final String app;
    private final String attrKey;

    public ListingPages(AppSchema schema) {
        this.schema = schema;
        this.spec = schema.listing();
        if (spec == null) throw new IllegalArgumentException("app schema '" + schema.id() + "' has no listing spec");
        this.app = schema.id();
        this.form = schema.form(spec.form()).orElseThrow(() -> new IllegalArgumentException("app schema '" + app
                + "' has no form '" + spec.form() + "' (named by listing.form)"));
        this.attrKey = spec.attributes().isEmpty() ? null : spec.attributes().get(0).key();
    }

    @Override
    public Response handle(EpisodeContext ctx, Request req, List<String> rest) {
        Connection db = ctx.db(app);
        String base = ctx.prefix + "/app/" + app;
        if (rest.isEmpty()) return list(ctx, req, db, base);
        switch (rest.get(0)) {
            case "item":
                return rest.size() == 2 ? detail(ctx, db, base, rest.get(1)) : null;
            case "book":
                if (rest.size() != 1) return null;
                return req.isPost() ? submit(ctx, req, db, base) : bookForm(ctx, db, base, req.q("option"), Map.of(), null);
            case "confirmation":
                return rest.size() == 1 ? confirmation(ctx, db, base, req.q("id")) : null;
            case "mine":
                if (rest.size() == 1) return mine(ctx, db, base, req.q("cancelled"));
                if (rest.size() == 2 && rest.get(1).equals("cancel") && req.isPost()) return cancel(db, base, req.f("id"));
                return null;
            default:
                return null;
        }
    }

    private Response page(EpisodeContext ctx, String title, String back, String body, boolean withScript) {
        return Response.html(Html.page(title + " · " + schema.name(), schema.name(), back, body,
                withScript ? Html.entryScript(ctx.prefix + "/api/entry") : null, null));
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static Optional<Integer> intParam(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String chip(String label, String href, boolean on) {
        return "<a class=\"chip" + (on ? " on" : "") + "\" href=\"" + esc(href) + "\""
                + (on ? " aria-current=\"page\"" : "") + ">" + esc(label) + "</a>";
    }

    private String price(Object p) { return "$" + esc(p); }

    private Response list(EpisodeContext ctx, Request req, Connection db, String base) {
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
              .append("<div class=\"rating\">").append(DoctorPages.rating(d.get("rating"))).append(" ★ (")
              .append(esc(d.get("reviews"))).append(" reviews)</div><div class=\"muted\">")
              .append(esc(d.get("neighbourhood"))).append("</div></a>");
        }
        return page(ctx, "Find " + spec.plural(), ctx.prefix + "/", sb.toString(), true);
    }

    private static final String OPEN_OPTIONS = "SELECT o.id, o.item_id, o.day, o.time FROM options o WHERE "
            + "o.item_id = ? AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.status = 'booked' "
            + "AND b.item_id = o.item_id AND b.day = o.day AND b.time = o.time) ORDER BY o.id";

    private Response detail(EpisodeContext ctx, Connection db, String base, String idText) {
        Optional<Map<String, Object>> item = intParam(idText).flatMap(id -> Db.one(db, "SELECT * FROM items WHERE id = ?", id));
        if (item.isEmpty()) return null;
        Map<String, Object> d = item.get();
        List<Map<String, Object>> options = Db.query(db, OPEN_OPTIONS, d.get("id"));
        StringBuilder sb = new StringBuilder();
        sb.append("<h2>").append(esc(d.get("name"))).append("</h2><dl>")
          .append("<dt>").append(esc(spec.categoryLabel())).append("</dt><dd>").append(esc(d.get("category"))).append("</dd>")
          .append("<dt>Rating</dt><dd class=\"rating\">").append(DoctorPages.rating(d.get("rating"))).append(" ★ (")
          .append(esc(d.get("reviews"))).append(" reviews)</dd>")
          .append("<dt>Neighbourhood</dt><dd>").append(esc(d.get("neighbourhood"))).append("</dd>");
        for (ListingSpec.Attribute a : spec.attributes()) {
            sb.append("<dt>").append(esc(a.label())).append("</dt><dd>").append(esc(d.get(a.key()))).append("</dd>");
        }
        sb.append("<dt>").append(esc(spec.priceLabel())).append("</dt><dd>").append(price(d.get("price"))).append("</dd></dl>");
        sb.append("<h2>").append(esc(spec.optionsLabel())).append("</h2>");
        if (options.isEmpty()) {
            sb.append("<p class=\"muted\">Nothing open this week.</p>");
        } else {
            sb.append("<div class=\"slots\">");
            for (Map<String, Object> o : options) {
                sb.append("<a class=\"slot\" href=\"").append(esc(base + "/book?option=" + o.get("id"))).append("\">")
                  .append(esc(o.get("day") + " " + o.get("time"))).append("</a>");
            }
            sb.append("</div>");
        }
        return page(ctx, String.valueOf(d.get("name")), base + "/", sb.toString(), false);
    }

    private Optional<Map<String, Object>> optionWithItem(Connection db, String text) {
        return intParam(text).flatMap(id -> Db.one(db, "SELECT o.id AS option_id, o.day, o.time, i.id AS item_id, "
                + "i.name, i.category, i.neighbourhood, i.price FROM options o JOIN items i ON i.id = o.item_id "
                + "WHERE o.id = ?", id));
    }

    private static boolean isBooked(Connection db, Map<String, Object> o) {
        return Db.one(db, "SELECT 1 FROM bookings WHERE status = 'booked' AND item_id = ? AND day = ? AND time = ?",
                o.get("item_id"), o.get("day"), o.get("time")).isPresent();
    }

    private Response bookForm(EpisodeContext ctx, Connection db, String base, String optionText,
                              Map<String, String> values, String error) {
        Optional<Map<String, Object>> opt = optionWithItem(db, optionText);
        if (opt.isEmpty()) return null;
        Map<String, Object> o = opt.get();
        String back = base + "/item/" + o.get("item_id");
        if (isBooked(db, o)) {
            String body = "<h2>This time is no longer available</h2><p>" + esc(o.get("name")) + " is already booked on "
                    + esc(o.get("day") + " " + o.get("time")) + ".</p><p><a class=\"btn\" href=\"" + esc(back)
                    + "\">Choose another time</a></p>";
            return Response.html(409, Html.page("Not available · " + schema.name(), schema.name(), back, body, null, null));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<h2>").append(esc(form.title())).append("</h2>");
        sb.append("<div class=\"card\"><h3>").append(esc(o.get("name"))).append("</h3><div>").append(esc(o.get("category")))
          .append(" · ").append(esc(o.get("neighbourhood"))).append("</div><div class=\"fee\">")
          .append(esc(o.get("day") + " " + o.get("time"))).append(" · ").append(price(o.get("price"))).append("</div></div>");
        if (error != null) sb.append("<div class=\"error\" role=\"alert\">").append(esc(error)).append("</div>");
        sb.append(Forms.open(base + "/book", app, form.id())).append(Forms.hidden("option", o.get("option_id")))
          .append(Forms.fields(form, values))
          .append("<button type=\"submit\" class=\"wide\">").append(esc(spec.confirmLabel())).append("</button></form>");
        return page(ctx, form.title(), back, sb.toString(), true);
    }

    private Response submit(EpisodeContext ctx, Request req, Connection db, String base) {
        Map<String, String> values = Forms.values(form, req);
        Forms.recordSubmit(ctx, app, form, values);
        Optional<Map<String, Object>> opt = optionWithItem(db, req.f("option"));
        if (opt.isEmpty()) return null;
        List<String> missing = Forms.missing(form, values);
        if (!missing.isEmpty()) return bookForm(ctx, db, base, req.f("option"), values, Forms.missingMessage(missing));
        Map<String, Object> o = opt.get();
        if (isBooked(db, o)) return bookForm(ctx, db, base, req.f("option"), values, null);
        long id = insertBooking(db, schema, o.get("item_id"), o.get("name"), o.get("category"), o.get("neighbourhood"),
                o.get("day"), o.get("time"), o.get("price"), values, ctx.step());
        return Response.redirect(base + "/confirmation?id=" + id);
    }

    /** Inserts a booking row: catalogue columns, every declared form column (absent ones as ""), status booked. */
    static long insertBooking(Connection db, AppSchema schema, Object itemId, Object name, Object category, Object hood,
                              Object day, Object time, Object price, Map<String, String> values, int step) {
        String table = schema.listing().table();
        List<String> columns = schema.tables().get(table);
        List<String> names = new ArrayList<>(List.of("item_id", "item_name", "category", "neighbourhood", "day", "time",
                "price", "status", "created_step"));
        List<Object> params = new ArrayList<>(List.of(itemId, name, category, hood, day, time, price, "booked", step));
        for (String col : columns) {
            if (col.equals("id") || names.contains(col)) continue;
            names.add(col);
            params.add(values.getOrDefault(col, ""));
        }
        List<String> quoted = names.stream().map(Db::quote).toList();
        return Db.insert(db, "INSERT INTO " + Db.quote(table) + "(" + String.join(", ", quoted) + ") VALUES ("
                + "?,".repeat(quoted.size() - 1) + "?)", params.toArray());
    }

    private Response confirmation(EpisodeContext ctx, Connection db, String base, String idText) {
        Optional<Map<String, Object>> row = intParam(idText).flatMap(id -> Db.one(db, "SELECT * FROM bookings WHERE id = ?", id));
        if (row.isEmpty()) return null;
        Map<String, Object> a = row.get();
        StringBuilder sb = new StringBuilder("<div class=\"notice\" role=\"status\"><strong>")
                .append(esc(spec.confirmedTitle())).append("</strong></div>");
        sb.append("<h2>").append(esc(spec.confirmedTitle())).append("</h2><dl>")
          .append("<dt>").append(esc(cap(spec.noun()))).append("</dt><dd>").append(esc(a.get("item_name"))).append("</dd>")
          .append("<dt>").append(esc(spec.categoryLabel())).append("</dt><dd>").append(esc(a.get("category"))).append("</dd>")
          .append("<dt>When</dt><dd>").append(esc(a.get("day") + " " + a.get("time"))).append("</dd>");
        for (FieldSpec f : form.fields()) {
            Object v = a.get(f.name());
            if (v != null && !v.toString().isEmpty()) {
                sb.append("<dt>").append(esc(f.label())).append("</dt><dd>").append(esc(v)).append("</dd>");
            }
        }
        sb.append("<dt>Status</dt><dd>").append(esc(a.get("status"))).append("</dd></dl>");
        sb.append("<div class=\"actions\"><a class=\"btn\" href=\"").append(esc(base + "/mine")).append("\">")
          .append(esc(spec.myLabel())).append("</a><a class=\"btn ghost\" href=\"").append(esc(base + "/"))
          .append("\">Find another ").append(esc(spec.noun())).append("</a></div>");
        return page(ctx, spec.confirmedTitle(), base + "/", sb.toString(), false);
    }

    private static String cap(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    private Response mine(EpisodeContext ctx, Connection db, String base, String cancelled) {
        List<Map<String, Object>> rows = Db.query(db, "SELECT * FROM bookings ORDER BY CASE status WHEN 'booked' "
                + "THEN 0 ELSE 1 END, id");
        StringBuilder sb = new StringBuilder("<h2>").append(esc(spec.myLabel())).append("</h2>");
        intParam(cancelled).flatMap(id -> Db.one(db, "SELECT * FROM bookings WHERE id = ?", id)).ifPresent(a ->
                sb.append("<div class=\"notice\" role=\"status\">").append(esc(a.get("item_name"))).append(" on ")
                  .append(esc(a.get("day") + " " + a.get("time"))).append(" was cancelled.</div>"));
        if (rows.isEmpty()) sb.append("<p>Nothing booked yet.</p>");
        for (Map<String, Object> a : rows) {
            String status = String.valueOf(a.get("status"));
            sb.append("<div class=\"card\"><div class=\"row\"><h3>").append(esc(a.get("item_name")))
              .append("</h3><span class=\"status ").append(esc(status)).append("\">").append(esc(status)).append("</span></div>")
              .append("<div>").append(esc(a.get("category"))).append(" · ").append(esc(a.get("neighbourhood")))
              .append("</div><div class=\"fee\">").append(esc(a.get("day") + " " + a.get("time"))).append("</div>");
            if ("booked".equals(status)) {
                sb.append("<div class=\"actions\"><form method=\"post\" action=\"").append(esc(base + "/mine/cancel"))
                  .append("\">").append(Forms.hidden("id", a.get("id")))
                  .append("<button type=\"submit\" class=\"danger\">")
                  .append(esc(spec.cancelLabelFor(String.valueOf(a.get("item_name")), a.get("day") + " " + a.get("time"))))
                  .append("</button></form></div>");
            }
            sb.append("</div>");
        }
        sb.append("<p><a class=\"btn ghost wide\" href=\"").append(esc(base + "/")).append("\">Find ")
          .append(esc(spec.plural())).append("</a></p>");
        return page(ctx, spec.myLabel(), base + "/", sb.toString(), false);
    }

    private Response cancel(Connection db, String base, String idText) {
        Optional<Integer> id = intParam(idText);
        if (id.isEmpty()) return null;
        int n = Db.update(db, "UPDATE bookings SET status = 'cancelled' WHERE id = ? AND status = 'booked'", id.get());
        return Response.redirect(base + "/mine" + (n > 0 ? "?cancelled=" + id.get() : ""));
    }
}
