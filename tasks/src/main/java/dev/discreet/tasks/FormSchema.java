package dev.discreet.tasks;

import dev.discreet.tasks.internal.Check;
import java.util.List;
import java.util.Optional;

/** A form of an app: its fields and the table its submitted records go to. */
public record FormSchema(String id, String title, String table, List<FieldSpec> fields) {
    public FormSchema {
        Check.required(id, "id", "the form id");
        Check.required(title, "title", "the form title");
        Check.required(table, "table", "the table submitted records are stored in");
        fields = Check.list(fields);
    }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<FieldSpec> traps() { return fields.stream().filter(FieldSpec::isTrap).toList(); }
}
