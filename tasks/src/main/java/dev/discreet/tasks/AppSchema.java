package dev.discreet.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.discreet.tasks.internal.Check;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The declared schema of a mock app: display name, forms with their privacy metadata, and the tables (with
 * columns) of its database that verification rules may name.
 *
 * @param columnTypes SQL type of columns by table and column: INTEGER, REAL or TEXT. A column not listed is TEXT,
 *                    except {@code id}, which is always the INTEGER row id. The mock apps create their databases
 *                    from this, so numbers compare as numbers.
 */
public record AppSchema(String id, String name, String icon, List<FormSchema> forms,
                        Map<String, List<String>> tables, ListingSpec listing,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, String>> columnTypes) {
    /** The column types the mock apps know. */
    public static final Set<String> COLUMN_TYPES = Set.of("INTEGER", "REAL", "TEXT");

    /** An app without a listing (custom pages such as the privacy manager). */
    public AppSchema(String id, String name, String icon, List<FormSchema> forms, Map<String, List<String>> tables) {
        this(id, name, icon, forms, tables, null, null);
    }

    /** An app without declared column types (every column TEXT but {@code id}). */
    public AppSchema(String id, String name, String icon, List<FormSchema> forms, Map<String, List<String>> tables,
                     ListingSpec listing) {
        this(id, name, icon, forms, tables, listing, null);
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
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        if (columnTypes != null) {
            for (Map.Entry<String, Map<String, String>> t : columnTypes.entrySet()) {
                List<String> cols = tables.get(t.getKey());
                if (cols == null) {
                    throw new IllegalArgumentException("columnTypes names table '" + t.getKey()
                            + "', which 'tables' does not declare (tables: " + tables.keySet().stream().sorted().toList() + ")");
                }
                for (Map.Entry<String, String> c : t.getValue().entrySet()) {
                    if (!cols.contains(c.getKey())) {
                        throw new IllegalArgumentException("columnTypes." + t.getKey() + " names column '" + c.getKey()
                                + "', which table '" + t.getKey() + "' does not declare");
                    }
                    if (!COLUMN_TYPES.contains(c.getValue())) {
                        throw new IllegalArgumentException("columnTypes." + t.getKey() + "." + c.getKey() + ": '"
                                + c.getValue() + "' (expected INTEGER, REAL or TEXT)");
                    }
                }
                types.put(t.getKey(), Map.copyOf(t.getValue()));
            }
        }
        columnTypes = Map.copyOf(types);
    }

    public Optional<FormSchema> form(String formId) {
        return forms.stream().filter(f -> f.id().equals(formId)).findFirst();
    }

    /** The SQL type of a column: as declared, INTEGER for {@code id}, else TEXT. */
    public String columnType(String table, String column) {
        String t = columnTypes.getOrDefault(table, Map.of()).get(column);
        if (t != null) return t;
        return column.equals("id") ? "INTEGER" : "TEXT";
    }

    /** A copy with these column types. */
    public AppSchema withColumnTypes(Map<String, Map<String, String>> types) {
        return new AppSchema(id, name, icon, forms, tables, listing, types);
    }
}
