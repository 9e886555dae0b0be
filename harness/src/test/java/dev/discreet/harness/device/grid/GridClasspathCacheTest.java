package dev.discreet.harness.device.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class path resolved earlier is reused only while it is newer than the grid POM and every entry exists. */
class GridClasspathCacheTest {
    @TempDir
    Path dir;

    @Test
    void reusesAFreshClasspathAndResolvesAgainWhenStaleOrBroken() throws Exception {
        Path pom = Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path a = Files.writeString(dir.resolve("a.jar"), "a");
        Path b = Files.writeString(dir.resolve("b.jar"), "b");
        Path out = Files.writeString(dir.resolve("grid.classpath"), a + File.pathSeparator + b + "\n");
        Files.setLastModifiedTime(pom, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(out, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        assertThat(GridClasspath.cached(pom, out)).isEqualTo(a + File.pathSeparator + b);

        // the POM changed after the class path was written: resolve again
        Files.setLastModifiedTime(pom, FileTime.from(Instant.parse("2026-01-03T00:00:00Z")));
        assertThat(GridClasspath.cached(pom, out)).isNull();

        // fresh again, but a jar is gone (a cleaned local repository)
        Files.setLastModifiedTime(out, FileTime.from(Instant.parse("2026-01-04T00:00:00Z")));
        assertThat(GridClasspath.cached(pom, out)).isNotNull();
        Files.delete(b);
        assertThat(GridClasspath.cached(pom, out)).isNull();

        // nothing written yet
        assertThat(GridClasspath.cached(pom, dir.resolve("none.classpath"))).isNull();
    }
}
