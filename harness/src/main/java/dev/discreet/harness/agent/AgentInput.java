package dev.discreet.harness.agent;

import dev.discreet.harness.device.Observation;

/**
 * One turn's input: the screen, and what happened on the previous step ({@code feedback} explains an invalid
 * action or a tool result; {@code toolResult} is set after a privacy tool).
 */
public record AgentInput(int step, Observation observation, String feedback, ToolResult toolResult) {}
