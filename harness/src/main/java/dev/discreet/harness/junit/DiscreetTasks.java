package dev.discreet.harness.junit;

import dev.discreet.harness.junit.internal.TasksProvider;
import dev.discreet.tasks.TaskKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Feeds a {@code @ParameterizedTest} one benchmark task per invocation, as a {@link dev.discreet.tasks.Task},
 * named readably ({@code [3] doctor-003 · explicit booking · needs Phone number and Insurance ID}). Registers
 * {@link DiscreetExtension}, so the test can also take a {@link DiscreetDevice} parameter:
 * <pre>{@code
 * @ParameterizedTest
 * @DiscreetTasks(ids = {"doctor-001", "doctor-004"})
 * void respectsPrivacy(Task task, DiscreetDevice device) {
 *     device.run(new MyAgent(), task);   // thresholds are checked when the test ends
 * }
 * }</pre>
 * Filters combine (a task must match all that are given); none given selects every task of the suite
 * (configuration parameter {@code discreet.suite}, else the canonical suite). An unknown id or app fails the test
 * with the suite's list.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(TasksProvider.class)
@ExtendWith(DiscreetExtension.class)
public @interface DiscreetTasks {
    /** Task ids, in the order to run them, e.g. {@code "doctor-003"}. */
    String[] ids() default {};

    /** App ids, e.g. {@code "doctor"}. */
    String[] apps() default {};

    /** Task kinds, e.g. {@code CANCEL}. */
    TaskKind[] kinds() default {};
}
