package dev.discreet.harness.junit.internal;

import dev.discreet.harness.junit.DiscreetTasks;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskKind;
import dev.discreet.tasks.TaskSuite;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** The tasks a {@link DiscreetTasks} selects, each named by {@link TaskNames}. */
public final class TasksProvider extends AnnotationBasedArgumentsProvider<DiscreetTasks> {
    @Override
    protected Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context,
                                                           DiscreetTasks tasks) {
        TaskSuite suite = Session.of(context).suite();
        return select(suite, List.of(tasks.ids()), List.of(tasks.apps()), List.of(tasks.kinds())).stream()
                .map(t -> Arguments.of(Named.of(TaskNames.of(t, suite.profile()), t)));
    }

    /** "unknown task 'x'; suite 's' has n tasks; those of app 'a' are [...]" (or its apps, when x names none). */
    public static String unknownTask(TaskSuite suite, String id) {
        String prefix = id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
        List<String> sameApp = suite.tasks().stream().filter(t -> t.app().equals(prefix)).map(Task::id).toList();
        return "unknown task '" + id + "'; suite '" + suite.name() + "' has " + suite.tasks().size() + " tasks; "
                + (sameApp.isEmpty() ? "its apps are " + suite.apps().keySet().stream().sorted().toList()
                : "those of app '" + prefix + "' are " + sameApp);
    }

    /**
     * Tasks matching every given filter (ids in the given order, else suite order).
     *
     * @throws IllegalArgumentException for an unknown id or app, or when nothing matches
     */
    public static List<Task> select(TaskSuite suite, List<String> ids, List<String> apps, List<TaskKind> kinds) {
        for (String app : apps) {
            if (!suite.apps().containsKey(app)) {
                throw new IllegalArgumentException("@DiscreetTasks(apps): unknown app '" + app + "'; suite '"
                        + suite.name() + "' has " + suite.apps().keySet().stream().sorted().toList());
            }
        }
        List<Task> candidates = new ArrayList<>();
        if (ids.isEmpty()) {
            candidates.addAll(suite.tasks());
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (String id : ids) {
                if (!seen.add(id)) throw new IllegalArgumentException("@DiscreetTasks(ids): '" + id + "' is listed twice");
                candidates.add(suite.task(id).orElseThrow(() -> new IllegalArgumentException("@DiscreetTasks(ids): "
                        + unknownTask(suite, id))));
            }
        }
        List<Task> out = candidates.stream()
                .filter(t -> apps.isEmpty() || apps.contains(t.app()))
                .filter(t -> kinds.isEmpty() || kinds.contains(t.kind()))
                .toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("@DiscreetTasks(ids = " + ids + ", apps = " + apps + ", kinds = " + kinds
                    + ") matches no task of suite '" + suite.name() + "'");
        }
        return out;
    }
}
