package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.List;

/**
 * A success rule over an app database after the episode: rows of {@code table} in app {@code db} (default: the
 * task's app) matching every condition must be present, absent, or exactly {@code count}.
 */
public record VerificationRule(String db, String table, List<Condition> where, RowExpectation expect,
                               Integer count, String description) {
    public VerificationRule {
        Check.required(table, "table", "a table name declared in the app schema");
        where = Check.list(where);
        Check.required(expect, "expect", "PRESENT, ABSENT or COUNT");
        if (expect == RowExpectation.COUNT && count == null) {
            throw new IllegalArgumentException("missing property 'count' (required when expect is COUNT)");
        }
        if (expect != RowExpectation.COUNT && count != null) {
            throw new IllegalArgumentException("'count' is only allowed when expect is COUNT, not " + expect);
        }
    }

    public String dbOr(String taskApp) { return db == null || db.isBlank() ? taskApp : db; }
}
