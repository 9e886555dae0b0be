package dev.discreet.tasks;

public enum Difficulty { EASY, MEDIUM, HARD, EXPERT }
