package dev.discreet.tasks.evidence;

import java.util.List;
import java.util.Map;

/** What a run was: enough to know whether two runs are comparable and to reproduce one. */
public record RunManifest(String runId, String harnessVersion, String suiteName, String suiteVersion,
                          String suiteHash, List<String> agents, List<String> taskIds, Map<String, String> parameters,
                          String device, long startedAt) {}
