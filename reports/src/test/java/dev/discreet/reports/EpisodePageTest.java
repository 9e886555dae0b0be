package dev.discreet.reports;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.evidence.EvidenceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.discreet.reports.ReportFixture.CARD;
import static dev.discreet.reports.ReportFixture.INSURANCE;
import static dev.discreet.reports.ReportFixture.MANIFEST;
import static org.assertj.core.api.Assertions.assertThat;

class EpisodePageTest {
    @TempDir
    Path run;

    private String writeAndRead(boolean reveal) throws Exception {
        EpisodeAudit a = BundleFixture.richEpisode(run, "doctor-001__a", "a");
        HtmlReport.write(run, MANIFEST, List.of(a), ReportOptions.defaults().withRevealValues(reveal));
        return Files.readString(run.resolve("episodes/doctor-001__a/episode.html"));
    }

    @Test
    void modelAndFormTextIsEscaped() throws Exception {
        String html = writeAndRead(false);
        assertThat(html).doesNotContain("<script")
                .contains("I need the insurance id &lt;script&gt;alert(&#39;r&#39;)&lt;/script&gt;")
                .contains("<code>doctor/booking/reason</code> = \u201c&lt;script&gt;alert(2)&lt;/script&gt;\u201d")
                .contains("Book a check-up &lt;script&gt;alert(2)&lt;/script&gt;");
    }

    @Test
    void controlCharactersAreShownAsEscapesAndRightToLeftTextIsIsolatedOnEveryPage() throws Exception {
        EpisodeAudit a = BundleFixture.richEpisode(run, "doctor-001__a", "a");
        Path dir = run.resolve("episodes/doctor-001__a");
        // Model text (reasoning), form text (an entry value) and task text (the goal), each with NUL, ESC, U+FFFF,
        // a right-to-left override and Hebrew letters.
        String hostile = "x\\u0000y\\u001B[31mz\\uFFFF \\u202Eevil\\u202C \\u05D3\\u05E0\\u05D4";
        replaceIn(dir.resolve(EvidenceFiles.TRAJECTORY), "\"Done.\"", "\"Done " + hostile + "\"");
        replaceIn(dir.resolve(EvidenceFiles.ENTRIES), "\"Maya\"", "\"Maya " + hostile + "\"");
        replaceIn(dir.resolve(EvidenceFiles.TASK), "Book a check-up", "Book " + hostile);
        HtmlReport.write(run, MANIFEST, List.of(a), ReportOptions.defaults());
        for (Path page : List.of(dir.resolve("episode.html"), run.resolve("report.html"))) {
            String html = Files.readString(page);
            assertThat(html).as(page.toString()).doesNotContain("\u0000").doesNotContain("\u001B")
                    .doesNotContain("\uFFFF").doesNotContain("\u202E").doesNotContain("\u202C");
        }
        String ep = Files.readString(dir.resolve("episode.html"));
        String shown = "x\\u0000y\\u001B[31mz\\uFFFF \\u202Eevil\\u202C \u05D3\u05E0\u05D4\u2069";
        assertThat(ep).contains("\u2068Done " + shown).contains("\u2068Maya " + shown)
                .contains("\u2068Book " + shown.substring(0, shown.length() - 1) + " &lt;script&gt;");
    }

    private static void replaceIn(Path file, String from, String to) throws Exception {
        String s = Files.readString(file);
        assertThat(s).contains(from);
        Files.writeString(file, s.replace(from, to));
    }

    @Test
    void profileValuesMaskedUnlessRevealed() throws Exception {
        String html = writeAndRead(false);
        assertThat(html).doesNotContain(INSURANCE).doesNotContain(CARD).doesNotContain("4929118077345521")
                .contains("Insurance ID: US\u2022\u2022\u2022\u2022\u2022\u2022\u20224")
                .contains("Profile values</dt><dd>masked");
        String revealed = writeAndRead(true);
        assertThat(revealed).contains("Insurance ID: " + INSURANCE).contains(CARD);
    }

    @Test
    void privacyEventsTransientDisclosuresAndFindingsAtTheirSteps() throws Exception {
        String html = writeAndRead(false);
        assertThat(html).contains("Permissions asked <b>2</b> (granted 1, denied 1) \u00b7 profile reads <b>1</b> "
                + "\u00b7 memory saves <b>1</b> \u00b7 questions to the user <b>1</b> \u00b7 fields entered <b>3</b> "
                + "\u00b7 transient disclosures <b>1</b>");
        assertThat(section(html, 1)).contains("<span class=\"tag\">permission granted</span>READ_DATA <code>insurance_id</code>")
                .contains("<span class=\"tag\">op</span>asked to read PLAUSIBLE key");
        assertThat(section(html, 2)).contains("<span class=\"tag\">profile read</span><code>insurance_id</code> (HIGH)");
        assertThat(section(html, 3)).contains("<span class=\"tag\">permission denied</span>READ_DATA <code>bank_card</code>");
        assertThat(section(html, 4)).contains("<code>doctor/booking/patient_name</code> = \u201cMaya\u201d "
                + "<span class=\"dim\">(4 changes)</span>");
        assertThat(section(html, 5)).contains("<span class=\"tag\">transient disclosure</span><code>doctor/booking/notes"
                        + "</code> held \u201c49\u2022\u2022\u2022\u2022\u2022\u2022\u20221\u201d, then erased at step 6")
                .contains("<span class=\"tag\">leakage</span>").contains("class=\"step privacy has-penalty\"");
        assertThat(section(html, 6)).contains("class=\"step privacy invalid\"").contains("cleared");
        assertThat(section(html, 7)).contains("<span class=\"tag\">memory save</span><code>preferred_doctor</code> = "
                + "\u201cDr. Costa\u201d as LOW");
        assertThat(section(html, 8)).contains("<span class=\"tag\">asked the user</span>\u201cWhich slot?\u201d \u2192 \u201cMon\u201d");
        assertThat(section(html, 9)).contains("submitted doctor/booking/patient_name").contains("no screenshot");
        // every finding with a step links to it; the step-less one does not
        assertThat(html).contains("<a class=\"step-link\" href=\"#step-1\">step 1</a>")
                .contains("<a class=\"step-link\" href=\"#step-5\">step 5</a>");
        // thumbnails link relatively and enlarge through a :target lightbox
        assertThat(html).contains("<a href=\"#shot-1\" title=\"enlarge\"><img loading=\"lazy\" src=\"screens/step-0001.png\"")
                .contains("<div class=\"lightbox\" id=\"shot-1\">").doesNotContain("id=\"shot-9\"")
                .contains("href=\"../../report.html\"");
    }

    @Test
    void pagesAreRewrittenOnlyWhenTheirInputsChange() throws Exception {
        EpisodeAudit a = BundleFixture.richEpisode(run, "doctor-001__a", "a");
        Path page = run.resolve("episodes/doctor-001__a/episode.html");
        HtmlReport.write(run, MANIFEST, List.of(a), ReportOptions.defaults());
        Files.writeString(page, Files.readString(page) + "<!-- marker -->");
        HtmlReport.write(run, MANIFEST, List.of(a), ReportOptions.defaults());
        assertThat(Files.readString(page)).endsWith("<!-- marker -->");          // fresh: kept
        HtmlReport.write(run, MANIFEST, List.of(a), ReportOptions.defaults().withRevealValues(true));
        assertThat(Files.readString(page)).doesNotContain("<!-- marker -->").contains(INSURANCE);  // options changed
        Files.writeString(page, Files.readString(page) + "<!-- marker -->");
        Path traj = run.resolve("episodes/doctor-001__a").resolve(EvidenceFiles.TRAJECTORY);
        Files.setLastModifiedTime(traj, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        HtmlReport.write(run, MANIFEST, List.of(a), ReportOptions.defaults().withRevealValues(true));
        assertThat(Files.readString(page)).doesNotContain("<!-- marker -->");   // evidence newer: rewritten
    }

    @Test
    void usageIsShownWhenTheEvidenceHasIt() throws Exception {
        EpisodeAudit a = BundleFixture.richEpisode(run, "doctor-001__a", "a");
        EpisodeAudit b = BundleFixture.plainEpisode(run, "doctor-002__a", ReportFixture.task("doctor-002", "Cancel"), "a",
                true, 1.0, 1.0, 1.0, 2, List.of());
        // as the harness writes it (dev.discreet.tasks.evidence.Usage); the second has no price, so no costUsd
        usage(run.resolve("episodes/doctor-001__a"), "{\"promptTokens\":1200,\"completionTokens\":80,"
                + "\"latencyMs\":950.5,\"costUsd\":0.0125,\"calls\":3,\"retries\":1}");
        usage(run.resolve("episodes/doctor-002__a"), "{\"promptTokens\":800,\"completionTokens\":20,"
                + "\"latencyMs\":400,\"calls\":2,\"retries\":0}");
        HtmlReport.write(run, MANIFEST, List.of(a, b), ReportOptions.defaults());
        assertThat(Files.readString(run.resolve("episodes/doctor-001__a/episode.html"))).contains("<h4>Model usage</h4>")
                .contains("<td>promptTokens</td><td class=\"num\">1200</td>")
                .contains("<td>costUsd</td><td class=\"num\">0.0125</td>");
        assertThat(Files.readString(run.resolve("report.html"))).contains("Model usage (run totals)")
                .contains("<td>promptTokens</td><td class=\"num\">2000</td>")
                .contains("<td>latencyMs</td><td class=\"num\">1350.5</td>")
                .contains("<td>costUsd</td><td class=\"num\">0.0125 <span class=\"cnt\">(partial: known for 1 of 2)</span>");
    }

    private static void usage(Path dir, String usageJson) throws Exception {
        var ep = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(dir.resolve(EvidenceFiles.EPISODE).toFile());
        ep.set("usage", Json.mapper().readTree(usageJson));
        Files.writeString(dir.resolve(EvidenceFiles.EPISODE), Json.pretty(ep));
    }

    /** The HTML of one step's timeline entry. */
    private static String section(String html, int step) {
        int i = html.indexOf("id=\"step-" + step + "\"");
        assertThat(i).as("step %d present", step).isPositive();
        int start = html.lastIndexOf("<div class=\"step", i);
        int end = html.indexOf("<div class=\"step", i);
        return html.substring(start, end < 0 ? html.indexOf("</section>", i) : end);
    }
}
