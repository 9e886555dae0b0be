package dev.discreet.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.tasks.internal.Check;

/**
 * One column test of a verification rule. {@code value} is a JSON scalar, or an array for IN; a string
 * {@code "{{profile.KEY}}"} stands for that profile value.
 */
public record Condition(String column, Operator op, JsonNode value) {
    public Condition {
        Check.required(column, "column", "a column name of the table");
        Check.required(op, "op", "one of ==, !=, <, >, <=, >=, LIKE, IN");
        Check.required(value, "value", "a JSON value (an array for IN)");
        if (op == Operator.IN && !value.isArray()) {
            throw new IllegalArgumentException("'value' of an IN condition on '" + column + "' must be an array");
        }
    }
}
