package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.UserProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An episode's evidence read back from disk, everything an auditor needs.
 *
 * <p>Evidence must survive crashes and newer harness versions. A torn or unparsable JSON line (a crash mid-write,
 * a disk filling up) is kept out of the bundle and recorded in {@code problems} with its file and line, so the
 * auditor reports the episode's evidence as incomplete instead of silently scoring less of it. A property this
 * version does not know (written by a newer harness) is ignored and recorded in {@code warnings}. Only the task
 * itself must be readable: without it nothing can be scored.
 *
 * @param problems evidence that could not be read (file, line, why): the audit of this episode is not trustworthy
 * @param warnings evidence read with tolerance (e.g. unknown properties); the audit is still complete
 */
public record EvidenceBundle(Path dir, EpisodeRecord episode, Task task, UserProfile profile,
                             Map<String, AppSchema> apps, List<StepRecord> trajectory, List<EntryEvent> entries,
                             List<AccessEvent> access, DbDump db, List<String> problems, List<String> warnings) {

    public EvidenceBundle {
        trajectory = trajectory == null ? List.of() : List.copyOf(trajectory);
        entries = entries == null ? List.of() : List.copyOf(entries);
        access = access == null ? List.of() : List.copyOf(access);
        problems = problems == null ? List.of() : List.copyOf(problems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A complete bundle (nothing unreadable). */
    public EvidenceBundle(Path dir, EpisodeRecord episode, Task task, UserProfile profile,
                          Map<String, AppSchema> apps, List<StepRecord> trajectory, List<EntryEvent> entries,
                          List<AccessEvent> access, DbDump db) {
        this(dir, episode, task, profile, apps, trajectory, entries, access, db, List.of(), List.of());
    }

    /** Whether every evidence file was read in full. */
    public boolean complete() { return problems.isEmpty(); }

    public static EvidenceBundle read(Path dir) {
        return read(dir, Map.of());
    }

    /**
     * A bundle read together with its seal's offline check, each file read from disk once ({@link #readChecked}).
     */
    public static final class Checked {
        private final EvidenceBundle bundle;
        private final EvidenceSeal.Verdict verdict;
        private final RuntimeException error;

        Checked(EvidenceBundle bundle, EvidenceSeal.Verdict verdict, RuntimeException error) {
            this.bundle = bundle;
            this.verdict = verdict;
            this.error = error;
        }

        /** The bundle, equal to {@link #read} of the same folder. */
        public EvidenceBundle bundle() { return bundle; }

        /**
         * The seal's verdict, equal to {@link EvidenceSeal#check} of the same folder; when that check could not be
         * made (a sealed file unreadable), its exception, thrown here as the check would have thrown it.
         */
        public EvidenceSeal.Verdict verdict() {
            if (error != null) throw error;
            return verdict;
        }
    }

    /** The files {@link #read} parses: the seal check keeps their bytes for it. */
    private static final java.util.Set<String> PARSED = java.util.Set.of(EvidenceFiles.TASK, EvidenceFiles.EPISODE,
            EvidenceFiles.PROFILE, EvidenceFiles.APPS, EvidenceFiles.TRAJECTORY, EvidenceFiles.ENTRIES,
            EvidenceFiles.ACCESS, EvidenceFiles.DB);

    /**
     * {@link #read} and {@link EvidenceSeal#check} of one folder, with every file read from disk once: the seal check
     * hashes the evidence files the reader parses from the same bytes (so what is audited is exactly what was
     * checked); files the seal does not cover, or all of them when the bundle has no valid seal, are read as
     * {@link #read} reads them. Same results, same errors, as the two calls made one after the other.
     */
    public static Checked readChecked(Path dir) {
        if (!Files.isRegularFile(dir.resolve(EvidenceFiles.TASK))) {
            throw new IllegalArgumentException(dir + " is not an evidence bundle (no " + EvidenceFiles.TASK + ")");
        }
        Map<String, byte[]> kept = new java.util.HashMap<>();
        EvidenceSeal.Verdict verdict = null;
        RuntimeException error = null;
        try {
            verdict = EvidenceSeal.check(dir, PARSED, kept);
        } catch (RuntimeException e) {
            error = e; // thrown when the verdict is asked for: reading the bundle comes first, as it did
        }
        return new Checked(read(dir, kept), verdict, error);
    }

    private static EvidenceBundle read(Path dir, Map<String, byte[]> kept) {
        if (!Files.isRegularFile(dir.resolve(EvidenceFiles.TASK))) {
            throw new IllegalArgumentException(dir + " is not an evidence bundle (no " + EvidenceFiles.TASK + ")");
        }
        Reader r = new Reader(kept);
        Task task = r.json(dir.resolve(EvidenceFiles.TASK), new TypeReference<Task>() {}, null, true);
        EpisodeRecord episode = r.json(dir.resolve(EvidenceFiles.EPISODE), new TypeReference<EpisodeRecord>() {},
                null, false);
        UserProfile profile = r.shared(dir.resolve(EvidenceFiles.PROFILE), PROFILE_TYPE, null);
        Map<String, AppSchema> apps = r.shared(dir.resolve(EvidenceFiles.APPS), APPS_TYPE, Map.of());
        List<StepRecord> trajectory = r.lines(dir.resolve(EvidenceFiles.TRAJECTORY), StepRecord.class);
        List<EntryEvent> entries = r.lines(dir.resolve(EvidenceFiles.ENTRIES), EntryEvent.class);
        List<AccessEvent> access = r.lines(dir.resolve(EvidenceFiles.ACCESS), AccessEvent.class);
        DbDump db = r.json(dir.resolve(EvidenceFiles.DB), new TypeReference<DbDump>() {}, new DbDump(Map.of()), false);
        return new EvidenceBundle(dir, episode, task, profile, apps, trajectory, entries, access, db, r.problems,
                r.warnings);
    }

    /**
     * Reads a JSON-lines file; absent means empty. Unreadable lines are skipped (use {@link #read} to learn about
     * them); unknown properties are ignored.
     */
    public static <T> List<T> readLines(Path file, Class<T> type) {
        return new Reader(Map.of()).lines(file, type);
    }

    private static final TypeReference<UserProfile> PROFILE_TYPE = new TypeReference<>() {};
    private static final TypeReference<Map<String, AppSchema>> APPS_TYPE = new TypeReference<>() {};

    /**
     * The tolerant mapper, one for all reads (a mapper per bundle rebuilt Jackson's deserializer caches every time):
     * unknown properties are reported to the {@link Reader} passed as a per-call attribute.
     */
    private static final ObjectMapper TOLERANT = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addHandler(new DeserializationProblemHandler() {
                @Override
                public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                                     JsonDeserializer<?> deserializer, Object beanOrClass,
                                                     String propertyName) throws IOException {
                    if (ctxt.getAttribute(Reader.class) instanceof Reader r) r.unknown(propertyName);
                    p.skipChildren();
                    return true;
                }
            });

    /**
     * Files that are byte-identical in every bundle of a run (profile.json, apps.json: ~45 KB of JSON each time),
     * parsed once per content: the bundle stays self-contained on disk, the reader keeps what it parsed by the
     * file's exact bytes. The values are immutable records (the apps map is wrapped), so sharing them is safe.
     */
    private static final Map<SharedKey, Parsed> SHARED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int SHARED_MAX = 16;

    /**
     * A shared file's type and exact bytes. Its hash samples the bytes (hashing all of them, ~45 KB per bundle, cost
     * more than the rest of the lookup); equality still compares every byte.
     */
    private static final class SharedKey {
        private final String type;
        private final byte[] content;
        private final int hash;

        SharedKey(String type, byte[] content) {
            this.type = type;
            this.content = content;
            int h = type.hashCode() * 31 + content.length;
            int step = Math.max(1, content.length / 64);
            for (int i = 0; i < content.length; i += step) h = h * 31 + content[i];
            this.hash = h;
        }

        @Override
        public int hashCode() { return hash; }

        @Override
        public boolean equals(Object o) {
            return o instanceof SharedKey k && hash == k.hash && type.equals(k.type)
                    && java.util.Arrays.equals(content, k.content);
        }
    }

    private record Parsed(Object value, List<String> warnings) {}

    /** Tolerant reading that remembers what it had to skip or ignore. */
    private static final class Reader {
        final List<String> problems = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        /** Contents already read (and hashed) by the seal check, by file name; the rest is read from disk. */
        private final Map<String, byte[]> kept;
        private String where = "";

        Reader(Map<String, byte[]> kept) {
            this.kept = kept;
        }

        /** The file's content if the seal check read it, else null. */
        private byte[] kept(Path file) {
            return kept.isEmpty() ? null : kept.get(file.getFileName().toString());
        }

        void unknown(String propertyName) {
            String w = where + ": unknown property '" + propertyName + "' ignored (written by a newer harness?)";
            if (!warnings.contains(w)) warnings.add(w);
        }

        /** Like {@link #json} (not essential), parsed once per distinct content. */
        @SuppressWarnings("unchecked")
        <T> T shared(Path file, TypeReference<T> type, T absent) {
            byte[] bytes = kept(file);
            try {
                if (bytes == null) bytes = Files.exists(file) ? Files.readAllBytes(file) : null;
            } catch (IOException e) {
                bytes = null;
            }
            if (bytes == null) return json(file, type, absent, false);
            SharedKey key = new SharedKey(type.getType().getTypeName(), bytes);
            Parsed hit = SHARED.get(key);
            if (hit == null) {
                Reader own = new Reader(Map.of());
                own.where = file.getFileName().toString();
                T value;
                try {
                    value = TOLERANT.readerFor(type).withAttribute(Reader.class, own).readValue(bytes);
                } catch (IOException e) {
                    return json(file, type, absent, false); // reports it as unreadable
                }
                if (value instanceof Map<?, ?> m) value = (T) java.util.Collections.unmodifiableMap(m);
                hit = new Parsed(value, List.copyOf(own.warnings));
                if (SHARED.size() >= SHARED_MAX) SHARED.clear();
                SHARED.put(key, hit);
            }
            for (String w : hit.warnings()) if (!warnings.contains(w)) warnings.add(w);
            return (T) hit.value();
        }

        <T> T json(Path file, TypeReference<T> type, T absent, boolean essential) {
            byte[] bytes = kept(file);
            if (bytes != null) {
                where = file.getFileName().toString();
                try {
                    return essential ? Json.mapper().readValue(bytes, type)
                            : TOLERANT.readerFor(type).withAttribute(Reader.class, this).readValue(bytes);
                } catch (IOException e) {
                    // read it from disk below: the problem is then worded exactly as for any other bundle
                }
            }
            if (!Files.exists(file)) {
                if (absent != null || !essential) {
                    if (absent == null && !file.getFileName().toString().equals(EvidenceFiles.PROFILE)
                            && !file.getFileName().toString().equals(EvidenceFiles.EPISODE)) {
                        problems.add(file.getFileName() + ": missing");
                    }
                    return absent;
                }
                throw new IllegalArgumentException("evidence file missing: " + file);
            }
            where = file.getFileName().toString();
            try {
                // The task is the contract: read it as strictly as the suite loader does.
                return essential ? Json.mapper().readValue(file.toFile(), type)
                        : TOLERANT.readerFor(type).withAttribute(Reader.class, this).readValue(file.toFile());
            } catch (IOException e) {
                if (essential) {
                    throw new UncheckedIOException("cannot read evidence file " + file + ": " + e.getMessage(), e);
                }
                problems.add(file.getFileName() + ": unreadable (" + firstLine(e.getMessage()) + ")");
                return absent;
            }
        }

        <T> List<T> lines(Path file, Class<T> type) {
            List<String> lines = null;
            byte[] bytes = kept(file);
            if (bytes != null) {
                try {
                    // as Files.readAllLines decodes (malformed UTF-8 is an error) and splits (\n, \r, \r\n)
                    lines = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString()
                            .lines().toList();
                } catch (java.nio.charset.CharacterCodingException e) {
                    lines = null; // read from disk below: the problem is worded as for any other bundle
                }
            }
            if (lines == null && !Files.exists(file)) return List.of();
            try {
                if (lines == null) lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(file.getFileName() + ": unreadable (" + firstLine(e.getMessage()) + ")");
                return List.of();
            }
            List<T> out = new ArrayList<>(lines.size());
            com.fasterxml.jackson.databind.ObjectReader mapper = TOLERANT.readerFor(type).withAttribute(Reader.class, this);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) continue;
                where = file.getFileName() + " line " + (i + 1);
                try {
                    out.add(mapper.readValue(line));
                } catch (IOException e) {
                    problems.add(file.getFileName() + " line " + (i + 1) + " is not a valid " + type.getSimpleName()
                            + (i == lines.size() - 1 ? " (torn last line: a crash mid-write?)" : "") + ": "
                            + firstLine(e.getMessage()));
                }
            }
            return out;
        }

        private static String firstLine(String s) {
            if (s == null) return "?";
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }
    }
}
