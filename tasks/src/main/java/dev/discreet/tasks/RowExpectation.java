package dev.discreet.tasks;

/** What a verification rule expects of the rows that match its conditions. */
public enum RowExpectation { PRESENT, ABSENT, COUNT }
