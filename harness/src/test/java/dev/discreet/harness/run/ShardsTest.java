package dev.discreet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShardsTest {
    static TaskSuite suite;

    @BeforeAll
    static void load() { suite = SuiteLoader.canonical(); }

    private static List<Task> tasks(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> suite.task(id).orElseThrow()).toList();
    }

    private static List<String> ids(List<Task> ts) { return ts.stream().map(Task::id).toList(); }

    @Test
    void handCheckedExample() {
        // Units sorted by name: doctor-001, doctor-002, doctor-003, then the pair doctor-p01 (A and B as one unit).
        // Dealt in turn over 2 shards: 001 -> 1, 002 -> 2, 003 -> 1, pair -> 2. Each shard keeps the given order.
        List<Task> given = tasks("doctor-001", "doctor-p01a", "doctor-002", "doctor-p01b", "doctor-003");
        assertThat(ids(Shards.select(given, new Shard(1, 2)))).containsExactly("doctor-001", "doctor-003");
        assertThat(ids(Shards.select(given, new Shard(2, 2))))
                .containsExactly("doctor-p01a", "doctor-002", "doctor-p01b");
        // Three shards: 001 -> 1, 002 -> 2, 003 -> 3, pair -> 1.
        assertThat(ids(Shards.select(given, new Shard(1, 3))))
                .containsExactly("doctor-001", "doctor-p01a", "doctor-p01b");
        assertThat(ids(Shards.select(given, new Shard(3, 3)))).containsExactly("doctor-003");
        // One shard of one is the whole list, untouched.
        assertThat(Shards.select(given, Shard.ALL)).isSameAs(given);
    }

    @Test
    void shardsOfTheWholeSuiteAreDisjointCoverItKeepPairsTogetherAndIgnoreOrder() {
        List<Task> all = suite.tasks();
        List<Task> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(7));
        int n = 4;
        Set<String> union = new HashSet<>();
        int total = 0;
        for (int k = 1; k <= n; k++) {
            List<String> shard = ids(Shards.select(all, new Shard(k, n)));
            // The same split from the tasks in another order (each CI machine lists them its own way).
            assertThat(new HashSet<>(ids(Shards.select(shuffled, new Shard(k, n))))).isEqualTo(new HashSet<>(shard));
            total += shard.size();
            union.addAll(shard);
            for (Task t : Shards.select(all, new Shard(k, n))) {
                if (t.pair() == null) continue;
                String other = t.pair().id() + (t.id().endsWith("a") ? "b" : "a");
                assertThat(shard).as("the other session of %s", t.id()).contains(other);
            }
            // 350 tasks = 250 single tasks + 50 pairs = 300 units, dealt 4 ways: 75 units each.
            long units = Shards.select(all, new Shard(k, n)).stream().map(Shards::unit).distinct().count();
            assertThat(units).isEqualTo(75L);
        }
        assertThat(total).isEqualTo(all.size());
        assertThat(union).hasSize(all.size());
    }

    @Test
    void badShardsAreRefusedWithTheFormat() {
        assertThat(Shard.parse(" 2/4 ")).isEqualTo(new Shard(2, 4));
        for (String bad : List.of("0/2", "3/2", "2", "a/b", "1/0", "-1/3")) {
            assertThatThrownBy(() -> Shard.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("K/N");
        }
    }
}
