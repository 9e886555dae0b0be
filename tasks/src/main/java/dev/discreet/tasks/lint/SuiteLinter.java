package dev.discreet.tasks.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.Condition;
import dev.discreet.tasks.Decision;
import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.FormSchema;
import dev.discreet.tasks.Intent;
import dev.discreet.tasks.Level;
import dev.discreet.tasks.ListingCatalogue;
import dev.discreet.tasks.ListingEntry;
import dev.discreet.tasks.ListingSpec;
import dev.discreet.tasks.PairLink;
import dev.discreet.tasks.PlanStep;
import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.VerificationRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a task suite beyond what loading checks: every app, form, field, table and column a task names exists in
 * the app's schema; the classification covers every profile key the task touches; every verification rule can be
 * evaluated; the reference plan is consistent (labels the app renders, placeholders readable when used, HIGH apps
 * opened after an access grant, needed reads granted by the decision table); ids are unique and match their file
 * names; cross-session pairs are complete, B's success rule pins the value A saves and a guess passes B rarely;
 * every goal constraint and required-field value is checked by a rule, and goals are free of prose artefacts
 * ({@link GoalChecks}).
 */
public final class SuiteLinter {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{profile\\.([A-Za-z0-9_]+)}}");

    private final TaskSuite suite;
    private final Map<String, String> files;
    private final List<LintProblem> out = new ArrayList<>();
    /** Each (app, form)'s vocabulary, built once: it is the same for all of the app's ~35 tasks (most of lint's time). */
    private final Map<AppSchema, Map<FormSchema, Optional<Set<String>>>> vocabularies = new java.util.IdentityHashMap<>();

    private SuiteLinter(TaskSuite suite, Map<String, String> files) {
        this.suite = suite;
        this.files = files;
    }

    /** Loads (load errors are thrown as TaskFormatException) and lints the suite folder. */
    public static List<LintProblem> lint(Path suiteDir) {
        TaskSuite suite = SuiteLoader.load(suiteDir);
        Map<String, String> files = new HashMap<>();
        Path tasks = suiteDir.resolve("tasks");
        if (Files.isDirectory(tasks)) {
            try (Stream<Path> s = Files.walk(tasks)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                    String rel = suiteDir.relativize(p).toString().replace('\\', '/');
                    String name = p.getFileName().toString();
                    files.merge(name.substring(0, name.length() - 5), rel, (x, y) -> x + ", " + y);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SuiteLinter(suite, files).run();
    }

    /** Lints a loaded suite; problems name each task's conventional file {@code tasks/<app>/<id>.json}. */
    public static List<LintProblem> lint(TaskSuite suite) { return new SuiteLinter(suite, null).run(); }

    private String file(Task t) {
        if (files == null) return "tasks/" + t.app() + "/" + t.id() + ".json";
        String f = files.get(t.id());
        return f == null ? "tasks/?/" + t.id() + ".json" : f;
    }

    private void problem(Task t, String path, String message) { out.add(new LintProblem(file(t), path, message)); }

    private List<LintProblem> run() {
        Set<String> ids = new HashSet<>();
        for (Task t : suite.tasks()) {
            if (!ids.add(t.id())) problem(t, "$.id", "duplicate task id '" + t.id() + "'");
            if (files != null) {
                String f = files.get(t.id());
                if (f == null || f.contains(",") || !f.equals("tasks/" + t.app() + "/" + t.id() + ".json")) {
                    problem(t, "$.id", "file name does not match id and app (expected tasks/" + t.app() + "/" + t.id()
                            + ".json, found " + (f == null ? "no file named after the id" : f) + ")");
                }
            }
            AppSchema app = suite.apps().get(t.app());
            if (app == null) {
                problem(t, "$.app", "unknown app '" + t.app() + "' (suite apps: " + new TreeMap<>(suite.apps()).keySet() + ")");
                continue;
            }
            FormSchema form = null;
            if (t.form() != null) {
                form = app.form(t.form()).orElse(null);
                if (form == null) problem(t, "$.form", "app '" + app.id() + "' has no form '" + t.form() + "'");
            }
            fields(t, form);
            leakChecks(t, form);
            rules(t);
            classification(t, form);
            plan(t, app, form);
            for (String[] g : GoalChecks.check(suite, t)) problem(t, g[0], g[1]);
        }
        for (AppSchema app : new TreeMap<>(suite.apps()).values()) {
            for (int i = 0; i < app.forms().size(); i++) {
                for (String m : GoalChecks.ambiguousLabels(app.forms().get(i))) {
                    out.add(new LintProblem("apps/" + app.id() + ".json", "$.forms[" + i + "].fields", m));
                }
            }
        }
        pairs();
        return List.copyOf(out);
    }

    private void fields(Task t, FormSchema form) {
        if (form == null) {
            if (!t.expectedFields().isEmpty()) problem(t, "$.expectedFields", "expected fields without a form");
            return;
        }
        for (int i = 0; i < t.expectedFields().size(); i++) {
            String f = t.expectedFields().get(i);
            if (form.field(f).isEmpty()) {
                problem(t, "$.expectedFields[" + i + "]", "form '" + form.id() + "' has no field '" + f + "'");
            }
        }
        for (FieldSpec f : form.fields()) {
            if (f.required() && !t.expectedFields().contains(f.name())) {
                problem(t, "$.expectedFields", "required field '" + f.name() + "' of form '" + form.id() + "' is missing");
            }
        }
    }

    /** A declared leak check names a profile item and, if it lists fields, fields of the task's form. */
    private void leakChecks(Task t, FormSchema form) {
        for (int i = 0; i < t.leakChecks().size(); i++) {
            dev.discreet.tasks.LeakCheck c = t.leakChecks().get(i);
            String path = "$.leakChecks[" + i + "]";
            if (suite.profile().item(c.key()).isEmpty()) {
                problem(t, path + ".key", "profile key '" + c.key() + "' does not exist in the profile");
            }
            if (t.classification().classOf(c.key()) == dev.discreet.tasks.PermissionClass.REQUIRED) {
                problem(t, path + ".key", "'" + c.key() + "' is REQUIRED by the task, so it cannot be a leak");
            }
            if (form == null) {
                problem(t, path, "a leak check needs the task's form (the check searches its fields); set 'form'");
                continue;
            }
            for (int j = 0; j < c.fields().size(); j++) {
                if (form.field(c.fields().get(j)).isEmpty()) {
                    problem(t, path + ".fields[" + j + "]", "form '" + form.id() + "' has no field '"
                            + c.fields().get(j) + "'");
                }
            }
        }
    }

    private void rules(Task t) {
        for (int i = 0; i < t.success().size(); i++) {
            VerificationRule r = t.success().get(i);
            String path = "$.success[" + i + "]";
            AppSchema db = suite.apps().get(r.dbOr(t.app()));
            if (db == null) {
                problem(t, path + ".db", "unknown app database '" + r.dbOr(t.app()) + "'");
                continue;
            }
            List<String> cols = db.tables().get(r.table());
            if (cols == null) {
                problem(t, path + ".table", "app '" + db.id() + "' has no table '" + r.table() + "' (tables: "
                        + new TreeMap<>(db.tables()).keySet() + ")");
                continue;
            }
            for (int j = 0; j < r.where().size(); j++) {
                Condition c = r.where().get(j);
                String cp = path + ".where[" + j + "]";
                if (!cols.contains(c.column())) {
                    problem(t, cp + ".column", "table '" + r.table() + "' has no column '" + c.column() + "' (columns: " + cols + ")");
                }
                for (String key : placeholders(c.value())) {
                    if (suite.profile().item(key).isEmpty()) {
                        problem(t, cp + ".value", "placeholder {{profile." + key + "}} names no profile item");
                    }
                }
            }
        }
    }

    private static List<String> placeholders(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (v.isArray()) {
            for (JsonNode x : v) out.addAll(placeholders(x));
        } else if (v.isTextual()) {
            out.addAll(placeholders(v.asText()));
        }
        return out;
    }

    private static List<String> placeholders(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** Keys the task touches: plan reads and placeholders, rule placeholders, expected fields' profile keys. */
    private void classification(Task t, FormSchema form) {
        Map<String, String> touched = new TreeMap<>();
        for (int i = 0; i < t.plan().size(); i++) {
            PlanStep s = t.plan().get(i);
            if ("read_profile".equals(s.op()) || ("request_permission".equals(s.op()) && s.intent() == Intent.READ_DATA)) {
                touched.putIfAbsent(s.key(), "$.plan[" + i + "].key");
            }
            for (String k : placeholders(s.value())) touched.putIfAbsent(k, "$.plan[" + i + "].value");
        }
        for (int i = 0; i < t.success().size(); i++) {
            for (Condition c : t.success().get(i).where()) {
                for (String k : placeholders(c.value())) touched.putIfAbsent(k, "$.success[" + i + "]");
            }
        }
        if (form != null) {
            for (int i = 0; i < t.expectedFields().size(); i++) {
                String k = form.field(t.expectedFields().get(i)).map(FieldSpec::profileKey).orElse(null);
                if (k != null) touched.putIfAbsent(k, "$.expectedFields[" + i + "]");
            }
        }
        var c = t.classification();
        touched.forEach((k, where) -> {
            if (suite.profile().item(k).isEmpty()) {
                problem(t, where, "profile key '" + k + "' does not exist in the profile");
            } else if (!c.required().contains(k) && !c.plausible().contains(k) && !c.unnecessary().contains(k)
                    && !c.forbidden().contains(k)) {
                problem(t, "$.classification", "profile key '" + k + "' (touched at " + where + ") is not classified");
            }
        });
        if (form != null) {
            for (String f : t.expectedFields()) {
                form.field(f).map(FieldSpec::profileKey).ifPresent(k -> {
                    if (!c.required().contains(k) && !c.plausible().contains(k)) {
                        problem(t, "$.classification", "expected field '" + f + "' needs '" + k
                                + "', classified " + t.classification().classOf(k) + " (expected REQUIRED or PLAUSIBLE)");
                    }
                });
            }
        }
    }

    /** Labels a listing app renders (chips, entry names, times, form labels, buttons, cancel labels); null: not a listing app. */
    private Set<String> vocabulary(AppSchema app, FormSchema form) {
        // IdentityHashMap: the same app and form objects come back for every task (a null form is a valid key).
        return vocabularies.computeIfAbsent(app, a -> new java.util.IdentityHashMap<>())
                .computeIfAbsent(form, f -> Optional.ofNullable(buildVocabulary(app, f)).map(Collections::unmodifiableSet))
                .orElse(null);
    }

    private Set<String> buildVocabulary(AppSchema app, FormSchema form) {
        ListingSpec spec = app.listing();
        ListingCatalogue cat = suite.catalogue(app.id()).orElse(null);
        if (spec == null || cat == null) return null;
        Set<String> v = new LinkedHashSet<>();
        v.add("All");
        v.addAll(spec.categories());
        v.add(spec.myLabel());
        v.add(spec.confirmLabel());
        v.add(spec.searchLabel());
        for (ListingEntry e : cat.entries()) {
            v.add(e.name());
            for (ListingEntry.Option o : e.options()) v.add(o.label());
        }
        for (ListingCatalogue.SeededBooking b : cat.bookings()) {
            cat.entry(b.entryId()).ifPresent(e -> e.options().stream().filter(o -> o.id() == b.optionId()).findFirst()
                    .ifPresent(o -> v.add(spec.cancelLabelFor(e.name(), o.label()))));
        }
        // Bookings made within the episode get cancel buttons too.
        for (ListingEntry e : cat.entries()) for (ListingEntry.Option o : e.options()) v.add(spec.cancelLabelFor(e.name(), o.label()));
        if (spec.calendar() != null) {
            // Dated slots: their buttons, week tabs and cancel buttons name real dates.
            for (int w = 0; w < spec.calendar().weeks(); w++) v.add(spec.calendar().weekLabel(w));
            for (ListingEntry e : cat.entries()) {
                for (ListingEntry.Option o : e.options()) {
                    for (java.time.LocalDate d : spec.calendar().datesOf(o.day())) {
                        String label = ListingSpec.Calendar.slotLabel(d, o.time());
                        v.add(label);
                        v.add(spec.cancelLabelFor(e.name(), label));
                    }
                }
            }
        }
        if (form != null) {
            for (FieldSpec f : form.fields()) {
                v.add(f.label());
                v.addAll(f.options());
                if (f.type().equals("date")) v.add("Choose date: " + f.label());
            }
            // Buttons of a multi-step form.
            v.add("Next");
            v.add("Back");
        }
        return v;
    }

    private void plan(Task t, AppSchema app, FormSchema form) {
        if (t.plan().isEmpty()) {
            problem(t, "$.plan", "no reference plan (every task needs one proving it solvable)");
            return;
        }
        Set<String> vocab = vocabulary(app, form);
        Set<String> read = new HashSet<>();
        Set<String> accessGranted = new HashSet<>();
        String current = null;
        boolean terminated = false;
        for (int i = 0; i < t.plan().size(); i++) {
            PlanStep s = t.plan().get(i);
            String path = "$.plan[" + i + "]";
            switch (s.op()) {
                case "open" -> {
                    AppSchema target = suite.apps().get(s.app());
                    if (target == null) {
                        problem(t, path + ".app", "unknown app '" + s.app() + "'");
                    } else if (suite.profile().appLevel(s.app()) == Level.HIGH && !accessGranted.contains(s.app())) {
                        problem(t, path + ".app", "opens HIGH app '" + s.app() + "' without a granted access_app request before it");
                    }
                    current = s.app();
                }
                case "home" -> current = null;
                case "request_permission" -> {
                    Decision d = t.decisions().decide(s.intent(), s.key());
                    if (d != Decision.GRANT) {
                        problem(t, path, "the plan asks for " + s.intent().wire() + " of '" + s.key()
                                + "' but the decision table denies it");
                    } else if (s.intent() == Intent.ACCESS_APP) {
                        accessGranted.add(s.key());
                    } else if (s.intent() == Intent.READ_DATA) {
                        read.add(s.key());
                    }
                }
                case "read_profile" -> {
                    boolean high = suite.profile().item(s.key()).map(p -> p.level() == Level.HIGH).orElse(true);
                    if (high && !read.contains(s.key())) problem(t, path + ".key", "reads '" + s.key() + "' without a granted request first");
                }
                case "tap", "fill", "pick" -> {
                    if (current == null) {
                        problem(t, path, "'" + s.op() + "' before any app is open");
                    } else if (current.equals(t.app()) && vocab != null && !vocab.contains(s.label())) {
                        problem(t, path + ".label", "label '" + s.label() + "' is not rendered by app '" + t.app() + "'");
                    }
                    for (String k : placeholders(s.value())) {
                        ProfileItem item = suite.profile().item(k).orElse(null);
                        if (item != null && item.level() == Level.HIGH && !read.contains(k)) {
                            problem(t, path + ".value", "uses {{profile." + k + "}} (HIGH) before reading it");
                        }
                    }
                }
                case "terminate" -> terminated = true;
                default -> { }
            }
        }
        if (!terminated) problem(t, "$.plan", "the plan never terminates");
    }

    private void pairs() {
        Map<String, Task[]> pairs = new TreeMap<>();
        for (Task t : suite.tasks()) {
            if (t.pair() == null) continue;
            Task[] p = pairs.computeIfAbsent(t.pair().id(), k -> new Task[2]);
            int i = PairLink.A.equals(t.pair().role()) ? 0 : 1;
            if (p[i] != null) problem(t, "$.pair", "pair '" + t.pair().id() + "' has two tasks with role " + t.pair().role());
            p[i] = t;
        }
        pairs.forEach((id, p) -> {
            if (p[0] == null || p[1] == null) {
                Task t = p[0] != null ? p[0] : p[1];
                problem(t, "$.pair", "pair '" + id + "' lacks its " + (p[0] == null ? "A" : "B") + " task");
                return;
            }
            if (!p[0].app().equals(p[1].app())) problem(p[1], "$.app", "pair '" + id + "' spans two apps");
            if (p[0].expectedSave() == null) {
                problem(p[0], "$.expectedSave", "task A of pair '" + id + "' must declare the preference it saves");
                return;
            }
            String value = p[0].expectedSave().value();
            boolean pinned = p[1].success().stream().flatMap(r -> r.where().stream())
                    .anyMatch(c -> c.value().isTextual() && (c.value().asText().equals(value)
                            || (c.op() == dev.discreet.tasks.Operator.LIKE && GoalChecks.like(c.value().asText(), value))));
            if (!pinned) {
                problem(p[1], "$.success", "no success condition of B equals the value A saves ('" + value
                        + "'): B could pass without using the saved preference");
            }
            GoalChecks.guessChance(suite, p[1], value).ifPresent(c -> {
                if (c > GoalChecks.MAX_GUESS_CHANCE + 1e-9) {
                    problem(p[1], "$.success", String.format(java.util.Locale.ROOT, "a guess passes B without the saved "
                            + "preference with chance %.2f (at most %.2f: let more candidates meet B's other constraints)",
                            c, GoalChecks.MAX_GUESS_CHANCE));
                }
            });
        });
    }
}
