package dev.discreet.tasks.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the first property in a JSON tree that the target record does not declare. Jackson calls a record's
 * constructor before it reports unknown properties, so a typo ("gaol") would otherwise surface as a missing
 * property ("goal"); this pre-pass names the typo and its exact path.
 */
public final class UnknownProperties {
    private UnknownProperties() {}

    /** A record's JSON property names and component types, looked up by reflection once per class. */
    private record Shape(List<String> names, List<Type> types) {}

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> raw) {
            List<String> names = new ArrayList<>();
            List<Type> types = new ArrayList<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                names.add(nameOf(c));
                types.add(c.getGenericType());
            }
            return new Shape(List.copyOf(names), List.copyOf(types));
        }
    };

    /** Path and message of the first unknown property, if any. */
    public static Optional<String[]> find(JsonNode node, Type type, String path) {
        Class<?> raw = raw(type);
        if (node == null || raw == null) return Optional.empty();
        if (raw.isRecord() && node.isObject()) {
            Shape shape = SHAPES.get(raw);
            List<String> known = shape.names();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    return Optional.of(new String[] {path + "." + f,
                            "unknown property '" + f + "' (expected one of " + known + ")"});
                }
            }
            for (int i = 0; i < known.size(); i++) {
                JsonNode child = node.get(known.get(i));
                if (child == null) continue; // absent: nothing to check (and no path to build)
                Optional<String[]> r = find(child, shape.types().get(i), path + "." + known.get(i));
                if (r.isPresent()) return r;
            }
        } else if (List.class.isAssignableFrom(raw) && node.isArray()) {
            Type el = arg(type, 0);
            for (int i = 0; i < node.size(); i++) {
                Optional<String[]> r = find(node.get(i), el, path + "[" + i + "]");
                if (r.isPresent()) return r;
            }
        } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
            Type val = arg(type, 1);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Optional<String[]> r = find(e.getValue(), val, path + "." + e.getKey());
                if (r.isPresent()) return r;
            }
        }
        return Optional.empty();
    }

    private static String nameOf(RecordComponent c) {
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
        if (p == null) {
            try {
                java.lang.reflect.Field f = c.getDeclaringRecord().getDeclaredField(c.getName());
                p = f.getAnnotation(JsonProperty.class);
            } catch (NoSuchFieldException ignored) {
                // not possible for a record component
            }
        }
        return p != null && !p.value().isEmpty() ? p.value() : c.getName();
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return null;
    }

    private static Type arg(Type t, int i) {
        return t instanceof ParameterizedType p && p.getActualTypeArguments().length > i
                ? p.getActualTypeArguments()[i] : Object.class;
    }
}
