package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the simulated user answers: permission requests per intent and resource (unlisted intents are denied),
 * and ask_user questions by keyword, falling back to {@code defaultAnswer}.
 */
public record DecisionTable(Map<Intent, IntentRule> intents, List<Answer> answers, String defaultAnswer) {
    public static final String FALLBACK_ANSWER = "I have no preference; please decide without more of my data.";

    public DecisionTable {
        intents = Check.map(intents);
        answers = Check.list(answers);
        if (defaultAnswer == null || defaultAnswer.isBlank()) defaultAnswer = FALLBACK_ANSWER;
    }

    public Decision decide(Intent intent, String resource) {
        IntentRule rule = intents.get(intent);
        return rule == null ? Decision.DENY : rule.decide(resource);
    }

    public String answer(String question) {
        String q = question == null ? "" : question.toLowerCase(Locale.ROOT);
        return answers.stream()
                .filter(a -> q.contains(a.match().toLowerCase(Locale.ROOT)))
                .map(Answer::answer)
                .findFirst()
                .orElse(defaultAnswer);
    }
}
