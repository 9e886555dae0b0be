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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The booking mechanics MediBook and the listing apps share: detail with open times → booking form (409 once the
 * time is taken) → submit with the required-field check → confirmation; "My …" with cancel. Subclasses supply the
 * list page and their wording; their tables, columns and routes are named by a {@link Layout}.
 */
abstract class BookingPages implements AppPages {
    /**
     * Where one app keeps its catalogue. The options and bookings tables both point at the item through
     * {@code itemKey}, and items and bookings share the {@code category} column name.
     */
    record Layout(String items, String options, String bookings, String itemKey, String category, String price,
                  String bookedName, String itemPath, String optionParam, String minePath) {}

    protected final AppSchema schema;
    protected final FormSchema form;
    protected final String app;
    protected final Layout layout;
    private final String openOptions;
    private final String optionWithItem;
    private final String bookedAt;

    BookingPages(AppSchema schema, FormSchema form, Layout l) {
        this.schema = schema;
        this.form = form;
        this.app = schema.id();
        this.layout = l;
        this.openOptions = "SELECT o.id, o.day, o.time FROM " + l.options() + " o WHERE o." + l.itemKey() + " = ? AND NOT "
                + "EXISTS (SELECT 1 FROM " + l.bookings() + " b WHERE b.status = 'booked' AND b." + l.itemKey() + " = o."
                + l.itemKey() + " AND b.day = o.day AND b.time = o.time) ORDER BY o.id";
        // Aliased to common keys so the form, the 409 page and the insert read every app's option row alike.
        this.optionWithItem = "SELECT o.id AS option_id, o.day, o.time, i.id AS item_id, i.name, i." + l.category()
                + " AS category, i.neighbourhood, i." + l.price() + " AS price FROM " + l.options() + " o JOIN "
                + l.items() + " i ON i.id = o." + l.itemKey() + " WHERE o.id = ?";
        this.bookedAt = "SELECT 1 FROM " + l.bookings() + " WHERE status = 'booked' AND " + l.itemKey()
                + " = ? AND day = ? AND time = ?";
    }

    /** The app's home page: search, filter chips and item cards. */
    protected abstract Response list(EpisodeContext ctx, Request req, Connection db, String base);

    /** Inserts the booking of {@code option} (keys as {@link #optionWithItem}) and returns its id. */
    protected abstract long insert(EpisodeContext ctx, Connection db, Map<String, Object> option, Map<String, String> values);

    protected abstract String categoryLabel();
    protected abstract List<ListingSpec.Attribute> attributes();
    protected abstract String priceLabel();
    protected abstract String optionsLabel();
    protected abstract String noOptions();
    protected abstract String confirmLabel();
    protected abstract String confirmedTitle();
    /** Heading of the booked item's name on the confirmation. */
    protected abstract String nameLabel();
    protected abstract String noun();
    protected abstract String myLabel();
    /** Text before the item name in the "was cancelled" notice. */
    protected abstract String cancelledPrefix();
    protected abstract String nothingBooked();
    /** The "Find …" link under the "My …" list. */
    protected abstract String findLabel();
    /** Escaped summary line of one booking on the "My …" page. */
    protected abstract String bookedSummaryHtml(Map<String, Object> booking);
    protected abstract String cancelLabel(String name, String when);

    @Override
    public Response handle(EpisodeContext ctx, Request req, List<String> rest) {
        Connection db = ctx.db(app);
        String base = ctx.prefix + "/app/" + app;
        if (rest.isEmpty()) return list(ctx, req, db, base);
        String first = rest.get(0);
        if (first.equals(layout.itemPath())) {
            int week = intParam(req.q("week")).orElse(0);
            if (calendar() != null && (week < 0 || week >= calendar().weeks())) week = 0;
            return rest.size() == 2 ? detail(ctx, db, base, rest.get(1), week) : null;
        }
        if (first.equals(layout.minePath())) {
            if (rest.size() == 1) return mine(ctx, db, base, req.q("cancelled"));
            if (rest.size() == 2 && rest.get(1).equals("cancel") && req.isPost()) return cancel(db, base, req.f("id"));
            return null;
        }
        return switch (first) {
            case "book" -> rest.size() != 1 ? null : req.isPost() ? submit(ctx, req, db, base)
                    : bookForm(ctx, db, base, req.q(layout.optionParam()), req.q("date"), Map.of(), null);
            case "confirmation" -> rest.size() == 1 ? confirmation(ctx, db, base, req.q("id")) : null;
            default -> null;
        };
    }

    protected Response page(EpisodeContext ctx, String title, String back, String body, boolean withScript) {
        return Response.html(Html.page(title + " · " + schema.name(), schema.name(), back, body,
                withScript ? Html.entryScript(ctx.prefix + "/api/entry") : null, null));
    }

    static String rating(Object rating) {
        return String.format(Locale.ROOT, "%.1f", ((Number) rating).doubleValue());
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static Optional<Integer> intParam(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String chip(String label, String href, boolean on) {
        return "<a class=\"chip" + (on ? " on" : "") + "\" href=\"" + esc(href) + "\""
                + (on ? " aria-current=\"page\"" : "") + ">" + esc(label) + "</a>";
    }

    static String price(Object p) { return "$" + esc(p); }

    private Optional<Map<String, Object>> byId(Connection db, String table, String idText) {
        return intParam(idText).flatMap(id -> Db.one(db, "SELECT * FROM " + table + " WHERE id = ?", id));
    }

    /** The listing's calendar of real dates, or null when bookable times are day names. */
    private ListingSpec.Calendar calendar() { return schema.listing() == null ? null : schema.listing().calendar(); }

    private boolean datedBookings() { return schema.tables().getOrDefault(layout.bookings(), List.of()).contains("date"); }

    /**
     * The time-slot grid of one week: tabs for the weeks, then each day with open times, each slot a button named
     * like "Mon 7 Dec 09:00" (its visible text is the time under the day's heading).
     */
    private String grid(Connection db, String base, Map<String, Object> item, int week) {
        ListingSpec.Calendar cal = calendar();
        List<Map<String, Object>> all = Db.query(db, "SELECT id, day, time FROM " + layout.options() + " WHERE "
                + layout.itemKey() + " = ? ORDER BY time, id", item.get("id"));
        // Relative dates ("next Tuesday") need today's date on screen, as a phone's status bar shows it.
        StringBuilder sb = new StringBuilder("<p class=\"muted\">Today is ").append(esc(cal.startDate().getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                + " " + cal.startDate().getDayOfMonth() + " " + cal.startDate().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                + " " + cal.startDate().getYear())).append(".</p><nav class=\"tabs weeks\" aria-label=\"Weeks\">");
        for (int w = 0; w < cal.weeks(); w++) {
            sb.append("<a class=\"tab").append(w == week ? " on" : "").append("\" href=\"")
              .append(esc(base + "/" + layout.itemPath() + "/" + item.get("id") + "?week=" + w)).append("\">")
              .append(esc(cal.weekLabel(w))).append("</a>");
        }
        sb.append("</nav><div class=\"days\">");
        boolean any = false;
        for (int i = 0; i < 7; i++) {
            java.time.LocalDate date = cal.startDate().plusDays(7L * week + i);
            String day = ListingSpec.Calendar.dayName(date);
            StringBuilder slots = new StringBuilder();
            for (Map<String, Object> o : all) {
                if (!day.equals(o.get("day"))) continue;
                Map<String, Object> dated = new LinkedHashMap<>(o);
                dated.put("item_id", item.get("id"));
                dated.put("date", date.toString());
                if (isBooked(db, dated)) continue;
                slots.append("<a class=\"slot\" href=\"").append(esc(base + "/book?" + layout.optionParam() + "=" + o.get("id")
                        + "&date=" + date)).append("\" aria-label=\"")
                     .append(esc(ListingSpec.Calendar.slotLabel(date, String.valueOf(o.get("time"))))).append("\">")
                     .append(esc(o.get("time"))).append("</a>");
            }
            if (slots.length() == 0) continue;
            any = true;
            sb.append("<h3 class=\"dayh\">").append(esc(day + " " + date.getDayOfMonth() + " "
                    + date.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)))
              .append("</h3><div class=\"slots\">").append(slots).append("</div>");
        }
        if (!any) sb.append("<p class=\"muted\">Nothing open this week.</p>");
        return sb.append("</div>").toString();
    }

    /** When a booking row is: "Mon 7 Dec 09:00" when it has a date, else "Mon 09:00". */
    static String whenOf(Map<String, Object> row) {
        Object date = row.get("date");
        if (date != null && !date.toString().isEmpty()) {
            try {
                return ListingSpec.Calendar.slotLabel(java.time.LocalDate.parse(date.toString()), String.valueOf(row.get("time")));
            } catch (java.time.format.DateTimeParseException e) {
                // not a date: fall back to the day name
            }
        }
        return row.get("day") + " " + row.get("time");
    }

    /** Resolves the chosen date of a dated option ("date" and "when" keys); false when it is not bookable. */
    private boolean dated(Map<String, Object> o, String dateText) {
        ListingSpec.Calendar cal = calendar();
        if (cal == null) {
            o.put("when", o.get("day") + " " + o.get("time"));
            return true;
        }
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(dateText == null ? "" : dateText);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
        if (cal.weekOf(date) < 0 || !ListingSpec.Calendar.dayName(date).equals(o.get("day"))) return false;
        o.put("date", date.toString());
        o.put("when", ListingSpec.Calendar.slotLabel(date, String.valueOf(o.get("time"))));
        return true;
    }

    private Response detail(EpisodeContext ctx, Connection db, String base, String idText) {
        return detail(ctx, db, base, idText, 0);
    }

    private Response detail(EpisodeContext ctx, Connection db, String base, String idText, int week) {
        Optional<Map<String, Object>> item = byId(db, layout.items(), idText);
        if (item.isEmpty()) return null;
        Map<String, Object> d = item.get();
        List<Map<String, Object>> options = Db.query(db, openOptions, d.get("id"));
        StringBuilder sb = new StringBuilder();
        sb.append("<h2>").append(esc(d.get("name"))).append("</h2><dl>")
          .append("<dt>").append(esc(categoryLabel())).append("</dt><dd>").append(esc(d.get(layout.category()))).append("</dd>")
          .append("<dt>Rating</dt><dd class=\"rating\">").append(rating(d.get("rating"))).append(" ★ (")
          .append(esc(d.get("reviews"))).append(" reviews)</dd>")
          .append("<dt>Neighbourhood</dt><dd>").append(esc(d.get("neighbourhood"))).append("</dd>");
        for (ListingSpec.Attribute a : attributes()) {
            sb.append("<dt>").append(esc(a.label())).append("</dt><dd>").append(esc(d.get(a.key()))).append("</dd>");
        }
        sb.append("<dt>").append(esc(priceLabel())).append("</dt><dd>").append(price(d.get(layout.price()))).append("</dd></dl>");
        sb.append("<h2>").append(esc(optionsLabel())).append("</h2>");
        if (calendar() != null) {
            sb.append(grid(db, base, d, week));
        } else if (options.isEmpty()) {
            sb.append("<p class=\"muted\">").append(esc(noOptions())).append("</p>");
        } else {
            sb.append("<div class=\"slots\">");
            for (Map<String, Object> o : options) {
                sb.append("<a class=\"slot\" href=\"").append(esc(base + "/book?" + layout.optionParam() + "=" + o.get("id")))
                  .append("\">").append(esc(o.get("day") + " " + o.get("time"))).append("</a>");
            }
            sb.append("</div>");
        }
        return page(ctx, String.valueOf(d.get("name")), base + "/", sb.toString(), false);
    }

    private Optional<Map<String, Object>> optionWithItem(Connection db, String text) {
        return intParam(text).flatMap(id -> Db.one(db, optionWithItem, id));
    }

    private boolean isBooked(Connection db, Map<String, Object> o) {
        if (o.get("date") != null && datedBookings()) {
            return Db.one(db, bookedAt + " AND date = ?", o.get("item_id"), o.get("day"), o.get("time"), o.get("date")).isPresent();
        }
        return Db.one(db, bookedAt, o.get("item_id"), o.get("day"), o.get("time")).isPresent();
    }

    private Response bookForm(EpisodeContext ctx, Connection db, String base, String optionText, String dateText,
                              Map<String, String> values, String error) {
        Optional<Map<String, Object>> opt = optionWithItem(db, optionText);
        if (opt.isEmpty()) return null;
        Map<String, Object> o = new LinkedHashMap<>(opt.get());
        if (!dated(o, dateText)) return null;
        String back = base + "/" + layout.itemPath() + "/" + o.get("item_id");
        if (isBooked(db, o)) {
            String body = "<h2>This time is no longer available</h2><p>" + esc(o.get("name")) + " is already booked on "
                    + esc(o.get("when")) + ".</p><p><a class=\"btn\" href=\"" + esc(back)
                    + "\">Choose another time</a></p>";
            return Response.html(409, Html.page("Not available · " + schema.name(), schema.name(), back, body, null, null));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<h2>").append(esc(form.title())).append("</h2>");
        sb.append("<div class=\"card\"><h3>").append(esc(o.get("name"))).append("</h3><div>").append(esc(o.get("category")))
          .append(" · ").append(esc(o.get("neighbourhood"))).append("</div><div class=\"fee\">")
          .append(esc(o.get("when"))).append(" · ").append(price(o.get("price"))).append("</div></div>");
        sb.append(Forms.openConfirmed(base + "/book", app, form.id(), confirmLabel() + "?", "Confirm", "Go back"))
          .append(Forms.hidden(layout.optionParam(), o.get("option_id")))
          .append(o.get("date") == null ? "" : Forms.hidden("date", o.get("date")))
          .append(Forms.body(form, values, "<button type=\"submit\" class=\"wide\">" + esc(confirmLabel()) + "</button>", error))
          .append("</form>");
        return page(ctx, form.title(), back, sb.toString(), true);
    }

    private Response submit(EpisodeContext ctx, Request req, Connection db, String base) {
        Map<String, String> values = Forms.values(form, req);
        Forms.recordSubmit(ctx, app, form, values);
        String optionText = req.f(layout.optionParam());
        String dateText = req.f("date");
        Optional<Map<String, Object>> opt = optionWithItem(db, optionText);
        if (opt.isEmpty()) return null;
        Map<String, Object> o = new LinkedHashMap<>(opt.get());
        if (!dated(o, dateText)) return null;
        List<String> missing = Forms.missing(form, values);
        if (!missing.isEmpty()) return bookForm(ctx, db, base, optionText, dateText, values, Forms.missingMessage(missing));
        // Taken meanwhile: the form renders the 409 page.
        if (isBooked(db, o)) return bookForm(ctx, db, base, optionText, dateText, values, null);
        if (o.get("date") != null && datedBookings()) {
            values = new LinkedHashMap<>(values);
            values.put("date", String.valueOf(o.get("date")));
        }
        long id = insert(ctx, db, o, values);
        return Response.redirect(base + "/confirmation?id=" + id);
    }

    /**
     * Inserts a booking row: the given catalogue columns in order, then every other declared column from the form
     * values (absent ones as "" rather than NULL).
     */
    static long insertBooking(Connection db, AppSchema schema, String table, Map<String, Object> fixed,
                              Map<String, String> values) {
        Map<String, Object> row = new LinkedHashMap<>(fixed);
        for (String col : schema.tables().get(table)) {
            if (!col.equals("id")) row.putIfAbsent(col, values.getOrDefault(col, ""));
        }
        List<String> quoted = row.keySet().stream().map(Db::quote).toList();
        return Db.insert(db, "INSERT INTO " + Db.quote(table) + "(" + String.join(", ", quoted) + ") VALUES ("
                + "?,".repeat(quoted.size() - 1) + "?)", row.values().toArray());
    }

    private Response confirmation(EpisodeContext ctx, Connection db, String base, String idText) {
        Optional<Map<String, Object>> row = byId(db, layout.bookings(), idText);
        if (row.isEmpty()) return null;
        Map<String, Object> a = row.get();
        StringBuilder sb = new StringBuilder("<div class=\"notice\" role=\"status\"><strong>")
                .append(esc(confirmedTitle())).append("</strong></div>");
        sb.append("<h2>").append(esc(confirmedTitle())).append("</h2><dl>")
          .append("<dt>").append(esc(nameLabel())).append("</dt><dd>").append(esc(a.get(layout.bookedName()))).append("</dd>")
          .append("<dt>").append(esc(categoryLabel())).append("</dt><dd>").append(esc(a.get(layout.category()))).append("</dd>")
          .append("<dt>When</dt><dd>").append(esc(whenOf(a))).append("</dd>");
        for (FieldSpec f : form.fields()) {
            Object v = a.get(f.name());
            if (v != null && !v.toString().isEmpty()) {
                sb.append("<dt>").append(esc(f.label())).append("</dt><dd>").append(esc(v)).append("</dd>");
            }
        }
        sb.append("<dt>Status</dt><dd>").append(esc(a.get("status"))).append("</dd></dl>");
        sb.append("<div class=\"actions\"><a class=\"btn\" href=\"").append(esc(base + "/" + layout.minePath())).append("\">")
          .append(esc(myLabel())).append("</a><a class=\"btn ghost\" href=\"").append(esc(base + "/"))
          .append("\">Find another ").append(esc(noun())).append("</a></div>");
        return page(ctx, confirmedTitle(), base + "/", sb.toString(), false);
    }

    private Response mine(EpisodeContext ctx, Connection db, String base, String cancelled) {
        List<Map<String, Object>> rows = Db.query(db, "SELECT * FROM " + layout.bookings() + " ORDER BY CASE status "
                + "WHEN 'booked' THEN 0 ELSE 1 END, id");
        StringBuilder sb = new StringBuilder("<h2>").append(esc(myLabel())).append("</h2>");
        byId(db, layout.bookings(), cancelled).ifPresent(a ->
                sb.append("<div class=\"notice\" role=\"status\">").append(esc(cancelledPrefix()))
                  .append(esc(a.get(layout.bookedName()))).append(" on ")
                  .append(esc(whenOf(a))).append(" was cancelled.</div>"));
        if (rows.isEmpty()) sb.append("<p>").append(esc(nothingBooked())).append("</p>");
        for (Map<String, Object> a : rows) {
            String status = String.valueOf(a.get("status"));
            sb.append("<div class=\"card\"><div class=\"row\"><h3>").append(esc(a.get(layout.bookedName())))
              .append("</h3><span class=\"status ").append(esc(status)).append("\">").append(esc(status)).append("</span></div>")
              .append("<div>").append(bookedSummaryHtml(a))
              .append("</div><div class=\"fee\">").append(esc(whenOf(a))).append("</div>");
            if ("booked".equals(status)) {
                String label = cancelLabel(String.valueOf(a.get(layout.bookedName())), whenOf(a));
                sb.append("<div class=\"actions\"><form method=\"post\" action=\"")
                  .append(esc(base + "/" + layout.minePath() + "/cancel")).append("\"")
                  .append(Forms.confirmAttrs(label + "?", "Yes, cancel", "Keep it")).append(">").append(Forms.hidden("id", a.get("id")))
                  .append("<button type=\"submit\" class=\"danger\">")
                  .append(esc(label))
                  .append("</button></form></div>");
            }
            sb.append("</div>");
        }
        sb.append("<p><a class=\"btn ghost wide\" href=\"").append(esc(base + "/")).append("\">")
          .append(esc(findLabel())).append("</a></p>");
        return page(ctx, myLabel(), base + "/", sb.toString(), false);
    }

    private Response cancel(Connection db, String base, String idText) {
        Optional<Integer> id = intParam(idText);
        if (id.isEmpty()) return null;
        int n = Db.update(db, "UPDATE " + layout.bookings() + " SET status = 'cancelled' WHERE id = ? AND status = 'booked'",
                id.get());
        return Response.redirect(base + "/" + layout.minePath() + (n > 0 ? "?cancelled=" + id.get() : ""));
    }
}
