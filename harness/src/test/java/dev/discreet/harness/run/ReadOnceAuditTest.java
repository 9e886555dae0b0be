package dev.discreet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.auditors.Auditor;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Finding;
import dev.discreet.auditors.Rules;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.EvidenceSeal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 5: {@code Auditor.auditAndWrite} (and so {@code discreet audit} and the bench) reads each evidence
 * file once, hashing for the seal check the very bytes the bundle reader parses ({@link EvidenceBundle#readChecked}).
 * Its audit must equal the audit of a plain read ({@link EvidenceBundle#read}, the seal checked by
 * {@link EvidenceSeal#check} reading the files again), and a flipped byte anywhere the seal covers must still be
 * caught. The seal's hashes are also recomputed here by plain {@code MessageDigest}, independently of the checker.
 * A real sealed run (BenchmarkRunner, run keys, mock apps, privacy tools) on fake devices, which write a screenshot
 * and an element list per observation.
 */
class ReadOnceAuditTest {
    static TaskSuite suite;
    @TempDir
    Path tmp;

    @BeforeAll
    static void load() { suite = SuiteLoader.canonical(); }

    private List<Path> sealedRun() {
        RunResult run = new BenchmarkRunner(RunOptions.of(suite).withRunsDir(tmp).withRunId("once")
                .withAgents(List.of("asker")).withTaskIds(List.of("doctor-001", "hotel-001")))
                .withAgent("asker", () -> RunCopiesTest.asker("asker"))
                .withDeviceFactory(FakeDevice::healthy).run();
        return Auditor.bundleDirs(run.runDir());
    }

    /** The audit through the plain path: the bundle read, then the seal checked by reading every file again. */
    private static String plain(Path dir) {
        return Json.write(Auditor.audit(EvidenceBundle.read(dir)));
    }

    private static List<String> tampered(EpisodeAudit a) {
        return a.findings().stream().filter(f -> Rules.EVIDENCE_TAMPERED.equals(f.rule())).map(Finding::message)
                .toList();
    }

    /** Files whose SHA-256 (plain MessageDigest over the whole file) differs from what seal.json lists. */
    private static List<String> hashMismatches(Path dir) throws Exception {
        EvidenceSeal seal = Json.mapper().readValue(dir.resolve(EvidenceSeal.FILE).toFile(), EvidenceSeal.class);
        return seal.files().entrySet().stream().filter(e -> {
            try {
                byte[] bytes = Files.readAllBytes(dir.resolve(e.getKey()));
                return !HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                        .equals(e.getValue().sha256());
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).map(Map.Entry::getKey).toList();
    }

    private static Path first(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve(EvidenceFiles.SCREENS))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().findFirst().orElseThrow();
        }
    }

    private static void flip(Path file, int offset) throws Exception {
        byte[] b = Files.readAllBytes(file);
        b[offset] ^= 0x01;
        Files.write(file, b);
    }

    @Test
    void readingEachFileOnceAuditsExactlyAsAPlainRead() throws Exception {
        List<Path> bundles = sealedRun();
        assertThat(bundles).hasSize(2);
        for (Path d : bundles) {
            assertThat(hashMismatches(d)).as("every sealed file of %s hashes as sealed", d.getFileName()).isEmpty();
            EvidenceBundle.Checked c = EvidenceBundle.readChecked(d);
            assertThat(c.bundle()).isEqualTo(EvidenceBundle.read(d));
            assertThat(c.verdict()).isEqualTo(EvidenceSeal.check(d));
            assertThat(c.verdict().sealed()).isTrue();
            assertThat(c.verdict().intact()).isTrue();
            String expected = plain(d);
            EpisodeAudit once = Auditor.auditAndWrite(d);
            assertThat(Json.write(once)).isEqualTo(expected);
            assertThat(tampered(once)).isEmpty();
            assertThat(once.op()).as("the access log was parsed from the kept bytes").isNotNull();
            assertThat(c.bundle().trajectory()).isNotEmpty();
            // what `discreet audit` does, file by file: the same audit, through the run-folder entry point too
            assertThat(Json.write(Auditor.auditRunDir(d.getParent().getParent()).episodes()
                    .get(bundles.indexOf(d)))).isEqualTo(expected);
        }
    }

    /**
     * profile.json and apps.json are parsed once per exact content and shared between bundles: a bundle whose copy
     * differs from its neighbour's in a single letter, wherever that letter is, gets its own values.
     */
    @Test
    void aSharedFileDifferingInOneLetterIsParsedForItself() throws Exception {
        List<Path> bundles = sealedRun();
        Path a = bundles.get(0);
        Path b = bundles.get(1);
        Path profile = b.resolve(EvidenceFiles.PROFILE);
        String original = Files.readString(profile, StandardCharsets.UTF_8);
        assertThat(original).isEqualTo(Files.readString(a.resolve(EvidenceFiles.PROFILE), StandardCharsets.UTF_8));
        var expected = EvidenceBundle.read(a).profile();
        int tried = 0;
        for (int at = original.indexOf("\"value\""); at >= 0 && tried < 40; at = original.indexOf("\"value\"", at + 1)) {
            int letter = original.indexOf('"', at + "\"value\"".length()) + 1; // the value's first character
            if (!Character.isLetter(original.charAt(letter))) continue;
            char c = original.charAt(letter);
            String edited = original.substring(0, letter) + (c == 'q' ? 'z' : 'q') + original.substring(letter + 1);
            Files.writeString(profile, edited, StandardCharsets.UTF_8);
            assertThat(EvidenceBundle.read(b).profile()).as("letter at offset %d", letter).isNotEqualTo(expected)
                    .isEqualTo(Json.mapper().readValue(edited, dev.discreet.tasks.UserProfile.class));
            assertThat(EvidenceBundle.read(a).profile()).isEqualTo(expected);
            tried++;
        }
        assertThat(tried).as("profile values edited").isGreaterThan(10);
    }

    @Test
    void aFlippedByteInAScreenshotAnElementListOrATrajectoryLineIsStillCaught() throws Exception {
        Path d = sealedRun().get(0);
        Path screenshot = first(d, ".png");
        Path elements = first(d, ".elements.json");
        Path trajectory = d.resolve(EvidenceFiles.TRAJECTORY);
        // a digit of the first line's start time: the line still parses, only the seal's hash can tell
        String line = Files.readString(trajectory, StandardCharsets.UTF_8);
        int digit = line.indexOf("\"startedAt\":") + "\"startedAt\":".length() + 3;
        assertThat(Character.isDigit(line.charAt(digit))).isTrue();
        String clean = plain(d);

        for (Object[] c : new Object[][] {{screenshot, 20}, {elements, 1}, {trajectory, digit}}) {
            Path f = (Path) c[0];
            String rel = d.relativize(f).toString().replace('\\', '/');
            byte[] original = Files.readAllBytes(f);
            flip(f, (int) c[1]);
            assertThat(hashMismatches(d)).as("plain hashing sees %s changed", rel).containsExactly(rel);
            EpisodeAudit once = Auditor.auditAndWrite(d);
            assertThat(tampered(once)).as(rel)
                    .contains("evidence tampered: " + rel + " changed after the episode was sealed; this episode is "
                            + "not privacy-qualified");
            assertThat(Json.write(once)).isEqualTo(plain(d)).isNotEqualTo(clean);
            Files.write(f, original);
            assertThat(Json.write(Auditor.auditAndWrite(d))).isEqualTo(clean);
        }

        // a sealed file the reader parses, made unreadable: same problem, worded as the plain read words it
        Path db = d.resolve(EvidenceFiles.DB);
        byte[] original = Files.readAllBytes(db);
        Files.writeString(db, "{\"broken");
        EpisodeAudit once = Auditor.auditAndWrite(d);
        assertThat(Json.write(once)).isEqualTo(plain(d));
        assertThat(once.evidenceComplete()).isFalse();
        assertThat(tampered(once)).anyMatch(m -> m.contains("db.json changed after the episode was sealed"));
        Files.write(db, original);

        // no seal at all: nothing is kept, everything is read as before
        Files.delete(d.resolve(EvidenceSeal.FILE));
        once = Auditor.auditAndWrite(d);
        assertThat(Json.write(once)).isEqualTo(plain(d));
        assertThat(tampered(once)).anyMatch(m -> m.contains("seal.json missing, though the evidence lines are chained"));
    }
}
