package dev.discreet.harness.agent.model.internal;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import dev.discreet.harness.agent.model.ModelAgentOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chat completions through the official openai-java SDK, which speaks to OpenAI and to every compatible server
 * (vLLM, Ollama, LM Studio, OpenRouter). The SDK's own retries are off ({@code maxRetries(0)}): the
 * {@link Retrier} retries with our back-off, so that what is retried and counted is the same for every client.
 */
public final class OpenAiChatClient implements ChatClient {
    private final OpenAIClient client;
    private final ModelAgentOptions options;

    /** {@code apiKey} is held by the SDK client only; it is not kept here. */
    public OpenAiChatClient(ModelAgentOptions options, String apiKey) {
        this.options = options;
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(options.baseUrl().toString())
                .apiKey(apiKey)
                .maxRetries(0)
                .timeout(options.requestTimeout())
                .addInterceptor(new StaleConnectionRetry())
                .build();
    }

    @Override
    public ChatReply complete(List<ChatMessage> messages) throws ChatFailure {
        ChatCompletionCreateParams.Builder p = ChatCompletionCreateParams.builder().model(options.model());
        for (ChatMessage m : messages) {
            switch (m.role()) {
                case "system" -> p.addSystemMessage(m.text());
                case "assistant" -> p.addAssistantMessage(m.text());
                default -> {
                    if (m.imageDataUrl() == null) {
                        p.addUserMessage(m.text());
                    } else {
                        List<ChatCompletionContentPart> parts = new ArrayList<>();
                        parts.add(ChatCompletionContentPart.ofText(
                                ChatCompletionContentPartText.builder().text(m.text()).build()));
                        parts.add(ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                                        .url(m.imageDataUrl()).build())
                                .build()));
                        p.addUserMessageOfArrayOfContentParts(parts);
                    }
                }
            }
        }
        if (options.maxOutputTokens() != null) p.maxCompletionTokens(options.maxOutputTokens());
        if (options.temperature() != null) p.temperature(options.temperature());
        ChatCompletion c;
        try {
            c = client.chat().completions().create(p.build());
        } catch (OpenAIServiceException e) {
            int s = e.statusCode();
            boolean retry = s == 408 || s == 409 || s == 429 || s >= 500;
            throw new ChatFailure("HTTP " + s + " from " + options.baseUrl() + hint(s) + detail(e), retry,
                    retryAfter(e), e, s == 401 || s == 403);
        } catch (OpenAIIoException e) {
            throw new ChatFailure("no reply from " + options.baseUrl() + " (" + rootMessage(e) + ")", true, null, e);
        } catch (OpenAIException e) {
            throw new ChatFailure("unusable reply from " + options.baseUrl() + ": " + rootMessage(e), true, null, e);
        }
        if (c.choices().isEmpty()) {
            throw new ChatFailure("reply from " + options.baseUrl() + " has no choices", true, null, null);
        }
        String text = c.choices().get(0).message().content().orElse("");
        Optional<CompletionUsage> u = c.usage();
        return new ChatReply(text, u.map(CompletionUsage::promptTokens).orElse(0L),
                u.map(CompletionUsage::completionTokens).orElse(0L));
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " (the key was refused: check the environment variable named by --api-key-env)";
            case 404 -> " (unknown model or wrong base URL: the base URL usually ends in /v1)";
            case 429 -> " (rate limited)";
            default -> "";
        };
    }

    private static String detail(OpenAIServiceException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "" : ": " + (m.length() > 300 ? m.substring(0, 300) + "…" : m);
    }

    private static Duration retryAfter(OpenAIServiceException e) {
        try {
            List<String> v = e.headers().values("retry-after");
            if (v.isEmpty()) return null;
            double s = Double.parseDouble(v.get(0).trim());
            return s >= 0 ? Duration.ofMillis((long) (s * 1000)) : null;
        } catch (RuntimeException bad) {
            return null; // an HTTP-date or garbage: fall back to our own back-off
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        return r.getClass().getSimpleName() + (r.getMessage() == null ? "" : ": " + r.getMessage());
    }

    @Override
    public void close() { client.close(); }

    /**
     * A pooled connection the server has already closed (a server that closes every connection, or an idle
     * timeout shorter than ours) fails before any reply byte arrives. The SDK turns OkHttp's own recovery off, so
     * that one case is retried here, at once and once: the request never reached the server, so it is neither a
     * call nor a retry in the accounting, and no back-off applies. A second failure goes to the {@link Retrier}.
     */
    static final class StaleConnectionRetry implements okhttp3.Interceptor {
        @Override
        public okhttp3.Response intercept(Chain chain) throws java.io.IOException {
            try {
                return chain.proceed(chain.request());
            } catch (java.io.IOException e) {
                if (!stale(e)) throw e;
                return chain.proceed(chain.request()); // OkHttp has retired the broken connection: this one is new
            }
        }

        /** The signs of a connection closed by the server before it answered: not timeouts, not refused connects. */
        static boolean stale(java.io.IOException e) {
            if (e instanceof java.io.InterruptedIOException || e instanceof java.net.ConnectException) return false;
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String m = String.valueOf(t.getMessage());
                if (t instanceof java.io.EOFException || m.startsWith("unexpected end of stream")
                        || m.contains("Connection reset") || m.contains("Broken pipe")) {
                    return true;
                }
            }
            return false;
        }
    }
}
