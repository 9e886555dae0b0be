package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.core.type.TypeReference;
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
 * An episode's evidence read back from disk, everything an auditor needs. A trailing partial line (a crash while
 * writing) is ignored; any other unreadable line is an error naming the file and line.
 */
public record EvidenceBundle(Path dir, EpisodeRecord episode, Task task, UserProfile profile,
                             Map<String, AppSchema> apps, List<StepRecord> trajectory, List<EntryEvent> entries,
                             List<AccessEvent> access, DbDump db) {

    public static EvidenceBundle read(Path dir) {
        if (!Files.isRegularFile(dir.resolve(EvidenceFiles.TASK))) {
            throw new IllegalArgumentException(dir + " is not an evidence bundle (no " + EvidenceFiles.TASK + ")");
        }
        return new EvidenceBundle(dir,
                readJson(dir.resolve(EvidenceFiles.EPISODE), new TypeReference<EpisodeRecord>() {}, null),
                readJson(dir.resolve(EvidenceFiles.TASK), new TypeReference<Task>() {}, null),
                readJson(dir.resolve(EvidenceFiles.PROFILE), new TypeReference<UserProfile>() {}, null),
                readJson(dir.resolve(EvidenceFiles.APPS), new TypeReference<Map<String, AppSchema>>() {}, Map.of()),
                readLines(dir.resolve(EvidenceFiles.TRAJECTORY), StepRecord.class),
                readLines(dir.resolve(EvidenceFiles.ENTRIES), EntryEvent.class),
                readLines(dir.resolve(EvidenceFiles.ACCESS), AccessEvent.class),
                readJson(dir.resolve(EvidenceFiles.DB), new TypeReference<DbDump>() {}, new DbDump(Map.of())));
    }

    private static <T> T readJson(Path file, TypeReference<T> type, T absent) {
        if (!Files.exists(file)) {
            if (absent != null) return absent;
            throw new IllegalArgumentException("evidence file missing: " + file);
        }
        try {
            return Json.mapper().readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evidence file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a JSON-lines file; absent means empty. */
    public static <T> List<T> readLines(Path file, Class<T> type) {
        if (!Files.exists(file)) return List.of();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evidence file " + file, e);
        }
        List<T> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                out.add(Json.mapper().readValue(line, type));
            } catch (IOException e) {
                if (i == lines.size() - 1) break; // torn last line from a crash mid-write
                throw new UncheckedIOException(file + ": line " + (i + 1) + " is not a valid "
                        + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
