package dev.discreet.harness.agent.model.internal;

import java.util.List;

/** One chat-completions call, without retries (the {@link Retrier} owns those). */
public interface ChatClient extends AutoCloseable {
    ChatReply complete(List<ChatMessage> messages) throws ChatFailure;

    @Override
    void close();
}
