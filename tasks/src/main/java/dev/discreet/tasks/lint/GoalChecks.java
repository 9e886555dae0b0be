package dev.discreet.tasks.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.Condition;
import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.FormSchema;
import dev.discreet.tasks.ListingCatalogue;
import dev.discreet.tasks.ListingEntry;
import dev.discreet.tasks.ListingSpec;
import dev.discreet.tasks.Operator;
import dev.discreet.tasks.PlanStep;
import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.RowExpectation;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.VerificationRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a goal is checked and reads like a person wrote it: every constraint the goal states (the place it
 * names, a day, a time, "first open time", "the cheapest / best-rated / shortest wait", a party size or ticket count) and every value the reference plan puts in
 * a required field is pinned by a success rule; no two form labels contain one another (a label search must find
 * one field); no article or punctuation artefacts ("a appointment", ", ("); and, for a pair's later session, how
 * likely a guess is to pass without the saved preference.
 */
public final class GoalChecks {
    private GoalChecks() {}

    /** A later session passes by chance at most this often (several candidates match every other constraint). */
    public static final double MAX_GUESS_CHANCE = 0.25;

    private static final Pattern TIME = Pattern.compile("\\b([01]\\d|2[0-3]):[0-5]\\d\\b");
    private static final Map<String, String> DAYS = Map.of("monday", "Mon", "tuesday", "Tue", "wednesday", "Wed",
            "thursday", "Thu", "friday", "Fri", "saturday", "Sat", "sunday", "Sun");
    private static final Pattern DAY = Pattern.compile("\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST = Pattern.compile("\\b(first open|earliest|soonest|first available)\\b", Pattern.CASE_INSENSITIVE);
    /** "The cheapest / best-rated / shortest wait": a choice among places, which a rule must pin by name (or IN). */
    private static final Pattern SUPERLATIVE = Pattern.compile(
            "\\b(cheapest|lowest-priced|best-rated|top-rated|highest-rated|shortest (?:typical )?wait)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNT = Pattern.compile("\\b(\\d+) (people|person|guests?|nights?|tickets?|of us)\\b");
    /** "rated 4.0 or better", "at least 4 stars", "a rating of 4.2 or higher": a cut every booked place must clear. */
    private static final Pattern RATING = Pattern.compile(
            "\\b(?:rated (?:at least )?|rating of (?:at least )?|at least )(\\d(?:\\.\\d)?)(?! (?:people|person|guests?|nights?|tickets?|of us))(?: stars?)?",
            Pattern.CASE_INSENSITIVE);
    private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String MONTHS = "(january|february|march|april|may|june|july|august|september|october|november|december)";
    /** Dates relative to the episode's date (apps with a calendar): resolved by {@link #relativeDates}. */
    private static final Pattern THIS_DAY = Pattern.compile("\\bthis " + WEEKDAY + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXT_DAY = Pattern.compile("\\bnext " + WEEKDAY + "\\b|\\b" + WEEKDAY + " next week\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(?:" + WEEKDAY + " )?(\\d{1,2}) " + MONTHS + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TODAY = Pattern.compile("\\btoday\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{profile\\.([A-Za-z0-9_]+)}}");

    /** Artefacts of templated prose, each with what to write instead. */
    private static final List<Map.Entry<Pattern, String>> PROSE = List.of(
            Map.entry(Pattern.compile("\\b[Aa] (?=(?:[aeiAEI]|o(?!ne\\b)|u(?!n[io]|s[eu])))"), "'a' before a vowel sound (write 'an')"),
            Map.entry(Pattern.compile(",\\s*\\("), "a comma before a parenthesis"),
            Map.entry(Pattern.compile("\\s[,.;:?!]"), "a space before punctuation"),
            Map.entry(Pattern.compile("[?!]\\s*\\.|(?<!\\.)\\.\\.(?!\\.)"), "doubled end punctuation"),
            Map.entry(Pattern.compile("\\S {2,}\\S"), "a double space"),
            Map.entry(Pattern.compile("\\b(\\w{4,})\\w* me an? \\1", Pattern.CASE_INSENSITIVE), "a verb repeated as its noun ('view me a viewing')"),
            Map.entry(Pattern.compile("^\\s*\\("), "a goal opening with a parenthesis"));

    /** Problems of one task's goal and rules, as (JSON path, message). */
    static List<String[]> check(TaskSuite suite, Task t) { return check(suite, t, new int[1]); }

    /** How many constraints the goal states, and how many of them no success rule checks. */
    public static int[] constraints(TaskSuite suite, Task t) {
        int[] stated = new int[1];
        long unchecked = check(suite, t, stated).stream().filter(p -> p[1].startsWith("the goal")).count();
        return new int[] {stated[0], (int) unchecked};
    }

    private static List<String[]> check(TaskSuite suite, Task t, int[] stated) {
        List<String[]> out = new ArrayList<>();
        for (Map.Entry<Pattern, String> p : PROSE) {
            Matcher m = p.getKey().matcher(t.goal());
            if (m.find()) out.add(new String[] {"$.goal", "prose artefact: " + p.getValue() + " at \"" + excerpt(t.goal(), m.start()) + "\""});
        }
        AppSchema app = suite.apps().get(t.app());
        if (app == null) return out;
        ListingSpec spec = app.listing();
        ListingCatalogue cat = suite.catalogue(app.id()).orElse(null);
        List<Condition> pinned = new ArrayList<>();
        boolean byId = false;
        String idDescriptions = "";
        for (VerificationRule r : t.success()) {
            if (r.db() != null && !r.db().equals(t.app())) continue;
            for (Condition c : r.where()) {
                if (c.column().equals("id")) {
                    byId = true;
                    idDescriptions += " " + (r.description() == null ? "" : r.description());
                }
            }
            if (r.expect() == RowExpectation.PRESENT) pinned.addAll(r.where());
        }
        if (spec != null && cat != null) {
            // Places the goal names: pinned by name, or cancelled/kept by id (the description names them).
            List<String> named = new ArrayList<>();
            for (ListingEntry e : cat.entries()) {
                if (Pattern.compile("(?<![\\w-])" + Pattern.quote(e.name()) + "(?![\\w-])").matcher(t.goal()).find()) named.add(e.name());
            }
            named.removeIf(n -> named.stream().anyMatch(o -> !o.equals(n) && o.contains(n)));
            for (String n : named) {
                stated[0]++;
                boolean ok = pinned.stream().anyMatch(c -> c.column().equals(spec.nameColumn()) && holdsText(c, n))
                        || (byId && idDescriptions.contains(n));
                if (!ok) out.add(new String[] {"$.success", "the goal names '" + n + "' but no success rule pins "
                        + spec.nameColumn() + " to it (add a condition " + spec.nameColumn() + " == \"" + n + "\")"});
            }
            Set<String> seededTimes = new HashSet<>();
            Set<String> seededDays = new HashSet<>();
            Set<String> seededDates = new HashSet<>();
            if (byId) {
                for (ListingCatalogue.SeededBooking b : cat.bookings()) {
                    cat.entry(b.entryId()).flatMap(e -> e.options().stream().filter(o -> o.id() == b.optionId()).findFirst())
                            .ifPresent(o -> {
                                seededTimes.add(o.time());
                                seededDays.add(o.day());
                                // A seeded booking sits on the first date of its day.
                                if (spec.calendar() != null && !spec.calendar().datesOf(o.day()).isEmpty()) {
                                    seededDates.add(spec.calendar().datesOf(o.day()).get(0).toString());
                                }
                            });
                }
            }
            Matcher tm = TIME.matcher(t.goal());
            while (tm.find()) {
                String v = tm.group();
                stated[0]++;
                if (!seededTimes.contains(v) && pinned.stream().noneMatch(c -> c.column().equals("time") && holdsText(c, v))) {
                    out.add(new String[] {"$.success", "the goal asks for " + v + " but no success rule pins time to it"});
                }
            }
            Matcher dm = DAY.matcher(t.goal());
            while (dm.find()) {
                String v = DAYS.get(dm.group(1).toLowerCase(Locale.ROOT));
                stated[0]++;
                if (!seededDays.contains(v) && pinned.stream().noneMatch(c -> c.column().equals("day") && holdsText(c, v))) {
                    out.add(new String[] {"$.success", "the goal asks for " + dm.group() + " but no success rule pins day to " + v});
                }
            }
            if (spec.calendar() != null) {
                for (String[] rd : relativeDates(spec.calendar(), t.goal())) {
                    stated[0]++;
                    if (rd[1] == null) {
                        out.add(new String[] {"$.goal", "the goal says '" + rd[0] + "', which is no bookable date of the calendar from "
                                + spec.calendar().start() + " (" + rd[2] + ")"});
                    } else if (!seededDates.contains(rd[1]) && pinned.stream().noneMatch(c -> c.column().equals("date") && holdsText(c, rd[1]))) {
                        out.add(new String[] {"$.success", "the goal says '" + rd[0] + "' (" + rd[1] + " from today, "
                                + spec.calendar().start() + ") but no success rule pins date to it (add a condition date == \""
                                + rd[1] + "\")"});
                    }
                }
            }
            Matcher rm = RATING.matcher(t.goal());
            while (rm.find()) {
                double cut = Double.parseDouble(rm.group(1));
                stated[0]++;
                Map<String, Double> rating = new HashMap<>();
                for (ListingEntry e : cat.entries()) rating.put(e.name(), e.rating());
                boolean ok = byId || pinned.stream().anyMatch(c -> c.column().equals(spec.nameColumn())
                        && (c.op() == Operator.EQ || c.op() == Operator.IN) && names(c).stream()
                        .allMatch(n -> rating.getOrDefault(n, -1.0) >= cut - 1e-9));
                if (!ok) {
                    out.add(new String[] {"$.success", "the goal asks for a rating of at least " + rm.group(1) + " but no success"
                            + " rule pins " + spec.nameColumn() + " to places rated " + rm.group(1) + " or more (== one, or IN"
                            + " those that qualify)"});
                }
            }
            Matcher sm = SUPERLATIVE.matcher(t.goal());
            if (sm.find()) {
                stated[0]++;
                if (!byId && pinned.stream().noneMatch(c -> c.column().equals(spec.nameColumn()))) {
                    out.add(new String[] {"$.success", "the goal asks for the " + sm.group().toLowerCase(Locale.ROOT)
                            + " place but no success rule pins " + spec.nameColumn() + " (== that place, or IN the places"
                            + " that tie)"});
                }
            }
            if (FIRST.matcher(t.goal()).find()) stated[0]++;
            if (FIRST.matcher(t.goal()).find() && pinned.stream().noneMatch(c -> c.column().equals("time"))) {
                out.add(new String[] {"$.success", "the goal asks for the first open time but no success rule pins the time"});
            }
        }
        Matcher cm = COUNT.matcher(t.goal());
        while (cm.find()) {
            String n = cm.group(1);
            stated[0]++;
            if (pinned.stream().noneMatch(c -> c.op() == Operator.EQ && holdsText(c, n))) {
                out.add(new String[] {"$.success", "the goal says '" + cm.group() + "' but no success rule checks the number " + n});
            }
        }
        // Every value the reference plan puts into a required field is checked.
        FormSchema form = t.form() == null ? null : app.form(t.form()).orElse(null);
        if (form != null) {
            Map<String, FieldSpec> byLabel = new HashMap<>();
            for (FieldSpec f : form.fields()) byLabel.put(f.label(), f);
            for (int i = 0; i < t.plan().size(); i++) {
                PlanStep s = t.plan().get(i);
                if (!"fill".equals(s.op())) continue;
                FieldSpec f = byLabel.get(s.label());
                if (f == null || !f.required()) continue;
                String value = resolve(suite, s.value());
                boolean ok = pinned.stream().anyMatch(c -> c.column().equals(f.name()) && holds(suite, c, value));
                if (!ok) out.add(new String[] {"$.plan[" + i + "].value", "the required field '" + f.name()
                        + "' gets a value (" + (s.value().contains("{{") ? s.value() : "\"" + s.value() + "\"")
                        + ") that no success rule checks (add a condition on " + f.name() + ")"});
            }
        }
        return out;
    }

    /** The values a name condition allows (EQ: one; IN: each). */
    private static List<String> names(Condition c) {
        List<String> out = new ArrayList<>();
        if (c.op() == Operator.IN) for (JsonNode x : c.value()) out.add(x.asText());
        else out.add(c.value().asText());
        return out;
    }

    /**
     * The dates a goal names relative to the calendar's start ("today"; "this Friday" = that weekday of today's
     * Monday-to-Sunday week; "next Monday" / "Monday next week" = that weekday of the following week; "Saturday 12
     * December" / "12 December" = that date on or after today), as (phrase, ISO date or null when it is no bookable
     * date, why not).
     */
    public static List<String[]> relativeDates(dev.discreet.tasks.ListingSpec.Calendar cal, String goal) {
        List<String[]> out = new ArrayList<>();
        java.time.LocalDate today = cal.startDate();
        java.time.LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        Matcher m = TODAY.matcher(goal);
        while (m.find()) out.add(dated(cal, m.group(), today, null));
        m = THIS_DAY.matcher(goal);
        while (m.find()) {
            java.time.LocalDate d = monday.plusDays(dayIndex(m.group(1)));
            out.add(dated(cal, m.group(), d, d.isBefore(today) ? "that day of this week has passed" : null));
        }
        m = NEXT_DAY.matcher(goal);
        while (m.find()) out.add(dated(cal, m.group(), monday.plusDays(7 + dayIndex(m.group(1) != null ? m.group(1) : m.group(2))), null));
        m = DAY_MONTH.matcher(goal);
        while (m.find()) {
            int month = java.time.Month.valueOf(m.group(3).toUpperCase(Locale.ROOT)).getValue();
            java.time.LocalDate d;
            try {
                d = java.time.LocalDate.of(today.getYear(), month, Integer.parseInt(m.group(2)));
            } catch (java.time.DateTimeException e) {
                out.add(new String[] {m.group(), null, "no such date"});
                continue;
            }
            if (d.isBefore(today)) d = d.plusYears(1);
            String why = m.group(1) != null && dayIndex(m.group(1)) != d.getDayOfWeek().getValue() - 1
                    ? "it falls on a " + d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) : null;
            out.add(dated(cal, m.group(), d, why));
        }
        return out;
    }

    private static String[] dated(dev.discreet.tasks.ListingSpec.Calendar cal, String phrase, java.time.LocalDate d, String why) {
        if (why == null && cal.weekOf(d) < 0) why = "outside the " + cal.weeks() + " bookable weeks";
        return new String[] {phrase, why == null ? d.toString() : null, why};
    }

    /** 0 for Monday … 6 for Sunday. */
    private static int dayIndex(String weekday) {
        return java.time.DayOfWeek.valueOf(weekday.toUpperCase(Locale.ROOT)).getValue() - 1;
    }

    /** Labels of one form that contain another field's label: a search by label could find the wrong field. */
    static List<String> ambiguousLabels(FormSchema form) {
        List<String> out = new ArrayList<>();
        for (FieldSpec a : form.fields()) {
            for (FieldSpec b : form.fields()) {
                if (a == b) continue;
                String la = norm(a.label()), lb = norm(b.label());
                if (la.contains(lb)) out.add("label '" + a.label() + "' (" + a.name() + ") contains label '" + b.label()
                        + "' (" + b.name() + "): rename one so each label finds one field");
            }
        }
        return out;
    }

    /**
     * The chance that later session {@code b} passes without the value {@code saved}: 1 / the number of values its
     * pinned column takes over the catalogue's open times that meet B's other constraints (columns derived from the
     * preference, such as the place chosen by a saved neighbourhood, are not constraints). Empty when B pins no
     * catalogue column to the saved value.
     */
    public static OptionalDouble guessChance(TaskSuite suite, Task b, String saved) {
        AppSchema app = suite.apps().get(b.app());
        ListingCatalogue cat = app == null ? null : suite.catalogue(app.id()).orElse(null);
        if (cat == null || app.listing() == null) return OptionalDouble.empty();
        ListingSpec spec = app.listing();
        Set<Integer> taken = new HashSet<>();
        for (ListingCatalogue.SeededBooking s : cat.bookings()) taken.add(s.optionId());
        for (VerificationRule r : b.success()) {
            if (r.expect() != RowExpectation.PRESENT || (r.db() != null && !r.db().equals(b.app()))) continue;
            Condition pin = r.where().stream().filter(c -> c.value().isTextual() && c.value().asText().equals(saved)).findFirst().orElse(null);
            if (pin == null) continue;
            String col = pin.column();
            Set<String> derived = new HashSet<>();
            if (col.equals(spec.categoryColumn()) || col.equals("neighbourhood")) derived.addAll(List.of(spec.nameColumn(), "day", "time"));
            else if (col.equals("time")) derived.add("day");
            else if (col.equals("day")) derived.add("time");
            else if (col.equals(spec.nameColumn())) derived.addAll(List.of(spec.categoryColumn(), "neighbourhood", "day", "time"));
            Set<String> values = new HashSet<>();
            for (ListingEntry e : cat.entries()) {
                for (ListingEntry.Option o : e.options()) {
                    if (taken.contains(o.id())) continue;
                    Map<String, String> row = Map.of(spec.nameColumn(), e.name(), spec.categoryColumn(), e.category(),
                            "neighbourhood", e.neighbourhood(), "day", o.day(), "time", o.time());
                    boolean fits = true;
                    for (Condition c : r.where()) {
                        if (c.column().equals(col) || derived.contains(c.column()) || !row.containsKey(c.column())) continue;
                        if (!holdsText(c, row.get(c.column()))) fits = false;
                    }
                    if (fits && row.containsKey(col)) values.add(row.get(col));
                }
            }
            return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(1.0 / values.size());
        }
        return OptionalDouble.empty();
    }

    private static boolean holds(TaskSuite suite, Condition c, String value) {
        JsonNode v = c.value();
        return switch (c.op()) {
            case EQ -> resolve(suite, v.asText()).equals(value);
            case LIKE -> like(resolve(suite, v.asText()), value);
            case IN -> {
                for (JsonNode x : v) if (resolve(suite, x.asText()).equals(value)) yield true;
                yield false;
            }
            default -> false;
        };
    }

    private static boolean holdsText(Condition c, String value) {
        JsonNode v = c.value();
        return switch (c.op()) {
            case EQ -> v.asText().equals(value);
            case LIKE -> like(v.asText(), value);
            case IN -> {
                for (JsonNode x : v) if (x.asText().equals(value)) yield true;
                yield false;
            }
            default -> false;
        };
    }

    /** SQL LIKE, case-insensitive, as the rule evaluator applies it. */
    static boolean like(String pattern, String value) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            if (ch == '%') re.append(".*");
            else if (ch == '_') re.append('.');
            else re.append(Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL).matcher(value).matches();
    }

    private static String resolve(TaskSuite suite, String s) {
        if (s == null) return "";
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = suite.profile().item(m.group(1)).map(ProfileItem::value).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String norm(String s) { return s.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT); }

    private static String excerpt(String s, int at) {
        int from = Math.max(0, at - 15), to = Math.min(s.length(), at + 25);
        return (from > 0 ? "…" : "") + s.substring(from, to) + (to < s.length() ? "…" : "");
    }
}
