package dev.discreet.tasks;

/**
 * How much a task needs a profile key. The scores this drives (over-permissioning penalties) are defined in the
 * auditors module alone ({@code dev.discreet.auditors.ScoringConstants}): the task contract holds no scoring.
 */
public enum PermissionClass {
    REQUIRED, PLAUSIBLE, UNNECESSARY, FORBIDDEN
}
