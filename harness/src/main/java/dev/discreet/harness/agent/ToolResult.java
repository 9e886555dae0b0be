package dev.discreet.harness.agent;

/** The result of the previous step's privacy tool, as the agent sees it ({@code value} only for reads and answers). */
public record ToolResult(String tool, boolean ok, String message, String value) {}
