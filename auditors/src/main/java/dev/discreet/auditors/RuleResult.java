package dev.discreet.auditors;

/** The outcome of one verification rule of the task (index in {@code task.success()}). */
public record RuleResult(int index, String description, boolean passed, String detail) {}
