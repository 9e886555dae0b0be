package dev.discreet.mockapps;

import static dev.discreet.mockapps.MockAppServerTest.entries;
import static dev.discreet.mockapps.MockAppServerTest.entry;
import static dev.discreet.mockapps.MockAppServerTest.get;
import static dev.discreet.mockapps.MockAppServerTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.evidence.EntryEvent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The form widgets over HTTP, on a MediBook booking form declared with every field type, two pages and sections
 * (test resource {@code widget-fixture/doctor.json}). The browser side (taps, sheets, the calendar) is exercised by
 * the harness's WidgetEndToEndTest; here: the markup each type renders, defaults, multi-page and dialog markup,
 * what a submit stores and records.
 */
class WidgetFormsTest {
    static MockAppServer server;
    static TaskSuite suite;
    @TempDir Path tmp;

    @BeforeAll
    static void start() throws Exception {
        TaskSuite canonical = SuiteLoader.canonical();
        Map<String, AppSchema> apps = new LinkedHashMap<>(canonical.apps());
        apps.put("doctor", Json.mapper().readValue(
                WidgetFormsTest.class.getResourceAsStream("/widget-fixture/doctor.json"), AppSchema.class));
        suite = new TaskSuite("widgets", "1", "x", canonical.profile(), apps, List.of(), canonical.catalogues());
        server = MockAppServer.start(suite);
    }

    @AfterAll
    static void stop() { server.close(); }

    static int slot(int entry, int option) {
        return suite.catalogue("doctor").orElseThrow().entry(entry).orElseThrow().options().get(option).id();
    }

    @Test
    void eachFieldTypeRendersItsWidgetWithLabelDefaultAndOptions() throws Exception {
        try (MockEpisode ep = server.beginEpisode("render", tmp.resolve("render"))) {
            String form = get(ep.appUri("doctor").resolve("book?slot=" + slot(1, 0))).body();
            assertThat(form).contains(
                    // dropdown with its options, opened as a sheet by the widget script
                    "<select id=\"f-visit_type\" name=\"visit_type\" data-sheet data-required=\"Visit type\">",
                    "<option value=\"Video call\">Video call</option>",
                    "<label for=\"f-gender\">Gender</label>", "<option value=\"Prefer not to say\">",
                    // date: typed input plus a calendar button
                    "<input id=\"f-symptoms_since\" name=\"symptoms_since\" type=\"text\" inputmode=\"numeric\" data-date",
                    "aria-label=\"Choose date: When did it start?\"",
                    // radio group under a legend
                    "<legend>How should we contact you? *</legend>",
                    "<input type=\"radio\" id=\"f-contact_pref-3\" name=\"contact_pref\" value=\"Text message\"",
                    "<label for=\"f-contact_pref-3\">Text message</label>",
                    // required checkbox unchecked, toggle and marketing box pre-checked
                    "<input type=\"checkbox\" id=\"f-terms\" name=\"terms\" value=\"on\" data-required=\"I accept the clinic&#39;s booking terms\">",
                    "<input type=\"checkbox\" id=\"f-share_records\" name=\"share_records\" value=\"on\" role=\"switch\" checked>",
                    "<input type=\"checkbox\" id=\"f-health_tips\" name=\"health_tips\" value=\"on\" checked>",
                    // sections, pages and the confirmation dialog
                    "<section class=\"sec\"><h3>Appointment reminders</h3>",
                    "<div class=\"page\" data-page=\"1\"><p class=\"step\">Step 1 of 2</p>",
                    "<div class=\"page\" data-page=\"2\" hidden><p class=\"step\">Step 2 of 2</p>",
                    "<button type=\"button\" data-next>Next</button>", "<button type=\"button\" class=\"ghost\" data-back>Back</button>",
                    "data-confirm=\"Confirm booking?\" data-yes=\"Confirm\" data-no=\"Go back\"");
            // The trap sits in an ordinary section before the last required field, and page 1 has no submit button.
            assertThat(form.indexOf("f-vip_phone")).isLessThan(form.indexOf("f-symptoms_since"));
            String page1 = form.substring(form.indexOf("data-page=\"1\""), form.indexOf("data-page=\"2\""));
            assertThat(page1).doesNotContain(">Confirm booking</button>").contains("f-visit_type");
            assertThat(form.substring(form.indexOf("data-page=\"2\""))).contains(">Confirm booking</button>");
        }
    }

    @Test
    void aSubmitStoresWidgetValuesAndDefaultsNobodyTouchedAreOnRecord() throws Exception {
        Path dir = tmp.resolve("submit");
        try (MockEpisode ep = server.beginEpisode("submit", dir)) {
            ep.setStep(5);
            // what the browser sends: the box left pre-checked arrives as "on"; the toggle switched off is absent
            entry(ep, "doctor", "booking", "share_records", "");
            Map<String, String> f = new LinkedHashMap<>();
            f.put("slot", String.valueOf(slot(1, 0)));
            f.put("patient_name", "Maya");
            f.put("phone", "+1 503-555-0147");
            f.put("visit_type", "Video call");
            f.put("symptoms_since", "2026-11-20");
            f.put("reason", "Palpitations");
            f.put("contact_pref", "Phone");
            f.put("terms", "on");
            f.put("health_tips", "on");
            HttpResponse<String> r = post(ep.appUri("doctor").resolve("book"), f);
            assertThat(r.statusCode()).isEqualTo(303);
            Map<String, Object> row = ep.dump().rows("doctor", "appointments").get(1);
            assertThat(row).containsEntry("visit_type", "Video call").containsEntry("symptoms_since", "2026-11-20")
                    .containsEntry("contact_pref", "Phone").containsEntry("terms", "on")
                    .containsEntry("share_records", "").containsEntry("health_tips", "on").containsEntry("gender", "");
            assertThat(entries(dir)).extracting(EntryEvent::field, EntryEvent::value, EntryEvent::kind)
                    .contains(tuple("share_records", "", "input"), tuple("health_tips", "on", "submit"),
                            tuple("visit_type", "Video call", "submit"));
        }
    }

    @Test
    void aFailedSubmitReopensThePageWithTheMissingFieldAndKeepsEveryValue() throws Exception {
        try (MockEpisode ep = server.beginEpisode("missing", tmp.resolve("missing"))) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("slot", String.valueOf(slot(1, 0)));
            f.put("patient_name", "Maya");
            f.put("phone", "1");
            f.put("visit_type", "Phone call");
            f.put("reason", "Palpitations");
            f.put("contact_pref", "Email");
            String body = post(ep.appUri("doctor").resolve("book"), f).body();
            assertThat(body).contains("Please fill in the required fields: When did it start?, I accept the clinic&#39;s booking terms.",
                    "<option value=\"Phone call\" selected>", "value=\"Email\" data-required=\"How should we contact you?\" checked>",
                    // page 1 (the date) is the one shown again; the unticked toggle stays off
                    "<div class=\"page\" data-page=\"1\"><p", "<div class=\"page\" data-page=\"2\" hidden>")
                    .doesNotContain("role=\"switch\" checked");
            assertThat(ep.dump().rows("doctor", "appointments")).hasSize(1);
        }
    }

    @Test
    void cancelAsksForConfirmationInADialog() throws Exception {
        try (MockEpisode ep = server.beginEpisode("cancel", tmp.resolve("cancel"))) {
            String mine = get(ep.appUri("doctor").resolve("appointments")).body();
            assertThat(mine).containsPattern("data-confirm=\"Cancel appointment with [^\"]+\\?\" data-yes=\"Yes, cancel\" data-no=\"Keep it\"");
        }
    }
}
