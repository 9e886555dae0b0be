package dev.discreet.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads a task suite from a folder: {@code suite.json} (name, version), {@code profile.json},
 * {@code apps/*.json} (one {@link AppSchema} each), {@code catalogue/*.json} (one {@link ListingCatalogue} per listing
 * app, optional) and {@code tasks/**}{@code /*.json} (one {@link Task} each).
 * Every problem is reported as a {@link TaskFormatException} naming the file and JSON path.
 */
public final class SuiteLoader {
    /** Classpath folder of the canonical suite shipped in this jar. */
    public static final String CANONICAL = "discreet-suite";

    private record SuiteInfo(String name, String version) {}

    private SuiteLoader() {}

    /** The canonical suite shipped with the harness. */
    public static TaskSuite canonical() {
        URL url = SuiteLoader.class.getClassLoader().getResource(CANONICAL + "/suite.json");
        if (url == null) throw new IllegalStateException("canonical suite missing from classpath: " + CANONICAL);
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return load(fs.getPath("/" + CANONICAL));
                }
            }
            return load(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open canonical suite at " + url, e);
        }
    }

    public static TaskSuite load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TaskFormatException(dir, "$", "not a folder (expected a suite folder holding suite.json)");
        }
        MessageDigest sha = sha256();
        SuiteInfo info = read(dir.resolve("suite.json"), SuiteInfo.class, sha, dir);
        UserProfile profile = read(dir.resolve("profile.json"), UserProfile.class, sha, dir);
        Map<String, AppSchema> apps = new LinkedHashMap<>();
        for (Path p : jsonFiles(dir.resolve("apps"))) {
            AppSchema app = read(p, AppSchema.class, sha, dir);
            if (apps.put(app.id(), app) != null) {
                throw new TaskFormatException(p, "$.id", "duplicate app id '" + app.id() + "'");
            }
        }
        Map<String, ListingCatalogue> catalogues = new LinkedHashMap<>();
        for (Path p : jsonFiles(dir.resolve("catalogue"))) {
            ListingCatalogue c = read(p, ListingCatalogue.class, sha, dir);
            if (!apps.containsKey(c.app())) {
                throw new TaskFormatException(p, "$.app", "unknown app '" + c.app() + "' (suite apps: " + apps.keySet() + ")");
            }
            if (catalogues.put(c.app(), c) != null) {
                throw new TaskFormatException(p, "$.app", "second catalogue for app '" + c.app() + "'");
            }
        }
        List<Task> tasks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path p : jsonFiles(dir.resolve("tasks"))) {
            Task t = read(p, Task.class, sha, dir);
            if (!ids.add(t.id())) throw new TaskFormatException(p, "$.id", "duplicate task id '" + t.id() + "'");
            if (!apps.containsKey(t.app())) {
                throw new TaskFormatException(p, "$.app", "unknown app '" + t.app() + "' (suite apps: "
                        + apps.keySet() + ")");
            }
            tasks.add(t);
        }
        return new TaskSuite(info.name(), info.version(), HexFormat.of().formatHex(sha.digest()), profile, apps, tasks, catalogues);
    }

    /** Reads one task file on its own (e.g. a user's task outside a suite). */
    public static Task loadTask(Path file) { return read(file, Task.class, sha256(), file.getParent()); }

    private static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            // Sorted by relative path so the suite hash does not depend on the file system's order.
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new TaskFormatException(dir, "$", "cannot list folder: " + e.getMessage());
        }
    }

    private static <T> T read(Path file, Class<T> type, MessageDigest sha, Path base) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TaskFormatException(file, "$", "cannot read file (" + e + ")");
        }
        String rel = base == null ? file.toString() : base.relativize(file).toString();
        sha.update(rel.replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
        try {
            com.fasterxml.jackson.databind.JsonNode tree = Json.mapper().readTree(bytes);
            java.util.Optional<String[]> unknown =
                    dev.discreet.tasks.internal.UnknownProperties.find(tree, type, "$");
            if (unknown.isPresent()) {
                throw new TaskFormatException(file.toString(), unknown.get()[0], unknown.get()[1], null);
            }
            T value = Json.mapper().treeToValue(tree, type);
            if (value == null) throw new TaskFormatException(file, "$", "file is empty (expected a JSON object)");
            return value;
        } catch (JsonMappingException e) {
            throw new TaskFormatException(file.toString(), jsonPath(e), describe(e, type), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new TaskFormatException(file.toString(), "$", "not valid JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TaskFormatException(file, "$", "cannot read file (" + e + ")");
        }
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) sb.append('.').append(r.getFieldName());
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    private static String describe(JsonMappingException e, Class<?> root) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown property '" + u.getPropertyName() + "' (expected one of " + u.getKnownPropertyIds() + ")";
        }
        if (e instanceof InvalidFormatException f) {
            String target = f.getTargetType() == null ? "value" : f.getTargetType().getSimpleName();
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? " (expected one of " + List.of(f.getTargetType().getEnumConstants()) + ")" : "";
            return "cannot read '" + f.getValue() + "' as " + target + allowed;
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return v.getCause().getMessage();
        }
        String msg = e.getOriginalMessage();
        return msg == null ? e.toString() : msg.replace(" (through reference chain", "");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
