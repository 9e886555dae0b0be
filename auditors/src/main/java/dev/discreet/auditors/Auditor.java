package dev.discreet.auditors;

import dev.discreet.auditors.internal.EpisodeAuditor;
import dev.discreet.auditors.internal.Summariser;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rule-based, deterministic scoring of evidence bundles: no device, no network, no clock. Any saved run re-audits
 * offline with identical results.
 */
public final class Auditor {
    /** Folder of a run directory that holds one evidence bundle per episode. */
    public static final String EPISODES_DIR = "episodes";

    private Auditor() {}

    /** Audits one episode. */
    public static EpisodeAudit audit(EvidenceBundle bundle) {
        return new EpisodeAuditor(bundle).run();
    }

    /** Audits one bundle folder, each file read once (the seal check and the audit share the bytes). */
    private static EpisodeAudit auditChecked(Path episodeDir) {
        EvidenceBundle.Checked c = EvidenceBundle.readChecked(episodeDir);
        return new EpisodeAuditor(c.bundle(), c::verdict).run();
    }

    /** Aggregates audits (INFRA_FAILED episodes are counted but kept out of every rate). */
    public static Summary summarise(List<EpisodeAudit> audits) {
        return Summariser.summarise(audits);
    }

    public static RunAudit auditAll(List<EvidenceBundle> bundles) {
        List<EpisodeAudit> audits = bundles.stream().map(Auditor::audit).toList();
        return new RunAudit(summarise(audits), audits, List.of());
    }

    /**
     * Reads and audits one bundle folder and writes its {@code audit.json} next to the evidence. Each file is read
     * once: the seal check hashes the bytes the audit parses ({@link EvidenceBundle#readChecked}); the audit equals
     * {@code audit(EvidenceBundle.read(episodeDir))}.
     */
    public static EpisodeAudit auditAndWrite(Path episodeDir) {
        EpisodeAudit a = auditChecked(episodeDir);
        write(episodeDir.resolve(EvidenceFiles.AUDIT), a);
        return a;
    }

    /**
     * Re-audits a saved run offline: every bundle folder under {@code runDir/episodes} (or directly under
     * {@code runDir} if it has no such folder), in name order. Writes nothing. One bad bundle never stops the audit
     * of the others: a bundle that cannot be audited at all (e.g. an unreadable task.json) is left out and named in
     * the run audit's warnings; torn lines inside a bundle become that episode's evidence-incomplete findings.
     */
    public static RunAudit auditRunDir(Path runDir) {
        List<EpisodeAudit> audits = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path dir : bundleDirs(runDir)) {
            try {
                audits.add(auditChecked(dir));
            } catch (RuntimeException e) {
                warnings.add(dir.getFileName() + ": not audited, " + e.getMessage());
            }
        }
        return new RunAudit(summarise(audits), audits, warnings);
    }

    /** Bundle folders (holding task.json) of a run, sorted by name. */
    public static List<Path> bundleDirs(Path runDir) {
        Path root = Files.isDirectory(runDir.resolve(EPISODES_DIR)) ? runDir.resolve(EPISODES_DIR) : runDir;
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(EvidenceFiles.TASK))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list episodes of " + runDir, e);
        }
    }

    public static EpisodeAudit readAudit(Path auditJson) {
        try {
            return Json.mapper().readValue(auditJson.toFile(), EpisodeAudit.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + auditJson + ": " + e.getMessage(), e);
        }
    }

    public static void write(Path auditJson, EpisodeAudit audit) {
        try {
            Files.writeString(auditJson, Json.pretty(audit) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + auditJson, e);
        }
    }
}
