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

/** MediBook: doctor list/search → detail with open slots → booking form → confirmation; my appointments + cancel. */
public final class DoctorPages extends BookingPages {
    public static final String APP = "doctor";
    public static final String FORM = "booking";
    private static final Layout LAYOUT = new Layout("doctors", "slots", "appointments", "doctor_id", "specialty", "fee",
            "doctor_name", "doctor", "slot", "appointments");
    private static final List<ListingSpec.Attribute> ATTRIBUTES = List.of(new ListingSpec.Attribute("languages", "Languages"));

    public DoctorPages(AppSchema schema) {
        super(schema, schema.form(FORM).orElseThrow(() -> new IllegalArgumentException(
                "app schema 'doctor' has no form 'booking' (forms: " + schema.forms().stream().map(FormSchema::id).toList() + ")")),
                LAYOUT);
    }

    // MediBook's wording is fixed here rather than read from its listing spec, so its pages never drift with the schema.
    @Override protected String categoryLabel() { return "Specialty"; }
    @Override protected List<ListingSpec.Attribute> attributes() { return ATTRIBUTES; }
    @Override protected String priceLabel() { return "Fee"; }
    @Override protected String optionsLabel() { return "Available times"; }
    @Override protected String noOptions() { return "No open times this week."; }
    @Override protected String confirmLabel() { return "Confirm booking"; }
    @Override protected String confirmedTitle() { return "Appointment confirmed"; }
    @Override protected String nameLabel() { return "Doctor"; }
    @Override protected String noun() { return "doctor"; }
    @Override protected String myLabel() { return "My appointments"; }
    @Override protected String cancelledPrefix() { return "Your appointment with "; }
    @Override protected String nothingBooked() { return "You have no appointments."; }
    @Override protected String findLabel() { return "Find a doctor"; }
    @Override protected String bookedSummaryHtml(Map<String, Object> a) { return esc(a.get("specialty")); }
    @Override protected String cancelLabel(String name, String when) { return "Cancel appointment with " + name + " on " + when; }

    @Override
    protected long insert(EpisodeContext ctx, Connection db, Map<String, Object> o, Map<String, String> values) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("doctor_id", o.get("item_id"));
        fixed.put("doctor_name", o.get("name"));
        fixed.put("specialty", o.get("category"));
        fixed.put("day", o.get("day"));
        fixed.put("time", o.get("time"));
        fixed.put("status", "booked");
        fixed.put("created_step", ctx.step());
        return insertBooking(db, schema, LAYOUT.bookings(), fixed, values);
    }

    @Override
    protected Response list(EpisodeContext ctx, Request req, Connection db, String base) {
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
}
