package dev.discreet.harness.agent.internal;

import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * Re-executes the actions an agent took in a recorded run, step by step and without its model, to reproduce an
 * episode (for example to check a finding, or to re-run a costly model's trajectory on a changed harness). It reads
 * {@code episodes/<task>__<agent>/trajectory.jsonl} of the recorded run; invalid steps are replayed too, so the
 * step count matches. When the recording runs out (it ended in an error) the replay terminates with "fail".
 */
public final class ReplayAgent implements ScriptedAgent {
    public static final String NAME = dev.discreet.harness.agent.Agents.REPLAY;
    private final Path runDir;
    private final String agent;
    private final Deque<StepRecord> steps = new ArrayDeque<>();
    private String source;

    /**
     * @param runDir a run folder holding {@code episodes/}
     * @param agent  whose trajectories to replay; null picks the only agent of the run
     */
    public ReplayAgent(Path runDir, String agent) {
        Path episodes = runDir.resolve("episodes");
        if (!Files.isDirectory(episodes)) {
            throw new IllegalArgumentException("--replay " + runDir + " is not a run folder (it has no episodes/)");
        }
        TreeSet<String> agents = new TreeSet<>();
        try (var s = Files.list(episodes)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.contains("__"))
                    .forEach(n -> agents.add(n.substring(n.lastIndexOf("__") + 2)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + episodes, e);
        }
        if (agent == null) {
            if (agents.size() != 1) {
                throw new IllegalArgumentException("run " + runDir + " holds episodes of " + agents + ": name the "
                        + "agent to replay (--replay-agent)");
            }
            agent = agents.first();
        } else if (!agents.contains(agent)) {
            throw new IllegalArgumentException("run " + runDir + " has no episodes of agent '" + agent
                    + "'; it has " + agents);
        }
        this.runDir = runDir;
        this.agent = agent;
    }

    /** The agent whose trajectories are replayed. */
    public String source() { return agent; }

    @Override
    public String name() { return NAME; }

    @Override
    public void begin(EpisodeBrief brief, Task task) {
        // The task id only locates the recording.
        String id = task.id() + "__" + agent;
        Path file = runDir.resolve("episodes").resolve(id).resolve(EvidenceFiles.TRAJECTORY);
        if (!Files.exists(file)) {
            throw new IllegalStateException("no recorded trajectory for task " + task.id() + " of agent '"
                    + agent + "' in " + runDir + " (expected " + file + ")");
        }
        steps.clear();
        List<StepRecord> read = new ArrayList<>();
        try {
            int line = 0;
            for (String l : Files.readAllLines(file)) {
                line++;
                if (l.isBlank()) continue;
                try {
                    read.add(Json.mapper().readValue(l, StepRecord.class));
                } catch (IOException e) {
                    throw new IllegalStateException(file + " line " + line + " is not a step record: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        steps.addAll(read);
        source = id;
    }

    @Override
    public AgentDecision next(AgentInput input) {
        StepRecord r = steps.poll();
        if (r == null) {
            return new AgentDecision("replay: the recording of " + source + " has no more steps",
                    Action.terminate("fail"));
        }
        return new AgentDecision("replay of " + source + " step " + r.step(), r.action());
    }

    /** Reads the element list only. */
    @Override
    public boolean needsScreenshots() { return false; }
}
