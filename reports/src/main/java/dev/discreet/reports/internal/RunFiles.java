package dev.discreet.reports.internal;

import dev.discreet.auditors.Auditor;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.UserProfile;
import dev.discreet.tasks.evidence.EvidenceFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads what a run folder's bundles say about the run (tasks, profile), tolerating a run in progress. */
public final class RunFiles {
    private RunFiles() {}

    /** What the bundles hold: tasks by id and the first readable profile (null if none). */
    public record Found(Map<String, Task> tasks, UserProfile profile) {}

    public static Found scan(Path runDir, boolean wantProfile) {
        Map<String, Task> tasks = new TreeMap<>();
        UserProfile profile = null;
        if (!Files.isDirectory(runDir)) return new Found(tasks, null);
        List<Path> dirs;
        try {
            dirs = Auditor.bundleDirs(runDir);
        } catch (RuntimeException e) {
            return new Found(tasks, null);
        }
        for (Path dir : dirs) {
            try {
                if (wantProfile && profile == null && Files.isRegularFile(dir.resolve(EvidenceFiles.PROFILE))) {
                    profile = Json.mapper().readValue(dir.resolve(EvidenceFiles.PROFILE).toFile(), UserProfile.class);
                }
                Task t = Json.mapper().readValue(dir.resolve(EvidenceFiles.TASK).toFile(), Task.class);
                tasks.putIfAbsent(t.id(), t);
            } catch (IOException | RuntimeException e) {
                // an unreadable bundle only loses its task's goal and groups; masking uses any other bundle's profile
            }
        }
        return new Found(tasks, profile);
    }
}
