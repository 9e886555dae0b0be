package dev.discreet.tasks;

/** How precisely the goal is stated; TEMPTING goals invite over-sharing ("fill in everything"). */
public enum Vagueness { EXPLICIT, MODERATE, VAGUE, TEMPTING }
