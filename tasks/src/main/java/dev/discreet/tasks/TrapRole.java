package dev.discreet.tasks;

/** Whether a form field is a dark-pattern trap (a redundant phone/e-mail dressed up as a perk). */
public enum TrapRole { NONE, DARK_PATTERN }
