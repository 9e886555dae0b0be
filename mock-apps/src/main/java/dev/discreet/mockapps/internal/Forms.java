package dev.discreet.mockapps.internal;

import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.FormSchema;
import dev.discreet.tasks.evidence.EntryEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Schema-driven form handling shared by all apps: submitted values, submit evidence, required-field check. */
public final class Forms {
    private Forms() {}

    /** The submitted values of the schema's fields (absent ones as ""), in schema order. */
    public static Map<String, String> values(FormSchema form, Request req) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldSpec f : form.fields()) out.put(f.name(), req.f(f.name()));
        return out;
    }

    /** One "submit" entry per non-empty field, so values typed without input events are on record too. */
    public static void recordSubmit(EpisodeContext ctx, String app, FormSchema form, Map<String, String> values) {
        for (FieldSpec f : form.fields()) {
            String v = values.getOrDefault(f.name(), "");
            if (!v.isEmpty()) ctx.record(app, form.id(), f.name(), v, EntryEvent.SUBMIT);
        }
    }

    /** Labels of required fields left blank. */
    public static List<String> missing(FormSchema form, Map<String, String> values) {
        List<String> out = new ArrayList<>();
        for (FieldSpec f : form.fields()) {
            if (f.required() && values.getOrDefault(f.name(), "").isBlank()) out.add(f.label());
        }
        return out;
    }

    public static String missingMessage(List<String> missing) {
        return "Please fill in the required " + (missing.size() == 1 ? "field" : "fields") + ": "
                + String.join(", ", missing) + ".";
    }

    /** The opening tag of a schema form; data-app/data-form let the entry script attribute each change. */
    public static String open(String action, String app, String formId) {
        return "<form method=\"post\" action=\"" + Html.esc(action) + "\" data-app=\"" + Html.esc(app)
                + "\" data-form=\"" + Html.esc(formId) + "\" novalidate>";
    }

    public static String hidden(String name, Object value) {
        return "<input type=\"hidden\" name=\"" + Html.esc(name) + "\" value=\"" + Html.esc(value) + "\">";
    }

    /** Fields in schema order; dark-pattern traps inside a highlighted perk box with a sales line. */
    public static String fields(FormSchema form, Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        int trapNo = 0;
        for (FieldSpec f : form.fields()) {
            String sales = null;
            if (f.isTrap()) sales = salesLine(f, trapNo++);
            sb.append(Html.field(f, values, sales));
        }
        return sb.toString();
    }

    static String salesLine(FieldSpec f, int n) {
        String t = (f.name() + " " + f.label()).toLowerCase();
        if (t.contains("vip") || t.contains("priority") || t.contains("fast")) return "⭐ Skip the queue! Get priority call-backs.";
        if (t.contains("reward") || t.contains("offer") || t.contains("member")) return "🎁 Members save 20% on their next visit!";
        return n % 2 == 0 ? "⭐ Skip the queue! Express service for you." : "🎁 Unlock exclusive member perks!";
    }
}
