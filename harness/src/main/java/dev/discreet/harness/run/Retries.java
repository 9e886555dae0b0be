package dev.discreet.harness.run;

import dev.discreet.harness.device.DeviceFailureException;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EpisodeStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Runs an episode whose device failed again, on a new device, up to {@code max} times. Each failed attempt's
 * evidence is kept in {@code attempts/<episode>/attempt-N/} (outside {@code episodes/}, so no score sees it), the
 * episode's own folder gets {@code attempts.json} naming them, and the run's manifest the parameter {@code retried}
 * (shown with the run in {@code results.json} and the report).
 */
final class Retries {
    static final String ATTEMPTS_DIR = "attempts";
    static final String ATTEMPTS_FILE = "attempts.json";

    /** One more attempt of the episode; throws {@link DeviceFailureException} when no device can be had. */
    interface Attempt {
        EpisodeRecord run(int attempt);
    }

    private final int max;
    private final Path runDir;
    private final Consumer<String> progress;
    private final Map<String, List<String>> retried = new TreeMap<>();

    Retries(int max, Path runDir, Consumer<String> progress) {
        this.max = max;
        this.runDir = runDir;
        this.progress = progress;
    }

    /** {@code failed} if no retry is allowed, else the last attempt's record. */
    EpisodeRecord retry(EpisodeRecord failed, Path dir, Attempt attempt,
                        BiFunction<String, DeviceFailureException, EpisodeRecord> noDevice) {
        EpisodeRecord rec = failed;
        String id = dir.getFileName().toString();
        List<Map<String, Object>> earlier = new ArrayList<>();
        for (int n = 1; n <= max && rec.status() == EpisodeStatus.INFRA_FAILED; n++) {
            Path kept = runDir.resolve(ATTEMPTS_DIR).resolve(id).resolve("attempt-" + n);
            moveAside(dir, kept);
            String why = firstLine(rec.error());
            earlier.add(Map.of("attempt", n, "status", rec.status().name(), "error", why,
                    "evidence", runDir.relativize(kept).toString()));
            synchronized (retried) {
                retried.computeIfAbsent(id, k -> new ArrayList<>()).add(why);
            }
            progress.accept(id + ": attempt " + n + " failed for infrastructure reasons (" + why + "); running it "
                    + "again on a new device (" + n + " of " + max + ")");
            try {
                rec = attempt.run(n + 1);
            } catch (DeviceFailureException e) {
                rec = noDevice.apply("no device for attempt " + (n + 1) + ": ", e);
            }
        }
        if (!earlier.isEmpty()) {
            try {
                Files.writeString(dir.resolve(ATTEMPTS_FILE), Json.pretty(Map.of("episodeId", id,
                        "attempts", earlier.size() + 1, "earlier", earlier)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + dir.resolve(ATTEMPTS_FILE), e);
            }
        }
        return rec;
    }

    /** For the manifest: {@code doctor-001__reference (1: device failure …); …}, empty when nothing was retried. */
    String marks() {
        synchronized (retried) {
            StringBuilder b = new StringBuilder();
            retried.forEach((id, whys) -> {
                if (b.length() > 0) b.append("; ");
                b.append(id).append(" (retried ").append(whys.size()).append("x: ").append(String.join(" / ", whys))
                        .append(')');
            });
            return b.toString();
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown";
        String l = s.lines().findFirst().orElse(s);
        return l.length() > 200 ? l.substring(0, 200) + "…" : l;
    }

    private static void moveAside(Path dir, Path to) {
        try {
            Files.createDirectories(to.getParent());
            dev.discreet.harness.internal.Files2.deleteTree(to);
            Files.move(dir, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the failed attempt of " + dir.getFileName() + " in " + to, e);
        }
    }
}
