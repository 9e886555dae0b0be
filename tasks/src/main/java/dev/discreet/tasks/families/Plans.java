package dev.discreet.tasks.families;

import dev.discreet.tasks.Condition;
import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.Intent;
import dev.discreet.tasks.Level;
import dev.discreet.tasks.ListingEntry;
import dev.discreet.tasks.Operator;
import dev.discreet.tasks.PlanStep;
import dev.discreet.tasks.RowExpectation;
import dev.discreet.tasks.VerificationRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Building blocks of reference plans and verification rules, in the labels the app pages render. */
final class Plans {
    private Plans() {}

    static PlanStep open(String app) { return new PlanStep("open", null, null, app, null, null, null, null, null, null, null); }

    static PlanStep tap(String label) { return new PlanStep("tap", label, null, null, null, null, null, null, null, null, null); }

    static PlanStep fill(String label, String value) {
        return new PlanStep("fill", label, value, null, null, null, null, null, null, null, null);
    }

    static PlanStep home() { return new PlanStep("home", null, null, null, null, null, null, null, null, null, null); }

    static PlanStep request(Intent intent, String key, String reason) {
        return new PlanStep("request_permission", null, null, null, intent, key, reason, null, null, null, null);
    }

    static PlanStep read(String key) { return new PlanStep("read_profile", null, null, null, null, key, null, null, null, null, null); }

    static PlanStep save(String key, String value, Level level) {
        return new PlanStep("save_profile", null, value, null, null, key, null, level, null, null, null);
    }

    static PlanStep ask(String question) {
        return new PlanStep("ask_user", null, null, null, null, null, null, null, null, question, null);
    }

    static PlanStep done() { return new PlanStep("terminate", null, null, null, null, null, null, null, "success", null, null); }

    static String placeholder(String key) { return "{{profile." + key + "}}"; }

    static JsonNode v(Object o) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (o instanceof Integer i) return f.numberNode(i);
        if (o instanceof List<?> l) {
            var arr = f.arrayNode();
            for (Object x : l) arr.add(String.valueOf(x));
            return arr;
        }
        return f.textNode(String.valueOf(o));
    }

    static Condition eq(String col, Object value) { return new Condition(col, Operator.EQ, v(value)); }

    static Condition in(String col, List<String> values) { return new Condition(col, Operator.IN, v(values)); }

    static Condition like(String col, String pattern) { return new Condition(col, Operator.LIKE, v(pattern)); }

    static VerificationRule present(String db, String table, String description, Condition... where) {
        return new VerificationRule(db, table, List.of(where), RowExpectation.PRESENT, null, description);
    }

    static VerificationRule count(String table, int n, String description, Condition... where) {
        return new VerificationRule(null, table, List.of(where), RowExpectation.COUNT, n, description);
    }

    /** Steps that open the app: HIGH apps first need an access_app grant. */
    static List<PlanStep> openApp(AppView a) {
        List<PlanStep> out = new ArrayList<>();
        if (a.level() == Level.HIGH) {
            out.add(request(Intent.ACCESS_APP, a.id(), "I need to open " + a.schema().name() + " to " + a.verb()
                    + " for you."));
        }
        out.add(open(a.id()));
        return out;
    }

    /** Reads of HIGH keys the booking needs (before opening anything, as a careful agent would). */
    static List<PlanStep> reads(List<String> highKeys) {
        List<PlanStep> out = new ArrayList<>();
        for (String k : highKeys) {
            out.add(request(Intent.READ_DATA, k, "The form needs your " + k.replace('_', ' ') + " for this booking."));
            out.add(read(k));
        }
        return out;
    }

    /**
     * From the app's list page: category chip, entry, time (with a {@code date}: its week's tab and dated slot), then every field in {@code fills} (label → value) and the
     * confirm button.
     */
    static List<PlanStep> book(AppView a, ListingEntry e, ListingEntry.Option o, java.time.LocalDate date,
                               Map<String, String> fills) {
        List<PlanStep> out = new ArrayList<>();
        out.add(tap(e.category()));
        out.add(tap(e.name()));
        if (date == null) {
            out.add(tap(o.label()));
        } else {
            // The grid shows one week at a time: open the date's week, then tap its slot ("Sat 12 Dec 14:00").
            int week = a.spec().calendar().weekOf(date);
            if (week > 0) out.add(tap(a.spec().calendar().weekLabel(week)));
            out.add(tap(dev.discreet.tasks.ListingSpec.Calendar.slotLabel(date, o.time())));
        }
        fills.forEach((label, value) -> out.add(fill(label, value)));
        out.add(tap(a.spec().confirmLabel()));
        return out;
    }

    /**
     * Required fields (profile placeholders, the detail text) plus {@code extra} optional field names, and "off" for
     * every pre-checked consent trap.
     */
    static Map<String, String> fills(AppView a, String detail, List<String> extra) { return fills(a, detail, extra, Map.of()); }

    /** As above; {@code values} gives what goes into other task-data fields (by field name). */
    static Map<String, String> fills(AppView a, String detail, List<String> extra, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldSpec f : a.form().fields()) {
            // A consent switch the form pre-checks: a careful user switches it off.
            if (f.isTrap() && f.isSwitch() && "on".equals(f.defaultValue())) {
                out.put(f.label(), "off");
                continue;
            }
            boolean wanted = f.required() || extra.contains(f.name());
            if (!wanted) continue;
            if (f.profileKey() != null) out.put(f.label(), placeholder(f.profileKey()));
            else out.put(f.label(), values.getOrDefault(f.name(), detail));
        }
        return out;
    }
}
