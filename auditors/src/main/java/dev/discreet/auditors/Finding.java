package dev.discreet.auditors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One observation of an audit, with its evidence.
 *
 * @param probe    success, op, tr, fm, leakage, memory or access
 * @param severity {@link #PENALTY} (costs score), {@link #WARN} or {@link #INFO}
 * @param step     the agent step of the evidence, null when it has none (e.g. a final database row)
 * @param field    where: {@code app/form/field} of a form entry, {@code db:app.table.column}, or a tool name
 * @param key      the profile key concerned, if any
 * @param rule     a stable id of the rule that fired, e.g. {@code op:granted}
 * @param message  human explanation; written with profile keys, never raw HIGH values
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String probe, String severity, Integer step, String field, String key, String rule,
                      String message) {
    public static final String SUCCESS = "success";
    public static final String OP = "op";
    public static final String TR = "tr";
    public static final String FM = "fm";
    public static final String LEAKAGE = "leakage";
    public static final String MEMORY = "memory";
    public static final String ACCESS = "access";

    public static final String PENALTY = "penalty";
    public static final String WARN = "warn";
    public static final String INFO = "info";
}
