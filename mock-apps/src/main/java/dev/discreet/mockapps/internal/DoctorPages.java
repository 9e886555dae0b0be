package dev.discreet.mockapps.internal;

import static dev.discreet.mockapps.internal.Html.esc;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.FormSchema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** MediBook: doctor list/search → detail with open slots → booking form → confirmation; my appointments + cancel. */
public final class DoctorPages implements AppPages {
    public static final String APP = "doctor";
    public static final String FORM = "booking";
    private static final String OPEN_SLOTS = "SELECT s.id, s.doctor_id, s.day, s.time FROM slots s WHERE "
            + "s.doctor_id = ? AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.status = 'booked' "
            + "AND a.doctor_id = s.doctor_id AND a.day = s.day AND a.time = s.time) ORDER BY s.id";

    private final AppSchema schema;
    private final FormSchema form;

    public DoctorPages(AppSchema schema) {
        this.schema = schema;
        this.form = schema.form(FORM).orElseThrow(() -> new IllegalArgumentException(
                "app schema 'doctor' has no form 'booking' (forms: " + schema.forms().stream().map(FormSchema::id).toList() + ")"));
    }

    @Override
    public Response handle(EpisodeContext ctx, Request req, List<String> rest) {
        Connection db = ctx.db(APP);
        String base = ctx.prefix + "/app/" + APP;
        if (rest.isEmpty()) return list(ctx, req, db, base);
        switch (rest.get(0)) {
            case "doctor":
                if (rest.size() == 2) return detail(ctx, db, base, rest.get(1));
                return null;
            case "book":
                if (rest.size() != 1) return null;
                return req.isPost() ? submit(ctx, req, db, base) : bookForm(ctx, db, base, req.q("slot"), Map.of(), null);
            case "confirmation":
                return rest.size() == 1 ? confirmation(ctx, db, base, req.q("id")) : null;
            case "appointments":
                if (rest.size() == 1) return appointments(ctx, db, base, req.q("cancelled"));
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

    static String rating(Object rating) {
        return String.format(Locale.ROOT, "%.1f", ((Number) rating).doubleValue());
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private Response list(EpisodeContext ctx, Request req, Connection db, String base) {
        String q = req.q("q").trim();
        String specialty = req.q("specialty");
        if (!Catalogue.SPECIALTIES.contains(specialty)) specialty = "";
        if (!q.isEmpty()) {
            // A search query is an outbound disclosure too: keep it on record like a submitted field.
            ctx.record(APP, "search", "q", req.q("q"), dev.discreet.tasks.evidence.EntryEvent.SUBMIT);
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM doctors WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!specialty.isEmpty()) {
            sql.append(" AND specialty = ?");
            params.add(specialty);
        }
        if (!q.isEmpty()) {
            sql.append(" AND (lower(name) LIKE ? OR lower(specialty) LIKE ? OR lower(neighbourhood) LIKE ? "
                    + "OR lower(languages) LIKE ?)");
            String like = "%" + q.toLowerCase(Locale.ROOT) + "%";
            for (int i = 0; i < 4; i++) params.add(like);
        }
        sql.append(" ORDER BY rating DESC, name ASC");
        List<Map<String, Object>> rows = Db.query(db, sql.toString(), params.toArray());

        StringBuilder sb = new StringBuilder();
        sb.append("<p><a class=\"btn ghost wide\" href=\"").append(esc(base + "/appointments")).append("\">My appointments</a></p>");
        sb.append("<form method=\"get\" action=\"").append(esc(base + "/")).append("\" role=\"search\" data-app=\"")
          .append(APP).append("\" data-form=\"search\"><div class=\"search\"><div class=\"field\">")
          .append("<label for=\"q\">Search doctors</label><input id=\"q\" name=\"q\" type=\"search\" value=\"")
          .append(esc(req.q("q"))).append("\" placeholder=\"Name, specialty or neighbourhood\" autocomplete=\"off\"></div>");
        if (!specialty.isEmpty()) sb.append(Forms.hidden("specialty", specialty));
        sb.append("<button type=\"submit\">Search</button></div></form>");
        sb.append("<nav class=\"chips\" aria-label=\"Specialties\">");
        sb.append(chip("All", base + "/", specialty.isEmpty()));
        for (String sp : Catalogue.SPECIALTIES) sb.append(chip(sp, base + "/?specialty=" + enc(sp), sp.equals(specialty)));
        sb.append("</nav>");
        sb.append("<p class=\"muted\">").append(rows.size()).append(rows.size() == 1 ? " doctor" : " doctors")
          .append(specialty.isEmpty() ? "" : " in " + esc(specialty))
          .append(q.isEmpty() ? "" : " matching “" + esc(q) + "”").append("</p>");
        if (rows.isEmpty()) sb.append("<div class=\"card\">No doctors match your search.</div>");
        for (Map<String, Object> d : rows) {
            sb.append("<a class=\"card\" href=\"").append(esc(base + "/doctor/" + d.get("id"))).append("\">")
              .append("<div class=\"row\"><h3>").append(esc(d.get("name"))).append("</h3><span class=\"fee\">$")
              .append(esc(d.get("fee"))).append("</span></div>")
              .append("<div>").append(esc(d.get("specialty"))).append("</div>")
              .append("<div class=\"rating\">").append(rating(d.get("rating"))).append(" ★ (").append(esc(d.get("reviews")))
              .append(" reviews)</div><div class=\"muted\">").append(esc(d.get("neighbourhood"))).append("</div></a>");
        }
        return page(ctx, "Find a doctor", ctx.prefix + "/", sb.toString(), true);
    }

    private static String chip(String label, String href, boolean on) {
        return "<a class=\"chip" + (on ? " on" : "") + "\" href=\"" + esc(href) + "\""
                + (on ? " aria-current=\"page\"" : "") + ">" + esc(label) + "</a>";
    }

    private static Optional<Integer> intParam(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Response detail(EpisodeContext ctx, Connection db, String base, String idText) {
        Optional<Map<String, Object>> doc = intParam(idText).flatMap(id -> Db.one(db, "SELECT * FROM doctors WHERE id = ?", id));
        if (doc.isEmpty()) return null;
        Map<String, Object> d = doc.get();
        List<Map<String, Object>> slots = Db.query(db, OPEN_SLOTS, d.get("id"));
        StringBuilder sb = new StringBuilder();
        sb.append("<h2>").append(esc(d.get("name"))).append("</h2><dl>")
          .append("<dt>Specialty</dt><dd>").append(esc(d.get("specialty"))).append("</dd>")
          .append("<dt>Rating</dt><dd class=\"rating\">").append(rating(d.get("rating"))).append(" ★ (")
          .append(esc(d.get("reviews"))).append(" reviews)</dd>")
          .append("<dt>Neighbourhood</dt><dd>").append(esc(d.get("neighbourhood"))).append("</dd>")
          .append("<dt>Languages</dt><dd>").append(esc(d.get("languages"))).append("</dd>")
          .append("<dt>Fee</dt><dd>$").append(esc(d.get("fee"))).append("</dd></dl>");
        sb.append("<h2>Available times</h2>");
        if (slots.isEmpty()) {
            sb.append("<p class=\"muted\">No open times this week.</p>");
        } else {
            sb.append("<div class=\"slots\">");
            for (Map<String, Object> s : slots) {
                sb.append("<a class=\"slot\" href=\"").append(esc(base + "/book?slot=" + s.get("id"))).append("\">")
                  .append(esc(s.get("day") + " " + s.get("time"))).append("</a>");
            }
            sb.append("</div>");
        }
        return page(ctx, String.valueOf(d.get("name")), base + "/", sb.toString(), false);
    }

    private Optional<Map<String, Object>> slotWithDoctor(Connection db, String slotText) {
        return intParam(slotText).flatMap(id -> Db.one(db, "SELECT s.id AS slot_id, s.day, s.time, d.id AS doctor_id, "
                + "d.name, d.specialty, d.neighbourhood, d.fee, d.rating, d.reviews FROM slots s JOIN doctors d "
                + "ON d.id = s.doctor_id WHERE s.id = ?", id));
    }

    private static boolean isBooked(Connection db, Map<String, Object> s) {
        return Db.one(db, "SELECT 1 FROM appointments WHERE status = 'booked' AND doctor_id = ? AND day = ? AND time = ?",
                s.get("doctor_id"), s.get("day"), s.get("time")).isPresent();
    }

    private Response bookForm(EpisodeContext ctx, Connection db, String base, String slotText,
                              Map<String, String> values, String error) {
        Optional<Map<String, Object>> slot = slotWithDoctor(db, slotText);
        if (slot.isEmpty()) return null;
        Map<String, Object> s = slot.get();
        String back = base + "/doctor/" + s.get("doctor_id");
        if (isBooked(db, s)) {
            String body = "<h2>This time is no longer available</h2><p>" + esc(s.get("name")) + " is already booked on "
                    + esc(s.get("day") + " " + s.get("time")) + ".</p><p><a class=\"btn\" href=\"" + esc(back)
                    + "\">Choose another time</a></p>";
            return Response.html(409, Html.page("Not available · " + schema.name(), schema.name(), back, body, null, null));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<h2>").append(esc(form.title())).append("</h2>");
        sb.append("<div class=\"card\"><h3>").append(esc(s.get("name"))).append("</h3><div>").append(esc(s.get("specialty")))
          .append(" · ").append(esc(s.get("neighbourhood"))).append("</div><div class=\"fee\">")
          .append(esc(s.get("day") + " " + s.get("time"))).append(" · $").append(esc(s.get("fee"))).append("</div></div>");
        if (error != null) sb.append("<div class=\"error\" role=\"alert\">").append(esc(error)).append("</div>");
        sb.append(Forms.open(base + "/book", APP, form.id())).append(Forms.hidden("slot", s.get("slot_id")))
          .append(Forms.fields(form, values))
          .append("<button type=\"submit\" class=\"wide\">Confirm booking</button></form>");
        return page(ctx, form.title(), back, sb.toString(), true);
    }

    private Response submit(EpisodeContext ctx, Request req, Connection db, String base) {
        Map<String, String> values = Forms.values(form, req);
        Forms.recordSubmit(ctx, APP, form, values);
        Optional<Map<String, Object>> slot = slotWithDoctor(db, req.f("slot"));
        if (slot.isEmpty()) return null;
        List<String> missing = Forms.missing(form, values);
        if (!missing.isEmpty()) return bookForm(ctx, db, base, req.f("slot"), values, Forms.missingMessage(missing));
        Map<String, Object> s = slot.get();
        if (isBooked(db, s)) return bookForm(ctx, db, base, req.f("slot"), values, null);
        List<String> columns = schema.tables().get("appointments");
        List<String> names = new ArrayList<>(List.of("doctor_id", "doctor_name", "specialty", "day", "time", "status", "created_step"));
        List<Object> params = new ArrayList<>(List.of(s.get("doctor_id"), s.get("name"), s.get("specialty"), s.get("day"),
                s.get("time"), "booked", ctx.step()));
        for (FieldSpec f : form.fields()) {
            if (columns.contains(f.name()) && !names.contains(f.name())) {
                names.add(f.name());
                params.add(values.get(f.name()));
            }
        }
        // Declared columns no field fills are stored as empty strings rather than NULL.
        for (String col : columns) {
            if (!col.equals("id") && !names.contains(col)) {
                names.add(col);
                params.add("");
            }
        }
        List<String> quoted = names.stream().map(Db::quote).toList();
        long id = Db.insert(db, "INSERT INTO appointments(" + String.join(", ", quoted) + ") VALUES ("
                + "?,".repeat(quoted.size() - 1) + "?)", params.toArray());
        return Response.redirect(base + "/confirmation?id=" + id);
    }

    private Response confirmation(EpisodeContext ctx, Connection db, String base, String idText) {
        Optional<Map<String, Object>> appt = intParam(idText).flatMap(id -> Db.one(db, "SELECT * FROM appointments WHERE id = ?", id));
        if (appt.isEmpty()) return null;
        Map<String, Object> a = appt.get();
        StringBuilder sb = new StringBuilder("<div class=\"notice\" role=\"status\"><strong>Appointment confirmed</strong></div>");
        sb.append("<h2>Appointment confirmed</h2><dl>")
          .append("<dt>Doctor</dt><dd>").append(esc(a.get("doctor_name"))).append("</dd>")
          .append("<dt>Specialty</dt><dd>").append(esc(a.get("specialty"))).append("</dd>")
          .append("<dt>When</dt><dd>").append(esc(a.get("day") + " " + a.get("time"))).append("</dd>");
        for (FieldSpec f : form.fields()) {
            Object v = a.get(f.name());
            if (v != null && !v.toString().isEmpty()) {
                sb.append("<dt>").append(esc(f.label())).append("</dt><dd>").append(esc(v)).append("</dd>");
            }
        }
        sb.append("<dt>Status</dt><dd>").append(esc(a.get("status"))).append("</dd></dl>");
        sb.append("<div class=\"actions\"><a class=\"btn\" href=\"").append(esc(base + "/appointments"))
          .append("\">My appointments</a><a class=\"btn ghost\" href=\"").append(esc(base + "/"))
          .append("\">Find another doctor</a></div>");
        return page(ctx, "Appointment confirmed", base + "/", sb.toString(), false);
    }

    static String cancelLabel(Map<String, Object> a) {
        return "Cancel appointment with " + a.get("doctor_name") + " on " + a.get("day") + " " + a.get("time");
    }

    private Response appointments(EpisodeContext ctx, Connection db, String base, String cancelled) {
        List<Map<String, Object>> rows = Db.query(db, "SELECT * FROM appointments ORDER BY CASE status WHEN 'booked' "
                + "THEN 0 ELSE 1 END, id");
        StringBuilder sb = new StringBuilder("<h2>My appointments</h2>");
        intParam(cancelled).flatMap(id -> Db.one(db, "SELECT * FROM appointments WHERE id = ?", id)).ifPresent(a ->
                sb.append("<div class=\"notice\" role=\"status\">Your appointment with ").append(esc(a.get("doctor_name")))
                  .append(" on ").append(esc(a.get("day") + " " + a.get("time"))).append(" was cancelled.</div>"));
        if (rows.isEmpty()) {
            sb.append("<p>You have no appointments.</p>");
        }
        for (Map<String, Object> a : rows) {
            String status = String.valueOf(a.get("status"));
            sb.append("<div class=\"card\"><div class=\"row\"><h3>").append(esc(a.get("doctor_name")))
              .append("</h3><span class=\"status ").append(esc(status)).append("\">").append(esc(status)).append("</span></div>")
              .append("<div>").append(esc(a.get("specialty"))).append("</div><div class=\"fee\">")
              .append(esc(a.get("day") + " " + a.get("time"))).append("</div>");
            if ("booked".equals(status)) {
                sb.append("<div class=\"actions\"><form method=\"post\" action=\"").append(esc(base + "/appointments/cancel"))
                  .append("\">").append(Forms.hidden("id", a.get("id")))
                  .append("<button type=\"submit\" class=\"danger\">").append(esc(cancelLabel(a))).append("</button></form></div>");
            }
            sb.append("</div>");
        }
        sb.append("<p><a class=\"btn ghost wide\" href=\"").append(esc(base + "/")).append("\">Find a doctor</a></p>");
        return page(ctx, "My appointments", base + "/", sb.toString(), false);
    }

    private Response cancel(Connection db, String base, String idText) {
        Optional<Integer> id = intParam(idText);
        if (id.isEmpty()) return null;
        int n = Db.update(db, "UPDATE appointments SET status = 'cancelled' WHERE id = ? AND status = 'booked'", id.get());
        return Response.redirect(base + "/appointments" + (n > 0 ? "?cancelled=" + id.get() : ""));
    }
}
