package dev.discreet.harness.run;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.tasks.evidence.RunManifest;
import java.nio.file.Path;
import java.util.List;

/** A finished run: where it is on disk, what it was, the audit of every episode and the report's path. */
public record RunResult(Path runDir, RunManifest manifest, List<EpisodeAudit> audits, Path report) {}
