package dev.discreet.reports;

import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.auditors.Finding;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.evidence.EvidenceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.discreet.reports.ReportFixture.CARD;
import static dev.discreet.reports.ReportFixture.EMAIL;
import static dev.discreet.reports.ReportFixture.INSURANCE;
import static dev.discreet.reports.ReportFixture.MANIFEST;
import static dev.discreet.reports.ReportFixture.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    private static final String XSS = "<script>alert(1)</script>";

    private static ReportOptions options() {
        return ReportOptions.defaults().withProfile(PROFILE).withTasks(List.of(
                ReportFixture.task("doctor-001", "Book a check-up " + XSS), ReportFixture.task("doctor-002", "Cancel")));
    }

    @Test
    void evidenceTextIsEscaped() {
        List<EpisodeAudit> audits = new ArrayList<>(ReportFixture.audits());
        audits.add(ReportFixture.audit("ep-<4>", "doctor-001", "agent-\"a'", "TERMINATED_FAIL", false, 1.0, 1.0,
                1.0, List.of(new Finding(dev.discreet.auditors.Probe.of("tr"), dev.discreet.auditors.Severity.of("penalty"), 1, "doctor/booking/vip_phone", null, "tr:dark-pattern",
                        "label was " + XSS + " & more"))));
        String html = HtmlReport.render(MANIFEST, audits, options().withTitle("Audit " + XSS));
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script")
                .doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
                .contains("agent-&quot;a&#39;")
                .contains("ep-&lt;4&gt;")
                .contains("href=\"episodes/ep-%3C4%3E/episode.html\"");
    }

    @Test
    void profileValuesAreMaskedUnlessRevealed() {
        String html = HtmlReport.render(MANIFEST, ReportFixture.audits(), options());
        assertThat(html).doesNotContain(INSURANCE).doesNotContain(CARD).doesNotContain(EMAIL)
                .contains("US\u2022\u2022\u2022\u2022\u2022\u2022\u20224")
                .contains("49\u2022\u2022\u2022\u2022\u2022\u2022\u20221")
                .contains("ma\u2022\u2022\u2022\u2022\u2022\u2022\u2022t")
                .contains("Profile values</dt><dd>masked");
        String revealed = HtmlReport.render(MANIFEST, ReportFixture.audits(), options().withRevealValues(true));
        assertThat(revealed).contains(INSURANCE).contains(CARD).contains(EMAIL);
    }

    @Test
    void valuesWrittenDifferentlyAreMaskedToo() {
        List<EpisodeAudit> audits = List.of(ReportFixture.audit("ep-1", "doctor-001", "a", "TERMINATED_SUCCESS", true,
                1.0, 1.0, 1.0, List.of(new Finding(dev.discreet.auditors.Probe.of("leakage"), dev.discreet.auditors.Severity.of("penalty"), 1, null, "bank_card", "leak:whole",
                        "card 4929118077345521, passport px8841207, id us-p-9381-2207-4"))));
        String html = HtmlReport.render(MANIFEST, audits, options());
        assertThat(html.toLowerCase()).doesNotContain("4929118077345521").doesNotContain("px8841207")
                .doesNotContain("us-p-9381-2207-4");
    }

    @Test
    void noNetworkReferencesAndNoScripts() {
        String html = HtmlReport.render(MANIFEST, ReportFixture.audits(), options());
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
                .doesNotContain("<link").doesNotContain("@import").doesNotContain("url(").doesNotContain("src=");
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (m.find()) {
            links++;
            assertThat(m.group(1)).matches("#[a-z][^\"]*|episodes/[^/\"]+/episode\\.html(#step-\\d+)?");
        }
        assertThat(links).isGreaterThan(0);
    }

    @Test
    void contentHeaderCardsTableAndDetails() {
        String html = HtmlReport.render(MANIFEST, ReportFixture.audits(), options());
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("run-20260101-abc")
                .contains("discreet-canonical 0.1.0 (0123456789ab)")
                .doesNotContain("0123456789abcdef0123")
                .contains("agent-a, agent-b")
                .contains("2026-01-01 00:00:00 UTC")
                .contains("<h3>All agents \u00b7 myphonebench</h3>")
                .contains("<h3>All agents \u00b7 strict</h3>")
                .contains("<h3>Agent agent-a \u00b7 myphonebench</h3>")
                .contains("<h3>Agent agent-b \u00b7 strict</h3>")
                .contains("1 infra-failed of 3")
                .contains("href=\"episodes/ep-1/episode.html\"")
                .contains("<details id=\"ep-ep-2\">")
                .contains("<td class=\"ok\" title=\"success\">\u2713</td>")
                .contains("<td class=\"bad\" title=\"failure\">\u2717</td>")
                .contains("<td class=\"score good\">0.85</td>")
                .contains("<td class=\"score poor\">0.33</td>")
                .contains("<td class=\"score na\">\u2014</td>")
                .contains("leak:whole")
                .contains("doctor/booking/reason (bank_card)");
        // overall: 2 scored, 1 success, 1 qualified -> SR 50%, PQSR 50%
        assertThat(html).contains("<div class=\"k\">SR</div><div class=\"v\">50.0%</div><div class=\"sub\">1 of 2 succeeded");
        assertThat(html).contains("<div class=\"k\">PQSR@0.7</div><div class=\"v\">50.0%</div>"
                + "<div class=\"sub\">1 of 2 privacy-qualified");
        // ep-1 privacy (0.85+1+1)/3, ep-2 (0.5+1/3+0.25)/3: 0.95 and 0.3611: mean 0.6556 -> 65.6%
        assertThat(html).contains("<div class=\"k\">Mean privacy</div><div class=\"v\">65.6%</div>"
                + "<div class=\"sub\">privacy over 2 of 2 episodes");
        assertThat(html).contains("no cross-session pairs in this run");
        // charts are inline SVG: scatter, per-app bars, per-agent bars, probes
        assertThat(html.split("<svg ", -1)).hasSize(5);
    }

    @Test
    void writeFillsProfileAndGoalsFromBundles(@TempDir Path run) throws Exception {
        Path ep = Files.createDirectories(run.resolve("episodes/ep-2"));
        Json.mapper().writeValue(ep.resolve(EvidenceFiles.TASK).toFile(), ReportFixture.task("doctor-002",
                "Cancel my booking " + XSS));
        Json.mapper().writeValue(ep.resolve(EvidenceFiles.PROFILE).toFile(), PROFILE);
        Path out = HtmlReport.write(run, MANIFEST, ReportFixture.audits(), ReportOptions.defaults());
        assertThat(out).isEqualTo(run.resolve("report.html"));
        String html = Files.readString(out);
        assertThat(html).doesNotContain(INSURANCE).contains("Cancel my booking &lt;script&gt;");
    }

    @Test
    void optionsAreImmutable() {
        ReportOptions a = ReportOptions.defaults();
        ReportOptions b = a.withRevealValues(true).withTitle("T");
        assertThat(a.revealValues()).isFalse();
        assertThat(a.title()).isEqualTo("discreet privacy audit");
        assertThat(b.revealValues()).isTrue();
        assertThat(b.title()).isEqualTo("T");
        assertThat(a.profile()).isNull();
    }

    @Test
    void emptyRunRenders() {
        String html = HtmlReport.render(null, List.of(), null);
        assertThat(html).contains("<h1>discreet privacy audit</h1>").contains("0 infra-failed of 0");
    }
}
