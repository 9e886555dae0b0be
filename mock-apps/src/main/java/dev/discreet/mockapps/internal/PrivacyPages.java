package dev.discreet.mockapps.internal;

import static dev.discreet.mockapps.internal.Html.esc;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.FormSchema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Privacy Manager: the user's profile (HIGH values masked) and the saved items, which can be edited or deleted. */
public final class PrivacyPages implements AppPages {
    public static final String APP = "privacy";
    public static final String FORM = "edit_item";

    private final AppSchema schema;
    private final FormSchema form;

    public PrivacyPages(AppSchema schema) {
        this.schema = schema;
        this.form = schema.form(FORM).orElseThrow(() -> new IllegalArgumentException(
                "app schema 'privacy' has no form 'edit_item'"));
        if (form.field("value").isEmpty()) {
            throw new IllegalArgumentException("form 'privacy/edit_item' must declare a field 'value'");
        }
    }

    /** First 4 characters, "•••", last character: enough to recognise, not enough to copy. */
    public static String mask(String v) {
        if (v == null || v.isEmpty()) return "";
        if (v.length() <= 5) return v.charAt(0) + "•••";
        return v.substring(0, 4) + "•••" + v.charAt(v.length() - 1);
    }

    @Override
    public Response handle(EpisodeContext ctx, Request req, List<String> rest) {
        Connection db = ctx.db(APP);
        String base = ctx.prefix + "/app/" + APP;
        if (rest.isEmpty()) return overview(ctx, db, base, req);
        if (rest.size() != 1) return null;
        switch (rest.get(0)) {
            case "edit":
                if (!req.isPost()) return edit(ctx, db, base, req.q("key"), null, null);
                return save(ctx, req, db, base);
            case "delete":
                if (!req.isPost()) return null;
                Db.update(db, "DELETE FROM saved_items WHERE key = ?", req.f("key"));
                return Response.redirect(base + "/?deleted=" + enc(req.f("key")));
            default:
                return null;
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private Response page(EpisodeContext ctx, String title, String back, String body, boolean script) {
        return Response.html(Html.page(title + " · " + schema.name(), schema.name(), back, body,
                script ? Html.entryScript(ctx.prefix + "/api/entry") : null, null));
    }

    private static String badge(Object level) {
        String l = String.valueOf(level);
        return "<span class=\"badge " + esc(l) + "\">" + esc(l) + "</span>";
    }

    private Response overview(EpisodeContext ctx, Connection db, String base, Request req) {
        StringBuilder sb = new StringBuilder();
        if (!req.q("saved").isEmpty()) {
            sb.append("<div class=\"notice\" role=\"status\">Saved “").append(esc(req.q("saved"))).append("”.</div>");
        }
        if (!req.q("deleted").isEmpty()) {
            sb.append("<div class=\"notice\" role=\"status\">Deleted “").append(esc(req.q("deleted"))).append("”.</div>");
        }
        sb.append("<h2>My profile</h2><div class=\"card list\">");
        for (Map<String, Object> p : Db.query(db, "SELECT * FROM profile_items ORDER BY rowid")) {
            String value = String.valueOf(p.get("value"));
            boolean high = "HIGH".equals(p.get("level"));
            sb.append("<div class=\"li\"><div><div class=\"k\">").append(esc(p.get("label"))).append("</div><div class=\"v\">")
              .append(esc(high ? mask(value) : value)).append("</div></div>").append(badge(p.get("level"))).append("</div>");
        }
        sb.append("</div>");
        sb.append("<h2>Saved items</h2>");
        List<Map<String, Object>> saved = Db.query(db, "SELECT * FROM saved_items ORDER BY rowid");
        if (saved.isEmpty()) sb.append("<p class=\"muted\">Nothing saved yet.</p>");
        for (Map<String, Object> s : saved) {
            String key = String.valueOf(s.get("key"));
            sb.append("<div class=\"card\"><div class=\"row\"><h3>").append(esc(key)).append("</h3>")
              .append(badge(s.get("level"))).append("</div><div>").append(esc(s.get("value"))).append("</div>")
              .append("<div class=\"actions\"><a class=\"btn ghost\" href=\"").append(esc(base + "/edit?key=" + enc(key)))
              .append("\" aria-label=\"Edit ").append(esc(key)).append("\">Edit</a>")
              .append("<form method=\"post\" action=\"").append(esc(base + "/delete")).append("\">")
              .append(Forms.hidden("key", key)).append("<button type=\"submit\" class=\"danger\" aria-label=\"Delete ")
              .append(esc(key)).append("\">Delete</button></form></div></div>");
        }
        return page(ctx, "Privacy Manager", ctx.prefix + "/", sb.toString(), false);
    }

    private Response edit(EpisodeContext ctx, Connection db, String base, String key, Map<String, String> values,
                          String error) {
        Optional<Map<String, Object>> item = Db.one(db, "SELECT * FROM saved_items WHERE key = ?", key);
        if (item.isEmpty()) return null;
        Map<String, Object> s = item.get();
        Map<String, String> v = values != null ? values : Map.of("value", String.valueOf(s.get("value")));
        StringBuilder sb = new StringBuilder("<h2>").append(esc(form.title())).append("</h2>")
                .append("<div class=\"card\"><div class=\"row\"><h3>").append(esc(key)).append("</h3>")
                .append(badge(s.get("level"))).append("</div></div>");
        if (error != null) sb.append("<div class=\"error\" role=\"alert\">").append(esc(error)).append("</div>");
        sb.append(Forms.open(base + "/edit", APP, form.id())).append(Forms.hidden("key", key))
          .append(Forms.fields(form, v)).append("<button type=\"submit\" class=\"wide\">Save</button></form>");
        return page(ctx, form.title(), base + "/", sb.toString(), true);
    }

    private Response save(EpisodeContext ctx, Request req, Connection db, String base) {
        Map<String, String> values = Forms.values(form, req);
        Forms.recordSubmit(ctx, APP, form, values);
        String key = req.f("key");
        if (Db.one(db, "SELECT 1 FROM saved_items WHERE key = ?", key).isEmpty()) return null;
        List<String> missing = Forms.missing(form, values);
        if (!missing.isEmpty()) return edit(ctx, db, base, key, values, Forms.missingMessage(missing));
        Db.update(db, "UPDATE saved_items SET value = ?, saved_step = ? WHERE key = ?", values.get("value"), ctx.step(), key);
        return Response.redirect(base + "/?saved=" + enc(key));
    }
}
