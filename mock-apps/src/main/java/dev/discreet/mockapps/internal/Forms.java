package dev.discreet.mockapps.internal;

import static dev.discreet.mockapps.internal.Html.esc;

import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.FormSchema;
import dev.discreet.tasks.evidence.EntryEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Schema-driven form handling shared by all apps: rendering (sections, pages of a multi-step form, the confirmation
 * dialog), submitted values, submit evidence and the required-field check.
 */
public final class Forms {
    private Forms() {}

    /** The submitted values of the schema's fields (absent ones as ""), in schema order. */
    public static Map<String, String> values(FormSchema form, Request req) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldSpec f : form.fields()) out.put(f.name(), req.f(f.name()));
        return out;
    }

    /**
     * Values a form starts with: each field's declared default (a pre-checked box, a pre-selected option), so a
     * default nobody touched is still submitted and on record.
     */
    public static Map<String, String> defaults(FormSchema form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldSpec f : form.fields()) if (f.defaultValue() != null) out.put(f.name(), f.defaultValue());
        return out;
    }

    /** One "submit" entry per non-empty field, so values typed without input events are on record too. */
    public static void recordSubmit(EpisodeContext ctx, String app, FormSchema form, Map<String, String> values) {
        for (FieldSpec f : form.fields()) {
            String v = values.getOrDefault(f.name(), "");
            if (!v.isEmpty()) ctx.record(app, form.id(), f.name(), v, EntryEvent.SUBMIT);
        }
    }

    /** Labels of required fields left blank (an unchecked required box counts as blank). */
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
        return "<form method=\"post\" action=\"" + esc(action) + "\" data-app=\"" + esc(app)
                + "\" data-form=\"" + esc(formId) + "\" novalidate>";
    }

    /**
     * The opening tag of a form whose submit first asks for confirmation in a dialog.
     *
     * @param question the dialog's heading, e.g. "Confirm your booking?"
     * @param yes      the dialog's confirming button, e.g. "Yes, book it"
     * @param no       the button that closes the dialog without submitting, e.g. "Go back"
     */
    public static String openConfirmed(String action, String app, String formId, String question, String yes, String no) {
        String tag = open(action, app, formId);
        return tag.substring(0, tag.length() - 1) + confirmAttrs(question, yes, no) + ">";
    }

    /** Attributes that make a form's submit go through the confirmation dialog (see the widget script). */
    public static String confirmAttrs(String question, String yes, String no) {
        return " data-confirm=\"" + esc(question) + "\" data-yes=\"" + esc(yes) + "\" data-no=\"" + esc(no) + "\"";
    }

    public static String hidden(String name, Object value) {
        return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
    }

    /** Fields in schema order, one page (no Next/Back) and headed sections; see {@link #body}. */
    public static String fields(FormSchema form, Map<String, String> values) {
        return body(form, values, "", null);
    }

    /**
     * A form's fields and its submit button. Consecutive fields sharing a {@code section} sit under one heading;
     * with more than one {@code page}, each page is shown on its own ("Step 2 of 3") with Back and Next buttons,
     * and the submit button on the last page. Every page is in the one form, so values are kept across pages and
     * all of them are submitted together.
     *
     * @param submit the submit button's markup
     * @param error  a message shown above the fields, or null
     */
    public static String body(FormSchema form, Map<String, String> values, String submit, String error) {
        int pages = form.fields().stream().mapToInt(FieldSpec::pageNumber).max().orElse(1);
        // Re-rendered after a failed submit: open on the first page with a missing required field.
        int startPage = 1;
        if (error != null) {
            for (FieldSpec f : form.fields()) {
                if (f.required() && values.getOrDefault(f.name(), "").isBlank()) {
                    startPage = f.pageNumber();
                    break;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        if (error != null) sb.append("<div class=\"error\" role=\"alert\">").append(esc(error)).append("</div>");
        for (int p = 1; p <= pages; p++) {
            int page = p;
            List<FieldSpec> on = form.fields().stream().filter(f -> f.pageNumber() == page).toList();
            if (pages > 1) {
                sb.append("<div class=\"page\" data-page=\"").append(p).append("\"")
                  .append(p == startPage ? "" : " hidden").append("><p class=\"step\">Step ").append(p).append(" of ")
                  .append(pages).append("</p>");
            }
            String section = null;
            boolean open = false;
            for (FieldSpec f : on) {
                if (f.section() != null && !Objects.equals(f.section(), section)) {
                    if (open) sb.append("</section>");
                    sb.append("<section class=\"sec\"><h3>").append(esc(f.section())).append("</h3>");
                    open = true;
                }
                section = f.section() != null ? f.section() : section;
                sb.append(Html.field(f, values));
            }
            if (open) sb.append("</section>");
            if (pages > 1) {
                sb.append("<p class=\"page-error error\" role=\"alert\" hidden></p><div class=\"pager\">");
                if (p > 1) sb.append("<button type=\"button\" class=\"ghost\" data-back>Back</button>");
                sb.append(p < pages ? "<button type=\"button\" data-next>Next</button>" : submit).append("</div></div>");
            }
        }
        if (pages == 1) sb.append(submit);
        return sb.toString();
    }
}
