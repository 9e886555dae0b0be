package dev.discreet.reports.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.evidence.AccessEvent;
import dev.discreet.tasks.evidence.EntryEvent;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.StepRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an evidence bundle an episode page shows, read leniently: a bundle of a run in progress (or a
 * damaged one) still renders, with what could not be read listed in {@link #problems()}.
 *
 * @param stepUsage usage object of each trajectory line, parallel to {@code steps} (null entries when absent)
 */
public record EpisodeData(Path dir, Task task, JsonNode episode, List<StepRecord> steps, List<JsonNode> stepUsage,
                          List<EntryEvent> entries, List<AccessEvent> access, UsageTotals usage, List<String> problems) {

    public static EpisodeData read(Path dir) {
        List<String> problems = new ArrayList<>();
        Task task = null;
        JsonNode episode = null;
        try {
            Path f = dir.resolve(EvidenceFiles.TASK);
            if (Files.isRegularFile(f)) task = Json.mapper().readValue(f.toFile(), Task.class);
        } catch (IOException | RuntimeException e) {
            problems.add(EvidenceFiles.TASK + ": " + e.getMessage());
        }
        try {
            Path f = dir.resolve(EvidenceFiles.EPISODE);
            if (Files.isRegularFile(f)) episode = Json.mapper().readTree(f.toFile());
        } catch (IOException | RuntimeException e) {
            problems.add(EvidenceFiles.EPISODE + ": " + e.getMessage());
        }
        List<StepRecord> steps = new ArrayList<>();
        List<JsonNode> stepUsage = new ArrayList<>();
        Path traj = dir.resolve(EvidenceFiles.TRAJECTORY);
        if (Files.isRegularFile(traj)) {
            try {
                List<String> lines = Files.readAllLines(traj, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) continue;
                    try {
                        JsonNode n = Json.mapper().readTree(lines.get(i));
                        JsonNode u = n.isObject() ? ((ObjectNode) n).remove(UsageTotals.FIELD) : null;
                        steps.add(Json.mapper().treeToValue(n, StepRecord.class));
                        stepUsage.add(u);
                    } catch (IOException | RuntimeException e) {
                        if (i < lines.size() - 1) {
                            problems.add(EvidenceFiles.TRAJECTORY + " line " + (i + 1) + ": " + e.getMessage());
                        }
                    }
                }
            } catch (IOException e) {
                problems.add(EvidenceFiles.TRAJECTORY + ": " + e.getMessage());
            }
        }
        List<EntryEvent> entries = List.of();
        List<AccessEvent> access = List.of();
        try {
            entries = EvidenceBundle.readLines(dir.resolve(EvidenceFiles.ENTRIES), EntryEvent.class);
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        try {
            access = EvidenceBundle.readLines(dir.resolve(EvidenceFiles.ACCESS), AccessEvent.class);
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        UsageTotals usage = new UsageTotals();
        if (episode != null && episode.has(UsageTotals.FIELD)) {
            usage.add(episode.get(UsageTotals.FIELD));
        } else {
            stepUsage.forEach(usage::add);
        }
        return new EpisodeData(dir, task, episode, steps, stepUsage, entries, access, usage, problems);
    }

    /**
     * Only the usage of a bundle (episode.json's {@code usage}, else the sum of the trajectory lines' ones), without
     * parsing the rest: used for pages that need no re-rendering.
     */
    public static UsageTotals readUsage(Path dir) {
        UsageTotals usage = new UsageTotals();
        try {
            Path f = dir.resolve(EvidenceFiles.EPISODE);
            if (Files.isRegularFile(f)) {
                JsonNode ep = Json.mapper().readTree(f.toFile());
                if (ep != null && ep.has(UsageTotals.FIELD)) return usage.add(ep.get(UsageTotals.FIELD));
            }
            Path traj = dir.resolve(EvidenceFiles.TRAJECTORY);
            if (Files.isRegularFile(traj)) {
                for (String line : Files.readAllLines(traj, StandardCharsets.UTF_8)) {
                    if (!line.contains("\"" + UsageTotals.FIELD + "\"")) continue;
                    try {
                        usage.add(Json.mapper().readTree(line).get(UsageTotals.FIELD));
                    } catch (IOException e) {
                        // a torn last line: the full read reports it
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // usage is an optional extra; the page itself reports unreadable evidence
        }
        return usage;
    }
}
