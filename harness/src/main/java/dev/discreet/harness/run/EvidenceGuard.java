package dev.discreet.harness.run;

import dev.discreet.tasks.evidence.EvidenceChain;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.EvidenceKeys;
import dev.discreet.tasks.evidence.EvidenceSeal;
import dev.discreet.tasks.evidence.JsonLinesWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One episode's evidence chains: opens the chained writers under the run's keys, remembers each chain's head in
 * memory (out of reach of the files), and when the episode ends checks every chained file against its key and
 * head, then seals the bundle with that verdict ({@link EvidenceSeal}).
 */
final class EvidenceGuard {
    private final EvidenceKeys keys;
    private final String episodeId;
    private final Path dir;
    private final Map<String, JsonLinesWriter> writers = new LinkedHashMap<>();
    private final Map<String, EvidenceChain.Head> heads = new LinkedHashMap<>();

    EvidenceGuard(EvidenceKeys keys, String episodeId, Path dir) {
        this.keys = keys;
        this.episodeId = episodeId;
        this.dir = dir;
    }

    EvidenceKeys keys() { return keys; }

    JsonLinesWriter writer(String file) {
        JsonLinesWriter w = new JsonLinesWriter(dir.resolve(file), keys, EvidenceChain.genesis(episodeId, file));
        writers.put(file, w);
        return w;
    }

    /** The head of a chain kept by someone else (the mock apps' entries). */
    void head(String file, EvidenceChain.Head head) {
        if (head != null) heads.put(file, head);
    }

    /** Every chained file checked against the key and the head written; empty when intact. */
    List<String> verify() {
        writers.forEach((f, w) -> heads.putIfAbsent(f, w.head()));
        List<String> problems = new ArrayList<>();
        for (String f : EvidenceChain.FILES) {
            EvidenceChain.Head h = heads.get(f);
            // A file the harness never opened (the episode ended before) must hold no chained line either.
            problems.addAll(EvidenceChain.verify(dir.resolve(f), keys, EvidenceChain.genesis(episodeId, f),
                    h == null ? new EvidenceChain.Head(0, EvidenceChain.genesis(episodeId, f)) : h));
        }
        return problems;
    }

    void seal(List<String> problems) {
        EvidenceSeal.write(dir, episodeId, problems, keys);
    }

}
