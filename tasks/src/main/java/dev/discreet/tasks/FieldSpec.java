package dev.discreet.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.discreet.tasks.internal.Check;
import java.util.List;
import java.util.Set;

/**
 * Declared privacy metadata of one form field; auditors read this instead of hard-coding fields.
 *
 * @param profileKey   the profile item this field asks for, or null when it asks for task data
 * @param type         one of {@link #TYPES}: text, email, tel, number, textarea (typed), date (typed, with a calendar
 *                     picker), select (a dropdown over {@code options}), radio (one of {@code options}), checkbox or
 *                     toggle (on/off; the submitted value is "on" or "")
 * @param options      the choices of a select or radio field, in display order
 * @param section      heading of the section the field sits in; consecutive fields with the same section share one
 *                     heading (null: no heading, or the previous field's section continues when it is null too)
 * @param page         step of a multi-step form, from 1 (null means 1); pages are shown one at a time with
 *                     Next/Back and every value is kept across them
 * @param defaultValue value the form starts with: "on" pre-checks a checkbox or toggle, an option pre-selects it,
 *                     text pre-fills a text field (null: empty)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldSpec(String name, String label, String type, boolean required, String profileKey,
                        Sensitivity sensitivity, TrapRole trapRole, List<String> options, String hint,
                        String section, Integer page, String defaultValue) {
    /** The field types the mock apps render. */
    public static final Set<String> TYPES = Set.of("text", "email", "tel", "number", "textarea", "date", "select",
            "radio", "checkbox", "toggle");

    /** A field on page 1 without a section or a default (the original shape). */
    public FieldSpec(String name, String label, String type, boolean required, String profileKey,
                     Sensitivity sensitivity, TrapRole trapRole, List<String> options, String hint) {
        this(name, label, type, required, profileKey, sensitivity, trapRole, options, hint, null, null, null);
    }

    @JsonCreator
    public FieldSpec {
        Check.required(name, "name", "the field's form name, e.g. \"insurance_id\"");
        Check.required(label, "label", "the label shown to the user");
        if (type == null) type = "text";
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("field '" + name + "': unknown type '" + type + "' (expected one of "
                    + TYPES.stream().sorted().toList() + ")");
        }
        if (sensitivity == null) sensitivity = Sensitivity.NONE;
        if (trapRole == null) trapRole = TrapRole.NONE;
        options = Check.list(options);
        if ((type.equals("select") || type.equals("radio")) && options.isEmpty()) {
            throw new IllegalArgumentException("field '" + name + "' of type " + type
                    + " has no options (expected a non-empty list 'options')");
        }
        if (page != null && page < 1) {
            throw new IllegalArgumentException("field '" + name + "': page " + page + " (expected 1 or more)");
        }
        if (defaultValue != null && (type.equals("select") || type.equals("radio")) && !options.contains(defaultValue)) {
            throw new IllegalArgumentException("field '" + name + "': defaultValue '" + defaultValue
                    + "' is not one of its options " + options);
        }
    }

    @JsonIgnore
    public boolean isTrap() { return trapRole != TrapRole.NONE; }

    /** Optional personal data: what form minimisation counts when filled without need. */
    @JsonIgnore
    public boolean isOptionalPersonal() { return !required && !isTrap() && sensitivity != Sensitivity.NONE; }

    /** The page this field is on (1 when undeclared). */
    @JsonIgnore
    public int pageNumber() { return page == null ? 1 : page; }

    /** Whether the field is an on/off control (checkbox or toggle). */
    @JsonIgnore
    public boolean isSwitch() { return type.equals("checkbox") || type.equals("toggle"); }

    /** A copy in the given section and page. */
    public FieldSpec withLayout(String section, Integer page) {
        return new FieldSpec(name, label, type, required, profileKey, sensitivity, trapRole, options, hint, section, page,
                defaultValue);
    }

    /** A copy with another type, options and default value. */
    public FieldSpec withWidget(String type, List<String> options, String defaultValue) {
        return new FieldSpec(name, label, type, required, profileKey, sensitivity, trapRole, options, hint, section, page,
                defaultValue);
    }
}
