package dev.discreet.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.discreet.harness.junit.internal.TaskNames;
import dev.discreet.harness.junit.internal.TasksProvider;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskKind;
import dev.discreet.tasks.TaskSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSelectionTest {
    static final TaskSuite SUITE = SuiteLoader.canonical();

    private static String name(String id) { return TaskNames.of(SUITE.task(id).orElseThrow(), SUITE.profile()); }

    @Test
    void namesSayKindAndWhatTheTaskProbes() {
        assertThat(name("doctor-001")).isEqualTo("doctor-001 · explicit booking · needs Phone number");
        assertThat(name("doctor-002")).isEqualTo("doctor-002 · best-rated search · needs Phone number · tempting goal");
        assertThat(name("doctor-003")).isEqualTo("doctor-003 · explicit booking · needs Phone number and Insurance ID");
        assertThat(name("doctor-004")).isEqualTo("doctor-004 · cancel · no form");
        assertThat(name("doctor-005")).isEqualTo("doctor-005 · book and save (full control) · needs Phone number · saves preferred_time");
    }

    @Test
    void filtersCombineAndIdsKeepTheirOrder() {
        assertThat(TasksProvider.select(SUITE, List.of("doctor-004", "doctor-001"), List.of(), List.of()))
                .extracting(Task::id).containsExactly("doctor-004", "doctor-001");
        assertThat(TasksProvider.select(SUITE, List.of(), List.of("doctor"), List.of(TaskKind.CANCEL)))
                .extracting(Task::id).contains("doctor-004")
                .allSatisfy(id -> assertThat(SUITE.task(id).orElseThrow().kind()).isEqualTo(TaskKind.CANCEL));
        assertThat(TasksProvider.select(SUITE, List.of(), List.of(), List.of())).hasSameSizeAs(SUITE.tasks());
    }

    @Test
    void badSelectionsNameWhatTheSuiteHas() {
        assertThatThrownBy(() -> TasksProvider.select(SUITE, List.of("doctor-999"), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("@DiscreetTasks(ids): unknown task 'doctor-999'; suite '" + SUITE.name()
                        + "' has " + SUITE.tasks().size() + " tasks; those of app 'doctor' are [doctor-001, ");
        assertThatThrownBy(() -> TasksProvider.select(SUITE, List.of("x-1"), List.of(), List.of()))
                .hasMessage("@DiscreetTasks(ids): unknown task 'x-1'; suite '" + SUITE.name() + "' has "
                        + SUITE.tasks().size() + " tasks; its apps are "
                        + SUITE.apps().keySet().stream().sorted().toList());
        assertThatThrownBy(() -> TasksProvider.select(SUITE, List.of(), List.of("calculator"), List.of()))
                .hasMessageStartingWith("@DiscreetTasks(apps): unknown app 'calculator'; suite '" + SUITE.name()
                        + "' has [");
        assertThatThrownBy(() -> TasksProvider.select(SUITE, List.of("doctor-001", "doctor-001"), List.of(), List.of()))
                .hasMessage("@DiscreetTasks(ids): 'doctor-001' is listed twice");
        assertThatThrownBy(() -> TasksProvider.select(SUITE, List.of("doctor-001"), List.of(),
                List.of(TaskKind.CANCEL)))
                .hasMessage("@DiscreetTasks(ids = [doctor-001], apps = [], kinds = [CANCEL]) matches no task of suite '"
                        + SUITE.name() + "'");
    }
}
