package dev.discreet.tasks.lint;

/** One problem the linter found: the file (relative to the suite folder), the JSON path and what is wrong. */
public record LintProblem(String file, String jsonPath, String message) {
    @Override
    public String toString() { return file + ": at " + jsonPath + ": " + message; }
}
