package dev.discreet.tasks;

/** Sensitivity tier of a profile item or an app: LOW values are given to the agent up front, HIGH ones need a grant. */
public enum Level { LOW, HIGH }
