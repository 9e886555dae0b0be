package dev.discreet.tasks;

/** How personal a form field is. NONE marks task data (a reason for visit, a time slot) rather than personal data. */
public enum Sensitivity { NONE, LOW, HIGH }
