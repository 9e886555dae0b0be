package dev.discreet.harness.run;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.internal.Reporting;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.UserProfile;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.RunManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Combines the run folders of a sharded run ({@code --shard K/N} on several machines) into one run folder: the
 * episodes copied side by side, one manifest, and results, report and leaderboard entry built from them. Runs of
 * different task suites, and runs holding the same episode, are refused: either would make one run's numbers out
 * of incomparable or double-counted episodes.
 */
public final class RunMerge {
    private RunMerge() { }

    /** The merged run, written to {@code out} (a folder that must not exist yet, or be empty). */
    public static RunResult merge(List<Path> runs, Path out, boolean revealValues) {
        if (runs.isEmpty()) throw new IllegalArgumentException("merge needs at least one run folder");
        List<RunManifest> manifests = new ArrayList<>();
        Set<Path> seenRuns = new LinkedHashSet<>();
        for (Path r : runs) {
            Path real = r.toAbsolutePath().normalize();
            if (!seenRuns.add(real)) throw new IllegalArgumentException("run folder " + r + " is given twice");
            Path m = r.resolve(EvidenceFiles.MANIFEST);
            if (!Files.isRegularFile(m)) {
                throw new IllegalArgumentException(r + " is not a run folder (no " + EvidenceFiles.MANIFEST + ")");
            }
            try {
                manifests.add(Json.mapper().readValue(m.toFile(), RunManifest.class));
            } catch (IOException e) {
                throw new IllegalArgumentException(m + " cannot be read: " + e.getMessage(), e);
            }
        }
        RunManifest first = manifests.get(0);
        for (int i = 1; i < runs.size(); i++) {
            if (!manifests.get(i).suiteHash().equals(first.suiteHash())) {
                throw new IllegalArgumentException("runs of different task suites cannot be merged: " + runs.get(0)
                        + " ran suite " + first.suiteName() + " " + first.suiteVersion() + " (hash "
                        + first.suiteHash().substring(0, 12) + "), " + runs.get(i) + " ran "
                        + manifests.get(i).suiteName() + " " + manifests.get(i).suiteVersion() + " (hash "
                        + manifests.get(i).suiteHash().substring(0, 12) + ")");
            }
        }
        Map<String, Path> episodes = new LinkedHashMap<>();
        for (Path r : runs) {
            for (Path dir : Auditor.bundleDirs(r)) {
                String id = dir.getFileName().toString();
                Path other = episodes.putIfAbsent(id, dir);
                if (other != null) {
                    throw new IllegalArgumentException("episode " + id + " is in both " + other.getParent().getParent()
                            + " and " + r + ": shards of one run never share an episode (was a shard run twice, or "
                            + "with different --shard counts?)");
                }
            }
        }
        Path target = out.toAbsolutePath().normalize();
        if (seenRuns.contains(target)) throw new IllegalArgumentException("--out " + out + " is one of the runs merged");
        try {
            if (Files.exists(target)) {
                try (Stream<Path> s = Files.list(target)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException("--out " + out + " already exists and is not empty: choose "
                                + "a new folder for the merged run");
                    }
                }
            }
            Path episodesDir = target.resolve(Auditor.EPISODES_DIR);
            Files.createDirectories(episodesDir);
            for (Map.Entry<String, Path> e : episodes.entrySet()) copyTree(e.getValue(), episodesDir.resolve(e.getKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the merged run in " + out, e);
        }
        RunManifest merged = manifest(target.getFileName().toString(), manifests);
        try {
            Files.writeString(target.resolve(EvidenceFiles.MANIFEST), Json.pretty(merged));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the merged manifest in " + out, e);
        }
        List<EpisodeAudit> audits = new ArrayList<>();
        UserProfile profile = null;
        for (Path dir : order(Auditor.bundleDirs(target), merged)) {
            Path audit = dir.resolve(EvidenceFiles.AUDIT);
            audits.add(Files.exists(audit) ? Auditor.readAudit(audit) : Auditor.auditAndWrite(dir));
            if (profile == null) profile = EvidenceBundle.read(dir).profile();
        }
        Path report = Reporting.write(target, merged, audits, profile, revealValues);
        return new RunResult(target, merged, audits, report);
    }

    /** One manifest for the merged runs: the union of their agents and tasks, where they came from. */
    static RunManifest manifest(String runId, List<RunManifest> ms) {
        RunManifest first = ms.get(0);
        Set<String> agents = new LinkedHashSet<>(), tasks = new LinkedHashSet<>(), devices = new LinkedHashSet<>();
        Set<String> versions = new LinkedHashSet<>(), shards = new LinkedHashSet<>();
        long started = Long.MAX_VALUE;
        for (RunManifest m : ms) {
            agents.addAll(m.agents());
            tasks.addAll(m.taskIds());
            if (m.device() != null) devices.add(m.device());
            versions.add(m.harnessVersion());
            shards.add(m.parameters().getOrDefault("shard", "-"));
            started = Math.min(started, m.startedAt());
        }
        Map<String, String> params = new LinkedHashMap<>(first.parameters());
        params.remove("shard");
        params.put("mergedFrom", String.join(",", ms.stream().map(RunManifest::runId).toList()));
        params.put("shards", String.join(",", shards));
        if (versions.size() > 1) params.put("harnessVersions", String.join(",", versions));
        return new RunManifest(runId, first.harnessVersion(), first.suiteName(), first.suiteVersion(),
                first.suiteHash(), List.copyOf(agents), List.copyOf(tasks), params, String.join("; ", devices), started);
    }

    /** Episodes in run order: by agent, then by task, as a single run lists them. */
    private static List<Path> order(List<Path> dirs, RunManifest m) {
        List<String> tasks = m.taskIds(), agents = m.agents();
        return dirs.stream().sorted(Comparator.comparingInt((Path d) -> index(agents, part(d, 1)))
                .thenComparingInt(d -> index(tasks, part(d, 0)))
                .thenComparing(d -> d.getFileName().toString())).toList();
    }

    private static String part(Path dir, int i) {
        String[] p = dir.getFileName().toString().split("__", 2);
        return i < p.length ? p[i] : "";
    }

    private static int index(List<String> list, String s) {
        int i = list.indexOf(s);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
