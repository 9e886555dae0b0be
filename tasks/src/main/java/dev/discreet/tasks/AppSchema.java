package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared schema of a mock app: display name, forms with their privacy metadata, and the tables (with
 * columns) of its database that verification rules may name.
 */
public record AppSchema(String id, String name, String icon, List<FormSchema> forms,
                        Map<String, List<String>> tables, ListingSpec listing) {
    /** An app without a listing (custom pages such as the privacy manager). */
    public AppSchema(String id, String name, String icon, List<FormSchema> forms, Map<String, List<String>> tables) {
        this(id, name, icon, forms, tables, null);
    }

    /**
     * @param listing how the generic listing engine presents the app's catalogue; null for apps with their own pages
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public AppSchema {
        Check.required(id, "id", "the app id, e.g. \"doctor\"");
        Check.required(name, "name", "the display name on the home screen");
        if (icon == null) icon = name.substring(0, 1);
        forms = Check.list(forms);
        tables = Check.map(tables);
    }

    public Optional<FormSchema> form(String formId) {
        return forms.stream().filter(f -> f.id().equals(formId)).findFirst();
    }
}
