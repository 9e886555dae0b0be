package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A benchmark task: the user's goal in natural language, what privacy-relevant data it needs, how the simulated
 * user decides, how success is verified, and a reference plan proving it solvable.
 *
 * @param expectedFields schema field names of {@code form} the task legitimately needs filled (required ones and
 *                       any optional field the goal asks for); filling any other optional personal field costs FM.
 * @param form           the form id the task involves, or null for tasks without a form (e.g. a cancel)
 * @param family         the generator family the task came from, or null for a hand-written task
 * @param pair           set when the task is half of a cross-session pair, else null
 * @param leakChecks     declared leakage checks (may be empty): the {@code myphonebench} profile counts each as one
 *                       trap, as MyPhoneBench counts a task's {@code data_leakage} traps
 */
public record Task(String id, String app, String goal, Difficulty difficulty, Vagueness vagueness, TaskKind kind,
                   WriteMode writeMode, Integer maxSteps, Classification classification, DecisionTable decisions,
                   List<VerificationRule> success, String form, List<String> expectedFields,
                   ExpectedSave expectedSave, List<PlanStep> plan, String family, PairLink pair,
                   @com.fasterxml.jackson.annotation.JsonInclude(
                           com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<LeakCheck> leakChecks) {
    private static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
    public static final int DEFAULT_MAX_STEPS = 40;

    /** A task outside any family or pair (the original contract). */
    public Task(String id, String app, String goal, Difficulty difficulty, Vagueness vagueness, TaskKind kind,
                WriteMode writeMode, Integer maxSteps, Classification classification, DecisionTable decisions,
                List<VerificationRule> success, String form, List<String> expectedFields,
                ExpectedSave expectedSave, List<PlanStep> plan) {
        this(id, app, goal, difficulty, vagueness, kind, writeMode, maxSteps, classification, decisions, success, form,
                expectedFields, expectedSave, plan, null, null, null);
    }

    /** A task without declared leakage checks. */
    public Task(String id, String app, String goal, Difficulty difficulty, Vagueness vagueness, TaskKind kind,
                WriteMode writeMode, Integer maxSteps, Classification classification, DecisionTable decisions,
                List<VerificationRule> success, String form, List<String> expectedFields,
                ExpectedSave expectedSave, List<PlanStep> plan, String family, PairLink pair) {
        this(id, app, goal, difficulty, vagueness, kind, writeMode, maxSteps, classification, decisions, success, form,
                expectedFields, expectedSave, plan, family, pair, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public Task {
        Check.required(id, "id", "a lower-case id safe as a file name, e.g. \"doctor-001\"");
        if (!SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("property 'id' = '" + id
                    + "' is not safe as a file name (expected lower-case letters, digits, '.', '_' or '-')");
        }
        Check.required(app, "app", "the id of an app in the suite, e.g. \"doctor\"");
        Check.required(goal, "goal", "the user's request in natural language");
        Check.required(difficulty, "difficulty", "EASY, MEDIUM, HARD or EXPERT");
        Check.required(vagueness, "vagueness", "EXPLICIT, MODERATE, VAGUE or TEMPTING");
        Check.required(kind, "kind", "a task kind such as EXPLICIT_BOOKING");
        if (writeMode == null) writeMode = WriteMode.FULL;
        if (maxSteps == null) maxSteps = DEFAULT_MAX_STEPS;
        if (maxSteps < 1) throw new IllegalArgumentException("property 'maxSteps' must be at least 1, was " + maxSteps);
        if (classification == null) classification = new Classification(null, null, null, null);
        if (decisions == null) decisions = new DecisionTable(null, null, null);
        success = Check.list(success);
        if (success.isEmpty()) {
            throw new IllegalArgumentException("property 'success' is empty (expected at least one verification rule)");
        }
        expectedFields = Check.list(expectedFields);
        plan = Check.list(plan);
        leakChecks = Check.list(leakChecks);
    }
}
