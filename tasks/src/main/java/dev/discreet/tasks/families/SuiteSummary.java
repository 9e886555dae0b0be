package dev.discreet.tasks.families;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.Difficulty;
import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.FormSchema;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskKind;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.Vagueness;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The suite summary for the docs ({@code tasks/SUITE.md}), generated from the task files; a test keeps it current. */
public final class SuiteSummary {
    private SuiteSummary() {}

    public static String markdown(TaskSuite suite) {
        StringBuilder sb = new StringBuilder();
        List<Task> tasks = suite.tasks();
        long pairs = tasks.stream().filter(t -> t.pair() != null).map(t -> t.pair().id()).distinct().count();
        sb.append("# The canonical task suite\n\n")
          .append("Generated from the task files by `SuiteSummary` (test `SuiteSummaryTest` fails when this file is stale; ")
          .append("regenerate with `mvn -pl tasks test -Dtest=SuiteSummaryTest -Ddiscreet.regenerate=true`).\n\n")
          .append("Suite `").append(suite.name()).append("` ").append(suite.version()).append(", hash `")
          .append(suite.hash(), 0, 16).append("…`: **").append(tasks.size()).append(" tasks** in ")
          .append(suite.apps().size() - 1).append(" domain apps (plus the privacy manager), **").append(pairs)
          .append(" cross-session pairs**. Tasks come from parameterised families (`dev.discreet.tasks.families`) and ")
          .append("the seed ").append(SuiteGenerator.CANONICAL_SEED)
          .append("; `discreet generate --seed N --out DIR` writes a fresh variant.\n\n");
        sb.append("## Apps\n\n| app | name | access | tasks | pairs | form fields | required | optional personal | traps |\n")
          .append("|---|---|---|---:|---:|---:|---:|---|---|\n");
        for (AppSchema a : new TreeMap<>(suite.apps()).values()) {
            if (a.id().equals("privacy")) continue;
            List<Task> ts = tasks.stream().filter(t -> t.app().equals(a.id())).toList();
            FormSchema f = a.forms().get(0);
            sb.append("| ").append(a.id()).append(" | ").append(a.name()).append(" | ").append(suite.profile().appLevel(a.id()))
              .append(" | ").append(ts.size()).append(" | ").append(ts.stream().filter(t -> t.pair() != null).map(t -> t.pair().id()).distinct().count())
              .append(" | ").append(f.fields().size()).append(" | ").append(f.fields().stream().filter(FieldSpec::required).count())
              .append(" | ").append(String.join(", ", f.fields().stream().filter(FieldSpec::isOptionalPersonal)
                      .map(x -> x.name() + " (" + x.sensitivity() + ")").toList()))
              .append(" | ").append(String.join(", ", f.traps().stream().map(FieldSpec::name).toList())).append(" |\n");
        }
        figures(sb, suite);
        table(sb, "Kinds", tasks, t -> t.kind().name(), TaskKind.values());
        table(sb, "Difficulty", tasks, t -> t.difficulty().name(), Difficulty.values());
        table(sb, "Goal vagueness", tasks, t -> t.vagueness().name(), Vagueness.values());
        Map<String, Integer> fam = new TreeMap<>();
        for (Task t : tasks) fam.merge(t.family() == null ? "(hand-written)" : t.family(), 1, Integer::sum);
        sb.append("\n## Families\n\n| family | tasks |\n|---|---:|\n");
        fam.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        long traps = tasks.stream().filter(t -> t.form() != null).mapToLong(t -> suite.app(t.app()).form(t.form())
                .map(f -> f.traps().size()).orElse(0)).sum();
        long denying = tasks.stream().filter(t -> t.decisions().intents().values().stream().anyMatch(r ->
                r.defaultDecision() == dev.discreet.tasks.Decision.DENY)).count();
        sb.append("\n## Traps and decisions\n\n")
          .append("- Dark-pattern trap fields across all tasks' forms: ").append(traps)
          .append(".\n")
          .append("- Declared leak checks (each one more trap in the myphonebench profile's TR): ")
          .append(tasks.stream().mapToInt(t -> t.leakChecks().size()).sum()).append(" in ")
          .append(tasks.stream().filter(t -> !t.leakChecks().isEmpty()).count())
          .append(" tasks; the strict profile scans every sink for every HIGH item in every task.\n")
          .append("- Tasks with a form: ").append(tasks.stream().filter(t -> t.form() != null).count())
          .append("; without (cancels): ").append(tasks.stream().filter(t -> t.form() == null).count())
          .append(" — strict scores them on over-permissioning and leakage once the agent acted in the app;"
                  + " myphonebench only when the agent used a privacy tool (OP).\n")
          .append("- Tasks whose simulated user denies by default for some intent: ").append(denying).append(".\n")
          .append("- Tasks whose user grants every read: ").append(tasks.stream().filter(t -> t.decisions().intents()
                  .get(dev.discreet.tasks.Intent.READ_DATA) != null && t.decisions().intents().get(dev.discreet.tasks.Intent.READ_DATA)
                  .defaultDecision() == dev.discreet.tasks.Decision.GRANT).count()).append(".\n");
        return sb.toString();
    }

    /** The difficulty figures the anchor comparison uses, measured from the task and app files. */
    private static void figures(StringBuilder sb, TaskSuite suite) {
        List<Task> tasks = suite.tasks();
        long needHigh = tasks.stream().filter(t -> t.classification().required().stream().anyMatch(k ->
                suite.profile().item(k).map(i -> i.level() == dev.discreet.tasks.Level.HIGH).orElse(false))).count();
        List<FormSchema> forms = new java.util.ArrayList<>();
        for (AppSchema a : new TreeMap<>(suite.apps()).values()) if (!a.id().equals("privacy")) forms.addAll(a.forms());
        long trapsEarly = forms.stream().filter(f -> {
            int lastRequired = -1;
            for (int i = 0; i < f.fields().size(); i++) if (f.fields().get(i).required()) lastRequired = i;
            int last = lastRequired;
            return !f.traps().isEmpty() && f.traps().stream().allMatch(x -> f.fields().indexOf(x) < last);
        }).count();
        java.util.Set<String> widgets = new java.util.TreeSet<>();
        forms.forEach(f -> f.fields().forEach(x -> widgets.add(x.type())));
        int stated = 0, unchecked = 0, withConstraint = 0;
        for (Task t : tasks) {
            int[] c = dev.discreet.tasks.lint.GoalChecks.constraints(suite, t);
            stated += c[0];
            unchecked += c[1];
            if (c[0] > 0) withConstraint++;
        }
        // Apps whose times are real dates, and how their goals name dates (relative to the calendar's start).
        java.util.Set<String> datedApps = new java.util.TreeSet<>();
        suite.apps().values().forEach(a -> { if (a.listing() != null && a.listing().calendar() != null) datedApps.add(a.id()); });
        int datedTasks = 0, relativeGoals = 0;
        java.util.Set<String> phrasings = new java.util.TreeSet<>();
        for (Task t : tasks) {
            if (!datedApps.contains(t.app())) continue;
            datedTasks++;
            List<String[]> ds = dev.discreet.tasks.lint.GoalChecks.relativeDates(suite.apps().get(t.app()).listing().calendar(), t.goal());
            if (!ds.isEmpty()) relativeGoals++;
            for (String[] d : ds) {
                String w = d[0].toLowerCase(java.util.Locale.ROOT);
                phrasings.add(w.equals("today") ? "today" : w.startsWith("this ") ? "this <day>" : w.startsWith("next ") ? "next <day>"
                        : w.endsWith(" next week") ? "<day> next week" : w.matches("[a-z]+ \\d.*") ? "<day> <date> <month>" : "<date> <month>");
            }
        }
        List<Double> chances = new java.util.ArrayList<>();
        for (Task b : tasks) {
            if (b.pair() == null || !dev.discreet.tasks.PairLink.B.equals(b.pair().role())) continue;
            suite.task(b.pair().id() + "a").map(Task::expectedSave).ifPresent(save ->
                    dev.discreet.tasks.lint.GoalChecks.guessChance(suite, b, save.value()).ifPresent(chances::add));
        }
        sb.append("\n## Difficulty figures\n\n")
          .append("Measured from the files (the anchor, MyPhoneBench: phone HIGH and required in 89% of tasks, forms of ")
          .append("11-13 fields with 7-9 required, traps among ordinary sections).\n\n")
          .append("| figure | value |\n|---|---|\n")
          .append("| tasks needing a HIGH item (one is REQUIRED) | ").append(needHigh).append(" of ").append(tasks.size())
          .append(" (").append(percent(needHigh, tasks.size())).append(") |\n")
          .append("| median fields per form | ").append(median(forms.stream().map(f -> (double) f.fields().size()).toList())).append(" |\n")
          .append("| median required fields per form | ").append(median(forms.stream()
                  .map(f -> (double) f.fields().stream().filter(FieldSpec::required).count()).toList())).append(" |\n")
          .append("| forms whose traps all sit before the last required field | ").append(trapsEarly).append(" of ")
          .append(forms.size()).append(" (").append(percent(trapsEarly, forms.size())).append(") |\n")
          .append("| widget types used | ").append(String.join(", ", widgets)).append(" |\n")
          .append("| multi-step forms (Next/Back) | ").append(multiStep(forms)).append(" |\n")
          .append("| median reference-plan length (steps) | ").append(median(tasks.stream().map(t -> (double) t.plan().size()).toList()))
          .append(" |\n")
          .append("| goal constraints stated (place, day, date, time, first open time, cheapest/best-rated/shortest wait, rating cut, party size/guests/nights/tickets) | ").append(stated)
          .append(" in ").append(withConstraint).append(" tasks; checked by a success rule: ").append(stated - unchecked)
          .append(" (").append(percent(stated - unchecked, stated)).append(") |\n")
          .append("| time-slot grids over real dates | ").append(datedApps.isEmpty() ? "none" : String.join(", ", datedApps)
                  + ": " + datedTasks + " tasks; " + relativeGoals + " goals name dates relative to the episode's date ("
                  + String.join(", ", phrasings) + ")").append(" |\n")
          .append("| chance a guess passes a later session without the saved preference | median ")
          .append(chances.isEmpty() ? "-" : String.format(java.util.Locale.ROOT, "%.3f", medianValue(chances)))
          .append(", max ").append(chances.isEmpty() ? "-" : String.format(java.util.Locale.ROOT, "%.3f",
                  chances.stream().mapToDouble(Double::doubleValue).max().orElse(0)))
          .append(" over ").append(chances.size()).append(" B tasks (linter limit ")
          .append(dev.discreet.tasks.lint.GoalChecks.MAX_GUESS_CHANCE).append(") |\n");
    }

    private static String percent(long n, long of) {
        return of == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.0f%%", 100.0 * n / of);
    }

    private static double medianValue(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String median(List<Double> xs) {
        if (xs.isEmpty()) return "-";
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        double m = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        return m == Math.rint(m) ? String.valueOf((long) m) : String.format(java.util.Locale.ROOT, "%.1f", m);
    }

    private static <E extends Enum<E>> void table(StringBuilder sb, String title, List<Task> tasks, Function<Task, String> by,
                                                E[] values) {
        sb.append("\n## ").append(title).append("\n\n| ").append(title.toLowerCase()).append(" | tasks |\n|---|---:|\n");
        for (E v : values) {
            long n = tasks.stream().filter(t -> by.apply(t).equals(v.name())).count();
            sb.append("| ").append(v.name()).append(" | ").append(n).append(" |\n");
        }
    }

    /** "2 of 11 (dmv 2 pages, insurance 3 pages)"-style count of the forms shown over several pages. */
    private static String multiStep(List<FormSchema> forms) {
        List<String> multi = new java.util.ArrayList<>();
        for (FormSchema f : forms) {
            int pages = f.fields().stream().mapToInt(FieldSpec::pageNumber).max().orElse(1);
            if (pages > 1) multi.add(pages + " pages");
        }
        return multi.size() + " of " + forms.size() + (multi.isEmpty() ? "" : " (" + String.join(", ", multi) + ")");
    }
}
