package dev.discreet.harness.run;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.evidence.EpisodeRecord;
import dev.discreet.tasks.evidence.EvidenceBundle;
import java.nio.file.Path;

/**
 * One finished and audited episode: what ran, the auditors' verdict, where its evidence bundle is and the report
 * of the run it belongs to. What a JUnit test gets back from {@code DiscreetDevice.run} and what
 * {@code DiscreetAssertions.assertThat} reads.
 *
 * @param report the run's {@code report.html}, regenerated after this episode
 */
public record EpisodeResult(Task task, String agent, EpisodeRecord record, EpisodeAudit audit, Path evidenceDir,
                            Path report) {
    public EpisodeResult {
        if (task == null) throw new IllegalArgumentException("task must not be null");
        if (audit == null) throw new IllegalArgumentException("audit must not be null");
        if (evidenceDir == null) throw new IllegalArgumentException("evidenceDir must not be null");
    }

    /** The folder name of the bundle, e.g. {@code doctor-004__careful}. */
    public String episodeId() { return audit.episodeId(); }

    /** Reads the evidence bundle back from disk (entries, access log, task, profile, schemas). */
    public EvidenceBundle bundle() { return EvidenceBundle.read(evidenceDir); }
}
