package dev.discreet.tasks;

/** The simulated user's answer to a permission request. */
public enum Decision { GRANT, DENY }
