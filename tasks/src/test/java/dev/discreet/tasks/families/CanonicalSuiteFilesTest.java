package dev.discreet.tasks.families;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed canonical suite is exactly the generator's output for the canonical seed (so its hash is stable and
 * reproducible). Regenerate with {@code mvn -pl tasks test -Dtest=CanonicalSuiteFilesTest -Ddiscreet.regenerate=true}.
 */
class CanonicalSuiteFilesTest {
    static final Path SOURCE = Path.of("src/main/resources/discreet-suite");

    @Test
    void committedSuiteEqualsGeneratorOutput(@TempDir Path tmp) throws IOException {
        TaskSuite base = SuiteLoader.load(SOURCE);
        SuiteGenerator.Generated g = SuiteGenerator.generate(base, SuiteGenerator.CANONICAL_SEED);
        if (Boolean.getBoolean("discreet.regenerate")) SuiteGenerator.write(g, base, SOURCE);
        SuiteGenerator.write(g, base, tmp);
        Map<String, String> expected = files(tmp);
        Map<String, String> actual = files(SOURCE);
        assertThat(actual.keySet()).as("files of the committed suite (regenerate: -Ddiscreet.regenerate=true)")
                .containsExactlyElementsOf(expected.keySet());
        expected.forEach((k, v) -> assertThat(actual.get(k)).as(k + " is stale (regenerate: -Ddiscreet.regenerate=true)")
                .isEqualTo(v));
        // Same seed, same suite: generation is deterministic.
        SuiteGenerator.Generated again = SuiteGenerator.generate(base, SuiteGenerator.CANONICAL_SEED);
        assertThat(SuiteGenerator.json(again.tasks())).isEqualTo(SuiteGenerator.json(g.tasks()));
    }

    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }
}
