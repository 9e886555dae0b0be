package dev.discreet.harness.run;

import dev.discreet.tasks.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a run's tasks among CI machines. The unit is a task, or a cross-session pair (A and B together: B starts
 * from what A saved, so they must run on one machine, in order). Units are sorted by name (the task id, or the pair
 * id) and dealt out in turn: unit {@code i} (from 0) goes to shard {@code i mod N + 1}. The split depends only on
 * the set of tasks, not on the order they were listed in, so every machine of a matrix computes the same one.
 */
public final class Shards {
    private Shards() { }

    /** The tasks of {@code shard}, in the order they were given. */
    public static List<Task> select(List<Task> tasks, Shard shard) {
        if (shard.all()) return tasks;
        Map<String, Integer> unitShard = assignment(tasks, shard.count());
        List<Task> out = new ArrayList<>();
        for (Task t : tasks) {
            if (unitShard.get(unit(t)) == shard.index()) out.add(t);
        }
        return out;
    }

    /** Each unit's shard (1..count), by unit name: the task id, or the pair id for both tasks of a pair. */
    public static Map<String, Integer> assignment(List<Task> tasks, int count) {
        TreeMap<String, Integer> units = new TreeMap<>();
        for (Task t : tasks) units.put(unit(t), 0);
        int i = 0;
        for (Map.Entry<String, Integer> e : units.entrySet()) e.setValue(i++ % count + 1);
        return units;
    }

    /** The name a task is sharded by: its pair's id (so A and B stay together), else its own id. */
    static String unit(Task t) {
        return t.pair() != null ? "pair:" + t.pair().id() : t.id();
    }
}
