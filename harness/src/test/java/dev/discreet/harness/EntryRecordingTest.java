package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.device.ChromiumPhone;
import dev.discreet.harness.device.ChromiumPhoneOptions;
import dev.discreet.harness.device.Observation;
import dev.discreet.harness.device.ScreenshotFormat;
import dev.discreet.mockapps.MockAppServer;
import dev.discreet.mockapps.MockEpisode;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.EntryEvent;
import dev.discreet.tasks.evidence.EvidenceBundle;
import dev.discreet.tasks.evidence.EvidenceFiles;
import dev.discreet.tasks.evidence.UiElement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * Form entries travel from the page to the server without blocking typing (recorder.js), yet the record stays
 * complete and ordered: every keystroke's value, including typed-then-erased ones, is on the server by the time the
 * next observation returns, and a form submitted from a confirmation dialog has reached the app by then too.
 */
@org.junit.jupiter.api.Tag("device") // real Appium + Chromium: integration-test phase (Failsafe)
@Timeout(120)
class EntryRecordingTest {
    static MockAppServer apps;
    static ChromiumPhone phone;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        apps = MockAppServer.start(SuiteLoader.canonical());
        phone = ChromiumPhone.connect(SharedAppium.url(), ChromiumPhoneOptions.defaults().withScreenshots(ScreenshotFormat.NONE));
    }

    @AfterAll
    static void stop() {
        phone.close();
        apps.close();
    }

    static UiElement find(Observation o, String label) {
        return o.elements().stream().filter(e -> e.name().startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' in " + o.elements()));
    }

    static void tap(UiElement e) {
        phone.act(Action.click(e.bounds().centerX(), e.bounds().centerY()), null);
    }

    /** The element whose name starts with {@code label}, scrolled well inside the screen first. */
    static UiElement onScreen(String label) {
        Observation o = phone.observe();
        for (int i = 0; i < 12; i++) {
            UiElement e = o.elements().stream().filter(x -> x.name().startsWith(label)).findFirst().orElse(null);
            int y = e == null ? Integer.MAX_VALUE : e.bounds().centerY();
            if (y > 120 && y < phone.screenHeight() - 120) return e;
            phone.act(Action.swipe(y <= 120 ? "down" : "up"), null);
            o = phone.observe();
        }
        throw new AssertionError("'" + label + "' never came onto the screen: " + o.elements());
    }

    static void fill(String label, String text) {
        tap(onScreen(label));
        phone.observe();
        phone.act(Action.type(text), null);
        phone.observe();
    }

    /** A dropdown: its sheet opens on a tap, and the option is tapped in the sheet. */
    static void choose(String label, String option) {
        tap(onScreen(label));
        Observation sheet = phone.observe();
        UiElement o = sheet.elements().stream().filter(e -> "option".equals(e.role()) && option.equals(e.name()))
                .findFirst().orElseThrow(() -> new AssertionError("no option '" + option + "' in " + sheet.elements()));
        tap(o);
        phone.observe();
    }

    /**
     * StayEasy's form for option 140 (Heron Lodge, Mon 20:00). The hotel books real dates since suite 0.3.0 (calendar
     * from Thursday 10 December 2026): that option's first date is Monday 14 December.
     */
    static final String HOTEL_FORM = "book?option=140&date=2026-12-14";

    static List<EntryEvent> entries(Path dir) {
        return EvidenceBundle.readLines(dir.resolve(EvidenceFiles.ENTRIES), EntryEvent.class);
    }

    @Test
    void everyKeystrokeIncludingErasedOnesIsOnRecordInOrderWhenTheNextObservationReturns() {
        try (MockEpisode ep = apps.beginEpisode("typed", dir)) {
            phone.reset(ep.appUri("hotel").resolve(HOTEL_FORM));
            Observation form = phone.observe();
            ep.setStep(1);
            tap(find(form, "Full name"));
            phone.observe();
            ep.setStep(2);
            // Typed, erased key by key, typed again: one key sequence, as an agent's type action sends it.
            phone.act(Action.type("Maya" + Keys.BACK_SPACE.toString().repeat(4) + "Ann"), null);
            // No wait of any kind here: the observation itself must not return before the server has them all.
            Observation after = phone.observe();
            assertThat(find(after, "Full name").text()).isEqualTo("Ann");
            assertThat(entries(dir)).extracting(EntryEvent::value)
                    .containsExactly("M", "Ma", "May", "Maya", "May", "Ma", "M", "", "A", "An", "Ann");
            assertThat(entries(dir)).allSatisfy(e -> {
                assertThat(e.step()).isEqualTo(2);
                assertThat(e.field()).isEqualTo("full_name");
            });
            assertThat(ep.dump().rows("hotel", "drafts")).anySatisfy(r -> {
                assertThat(r.get("field")).isEqualTo("full_name");
                assertThat(r.get("value")).isEqualTo("Ann");
            });
        }
    }

    @Test
    void aBookingConfirmedInTheDialogHasReachedTheAppWhenTheDeviceSettles() {
        try (MockEpisode ep = apps.beginEpisode("confirmed", dir)) {
            phone.reset(ep.appUri("hotel").resolve(HOTEL_FORM));
            phone.observe();
            int before = ep.dump().rows("hotel", "bookings").size();
            // Every required field of the hotel form (suite 0.3.0): text boxes, and the guests and nights dropdowns' sheets.
            fill("Full name", "Maya Okonkwo-Lindqvist");
            fill("Phone number", "+1 503-555-0147");
            fill("Email address", "maya@example.org");
            choose("Number of guests", "1");
            choose("Number of nights", "2");
            fill("City of residence", "Portland");
            fill("Emergency contact name", "Lena Okonkwo");
            Observation o = phone.observe();
            for (int i = 0; i < 8 && o.elements().stream().noneMatch(e -> e.role().equals("dialog")); i++) {
                UiElement submit = o.elements().stream().filter(e -> e.role().equals("button") && e.group() == null
                        && e.text().startsWith("Confirm"))
                        .findFirst().orElse(null);
                if (submit == null) {
                    phone.act(Action.swipe("up"), null);
                } else {
                    tap(submit);
                }
                o = phone.observe();
            }
            UiElement confirm = o.elements().stream().filter(e -> "button".equals(e.role()) && e.group() != null
                    && e.text().equals("Confirm")).findFirst().orElseThrow(() -> new AssertionError("no dialog"));
            tap(confirm);
            // The confirm button calls f.submit(): no wait here but the device's own.
            phone.settle();
            assertThat(ep.dump().rows("hotel", "bookings")).hasSize(before + 1);
        }
    }
}
