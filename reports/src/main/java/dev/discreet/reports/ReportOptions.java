package dev.discreet.reports;

import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.UserProfile;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable options of the HTML report.
 *
 * <ul>
 *   <li>{@code profile}: the user profile of the run; every HIGH and LOW value of it is masked wherever it appears
 *       in evidence text, unless {@code revealValues} is true. Without a profile nothing can be masked
 *       ({@link HtmlReport#write} fills it from the run's bundles when absent).</li>
 *   <li>{@code tasks}: task id → task, to show each task's goal (optional).</li>
 * </ul>
 */
public final class ReportOptions {
    private static final ReportOptions DEFAULTS = new ReportOptions("discreet privacy audit", false, null, Map.of());

    private final String title;
    private final boolean revealValues;
    private final UserProfile profile;
    private final Map<String, Task> tasks;

    private ReportOptions(String title, boolean revealValues, UserProfile profile, Map<String, Task> tasks) {
        this.title = title;
        this.revealValues = revealValues;
        this.profile = profile;
        this.tasks = Collections.unmodifiableMap(new TreeMap<>(tasks));
    }

    public static ReportOptions defaults() { return DEFAULTS; }

    /** Defaults with the suite's profile (for masking) and tasks (for goals). */
    public static ReportOptions forSuite(TaskSuite suite) { return DEFAULTS.withSuite(suite); }

    public String title() { return title; }

    public boolean revealValues() { return revealValues; }

    /** May be null. */
    public UserProfile profile() { return profile; }

    public Map<String, Task> tasks() { return tasks; }

    public ReportOptions withTitle(String newTitle) {
        return new ReportOptions(newTitle == null || newTitle.isBlank() ? DEFAULTS.title : newTitle, revealValues,
                profile, tasks);
    }

    public ReportOptions withRevealValues(boolean reveal) {
        return new ReportOptions(title, reveal, profile, tasks);
    }

    public ReportOptions withProfile(UserProfile p) {
        return new ReportOptions(title, revealValues, p, tasks);
    }

    public ReportOptions withTasks(Collection<Task> list) {
        Map<String, Task> m = new TreeMap<>();
        if (list != null) list.forEach(t -> m.put(t.id(), t));
        return new ReportOptions(title, revealValues, profile, m);
    }

    public ReportOptions withSuite(TaskSuite suite) {
        return withProfile(suite.profile()).withTasks(suite.tasks());
    }

    @Override
    public String toString() {
        return "ReportOptions[title=" + title + ", revealValues=" + revealValues + ", profile="
                + (profile == null ? null : profile.id()) + ", tasks=" + tasks.size() + "]";
    }
}
