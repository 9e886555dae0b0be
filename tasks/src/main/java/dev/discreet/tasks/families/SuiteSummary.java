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

    private static <E extends Enum<E>> void table(StringBuilder sb, String title, List<Task> tasks, Function<Task, String> by,
                                                E[] values) {
        sb.append("\n## ").append(title).append("\n\n| ").append(title.toLowerCase()).append(" | tasks |\n|---|---:|\n");
        for (E v : values) {
            long n = tasks.stream().filter(t -> by.apply(t).equals(v.name())).count();
            sb.append("| ").append(v.name()).append(" | ").append(n).append(" |\n");
        }
    }
}
