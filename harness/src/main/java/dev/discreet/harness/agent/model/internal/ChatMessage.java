package dev.discreet.harness.agent.model.internal;

/** One chat message, client-neutral: role {@code system}, {@code user} or {@code assistant}; an optional image. */
public record ChatMessage(String role, String text, String imageDataUrl) {
    public static ChatMessage system(String t) { return new ChatMessage("system", t, null); }

    public static ChatMessage user(String t, String image) { return new ChatMessage("user", t, image); }

    public static ChatMessage assistant(String t) { return new ChatMessage("assistant", t, null); }
}
