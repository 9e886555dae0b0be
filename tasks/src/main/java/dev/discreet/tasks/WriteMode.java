package dev.discreet.tasks;

/** Memory write mode: FULL needs a granted write_data request matching key, value and level; SEMI writes directly. */
public enum WriteMode { FULL, SEMI }
