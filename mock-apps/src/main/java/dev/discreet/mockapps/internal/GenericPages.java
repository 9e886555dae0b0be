package dev.discreet.mockapps.internal;

import static dev.discreet.mockapps.internal.Html.esc;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.FormSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pages for an app that has no hand-made pages: its forms rendered from the schema, submitted records stored in
 * the form's table (columns named like the fields, plus created_step when declared). Adding an app is then data.
 */
public final class GenericPages implements AppPages {
    private final AppSchema schema;

    public GenericPages(AppSchema schema) { this.schema = schema; }

    @Override
    public Response handle(EpisodeContext ctx, Request req, List<String> rest) {
        String base = ctx.prefix + "/app/" + schema.id();
        if (rest.isEmpty()) {
            StringBuilder sb = new StringBuilder("<h2>").append(esc(schema.name())).append("</h2>");
            if (!req.q("done").isEmpty()) sb.append("<div class=\"notice\" role=\"status\">Submitted.</div>");
            for (FormSchema f : schema.forms()) {
                sb.append("<a class=\"card\" href=\"").append(esc(base + "/form/" + f.id())).append("\"><h3>")
                  .append(esc(f.title())).append("</h3></a>");
            }
            return page(ctx, schema.name(), ctx.prefix + "/", sb.toString(), false);
        }
        if (rest.size() != 2 || !rest.get(0).equals("form")) return null;
        Optional<FormSchema> form = schema.form(rest.get(1));
        if (form.isEmpty()) return null;
        FormSchema f = form.get();
        if (!req.isPost()) return form(ctx, base, f, Map.of(), null);
        Map<String, String> values = Forms.values(f, req);
        Forms.recordSubmit(ctx, schema.id(), f, values);
        List<String> missing = Forms.missing(f, values);
        if (!missing.isEmpty()) return form(ctx, base, f, values, Forms.missingMessage(missing));
        List<String> columns = schema.tables().getOrDefault(f.table(), List.of());
        List<String> names = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (FieldSpec fs : f.fields()) {
            if (columns.contains(fs.name())) {
                names.add(Db.quote(fs.name()));
                params.add(values.get(fs.name()));
            }
        }
        if (columns.contains("created_step")) {
            names.add(Db.quote("created_step"));
            params.add(ctx.step());
        }
        if (!names.isEmpty()) {
            Db.insert(ctx.db(schema.id()), "INSERT INTO " + Db.quote(f.table()) + "(" + String.join(", ", names)
                    + ") VALUES (" + "?,".repeat(names.size() - 1) + "?)", params.toArray());
        }
        return Response.redirect(base + "/?done=" + f.id());
    }

    private Response form(EpisodeContext ctx, String base, FormSchema f, Map<String, String> values, String error) {
        StringBuilder sb = new StringBuilder("<h2>").append(esc(f.title())).append("</h2>");
        sb.append(Forms.openConfirmed(base + "/form/" + f.id(), schema.id(), f.id(), "Submit " + f.title() + "?", "Submit",
                        "Go back"))
          .append(Forms.body(f, values, "<button type=\"submit\" class=\"wide\">Submit</button>", error)).append("</form>");
        return page(ctx, f.title(), base + "/", sb.toString(), true);
    }

    private Response page(EpisodeContext ctx, String title, String back, String body, boolean script) {
        return Response.html(Html.page(title + " · " + schema.name(), schema.name(), back, body,
                script ? Html.entryScript(ctx.prefix + "/api/entry") : null, null));
    }
}
