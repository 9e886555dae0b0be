package dev.discreet.harness.agent;

import dev.discreet.tasks.Level;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.WriteMode;
import java.util.List;
import java.util.Map;

/**
 * What an agent is told when an episode starts: the user's goal, the LOW profile values, the HIGH keys (by label,
 * never by value), app access levels and the memory write mode.
 *
 * <p>{@code task} is the whole task file. Only scripted agents ({@code reference}, {@code oversharing}) may read it,
 * for their plans; a model-backed agent must be prompted from the other fields alone.
 */
public record EpisodeBrief(String goal, Map<String, String> lowProfile, Map<String, String> highKeys,
                           Map<String, Level> appLevels, List<String> apps, WriteMode writeMode, int maxSteps,
                           Task task) {}
