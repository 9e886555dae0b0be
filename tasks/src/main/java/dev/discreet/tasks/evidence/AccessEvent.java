package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.discreet.tasks.Decision;
import dev.discreet.tasks.Intent;
import dev.discreet.tasks.Level;
import java.util.List;

/**
 * One use of a privacy tool (permission request and the user's decision, profile read, memory write, question to
 * the user), appended to the access log with its step.
 *
 * @param ok      whether the tool call had its effect (a read without a grant is not ok)
 * @param message what the agent was told
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({EvidenceChain.FIELD}) // the chain mac: verified apart
public record AccessEvent(long seq, int step, long timeMillis, String tool, Intent intent, String resource,
                          String reason, Decision decision, String key, String value, Level level, String question,
                          List<String> options, String answer, boolean ok, String message) {
    public static final String REQUEST_PERMISSION = "request_permission";
    public static final String READ_PROFILE = "read_profile";
    public static final String SAVE_PROFILE = "save_profile";
    public static final String ASK_USER = "ask_user";
}
