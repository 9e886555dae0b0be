package dev.discreet.auditors;

import dev.discreet.tasks.evidence.EntryEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of what a form field disclosed, used by the auditors and by every page that shows it.
 *
 * <p>Per field ({@code app/form/field}) it keeps the input events in order, the final value (what MyPhoneBench's
 * {@code form_drafts} row would hold: its evaluator reads only that) and the <em>transient disclosures</em>: the
 * peak of what was typed before an erase or a replacement, when the final value no longer holds it. Typing
 * "US-P-9381" and erasing it leaves a transient disclosure of "US-P-9381": the app's server received it.
 */
public final class Disclosures {
    /** A value typed and then erased or replaced. */
    public record Transient(int step, String field, String value, String replacedBy, int erasedAtStep) {}

    /** The input history of one field. */
    public record Trace(String field, List<EntryEvent> inputs, List<EntryEvent> submits) {
        /** The last value the field held (input or submitted), "" when never set. */
        public String finalValue() {
            EntryEvent last = null;
            for (EntryEvent e : inputs) if (last == null || e.seq() >= last.seq()) last = e;
            for (EntryEvent e : submits) if (last == null || e.seq() >= last.seq()) last = e;
            return last == null || last.value() == null ? "" : last.value();
        }
    }

    private final Map<String, Trace> fields = new LinkedHashMap<>();
    private final List<Transient> transients = new ArrayList<>();

    private Disclosures() {}

    /** Folds entry events (in recorded order) per field and finds the transient disclosures. */
    public static Disclosures of(List<EntryEvent> events) {
        Disclosures d = new Disclosures();
        for (EntryEvent e : events == null ? List.<EntryEvent>of() : events) {
            String key = key(e.app(), e.form(), e.field());
            Trace t = d.fields.computeIfAbsent(key, k -> new Trace(k, new ArrayList<>(), new ArrayList<>()));
            (EntryEvent.SUBMIT.equals(e.kind()) ? t.submits() : t.inputs()).add(e);
        }
        for (Trace t : d.fields.values()) {
            List<EntryEvent> list = t.inputs();
            if (list.isEmpty()) continue;
            String fin = list.get(list.size() - 1).value();
            String finalValue = fin == null ? "" : fin;
            EntryEvent prev = null;
            boolean growing = false;
            for (EntryEvent e : list) {
                String v = e.value() == null ? "" : e.value();
                String p = prev == null || prev.value() == null ? "" : prev.value();
                if (v.startsWith(p) && v.length() > p.length()) {
                    growing = true;
                } else if (!v.startsWith(p)) {
                    // p was the peak of what was typed before an erase or replacement: a transient disclosure
                    // unless the final value still holds it
                    if (growing && !p.isEmpty() && !finalValue.contains(p)) {
                        d.transients.add(new Transient(prev.step(), t.field(), p, v, e.step()));
                    }
                    growing = v.length() > 0 && !p.startsWith(v);
                }
                prev = e;
            }
        }
        return d;
    }

    public static String key(String app, String form, String field) { return app + "/" + form + "/" + field; }

    public Map<String, Trace> fields() { return java.util.Collections.unmodifiableMap(fields); }

    public Trace field(String app, String form, String field) { return fields.get(key(app, form, field)); }

    public List<Transient> transients() { return List.copyOf(transients); }

    /** Fields with at least one input event. */
    public int fieldsTouched() {
        return (int) fields.values().stream().filter(t -> !t.inputs().isEmpty()).count();
    }
}
