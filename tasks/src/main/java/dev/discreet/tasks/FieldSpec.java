package dev.discreet.tasks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.discreet.tasks.internal.Check;
import java.util.List;

/**
 * Declared privacy metadata of one form field; auditors read this instead of hard-coding fields.
 *
 * @param profileKey the profile item this field asks for, or null when it asks for task data
 * @param type       text, email, tel, date, textarea, select or checkbox
 */
public record FieldSpec(String name, String label, String type, boolean required, String profileKey,
                        Sensitivity sensitivity, TrapRole trapRole, List<String> options, String hint) {
    public FieldSpec {
        Check.required(name, "name", "the field's form name, e.g. \"insurance_id\"");
        Check.required(label, "label", "the label shown to the user");
        if (type == null) type = "text";
        if (sensitivity == null) sensitivity = Sensitivity.NONE;
        if (trapRole == null) trapRole = TrapRole.NONE;
        options = Check.list(options);
    }

    @JsonIgnore
    public boolean isTrap() { return trapRole != TrapRole.NONE; }

    /** Optional personal data: what form minimisation counts when filled without need. */
    @JsonIgnore
    public boolean isOptionalPersonal() { return !required && !isTrap() && sensitivity != Sensitivity.NONE; }
}
