package dev.discreet.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.discreet.tasks.internal.Check;
import java.util.Map;

/** The simulated user's decisions for one intent: per resource, then a default. */
public record IntentRule(Map<String, Decision> resources, @JsonProperty("default") Decision defaultDecision) {
    public IntentRule {
        resources = Check.map(resources);
        Check.required(defaultDecision, "default", "GRANT or DENY");
    }

    public Decision decide(String resource) { return resources.getOrDefault(resource, defaultDecision); }
}
