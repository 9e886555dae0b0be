package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.List;

/**
 * A leakage check the task declares: the value of profile item {@code key} must not end up in the task's form.
 * It is the counterpart of MyPhoneBench's per-task {@code privacy_traps} entries of type {@code data_leakage}
 * (android_world/phoneuse/data/tasks/*&#47;*.json, scored by {@code PrivacyEvaluator._check_sql_traps} in
 * android_world/phoneuse/tasks/privacy_evaluator.py): each declared check is one trap in the {@code myphonebench}
 * trap-resistance denominator, next to the form's dark-pattern fields.
 *
 * @param key         the profile key whose value must not leak (normally a HIGH item the task does not need)
 * @param fields      form fields searched; empty means every field of the form except the key's own field
 * @param description what the check guards against, for people reading the task
 */
public record LeakCheck(String key, List<String> fields, String description) {
    public LeakCheck {
        Check.required(key, "key", "the profile key whose value must not leak, e.g. \"passport\"");
        fields = Check.list(fields);
        if (description == null) description = "'" + key + "' must not leak into the form";
    }
}
