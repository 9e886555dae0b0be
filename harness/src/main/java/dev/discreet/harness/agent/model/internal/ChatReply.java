package dev.discreet.harness.agent.model.internal;

/** A reply's text and the tokens the server reported for the call (0 when it reported none). */
public record ChatReply(String text, long promptTokens, long completionTokens) {}
