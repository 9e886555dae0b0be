package dev.discreet.harness.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.agent.SessionRole;
import dev.discreet.harness.device.Observation;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.WriteMode;
import dev.discreet.tasks.evidence.Bounds;
import dev.discreet.tasks.evidence.UiElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference agent's plan steps over widgets, on element lists as the device reports them: which element it taps
 * (by its centre), when it advances, and that a plan step never sets a value other than by a tap or typed keys.
 */
class PlanFollowerWidgetsTest {
    static UiElement el(String role, String text, String label, int top, boolean checked, List<String> options, String group) {
        return new UiElement(0, role, text, label, null, new Bounds(0, top, 100, top + 50), !"dialog".equals(role)
                && !"heading".equals(role), "textfield".equals(role), false, checked, options, group);
    }

    static PlanFollower follower(String planJson) throws Exception {
        String json = """
                {"id":"t","app":"doctor","goal":"g","difficulty":"EASY","vagueness":"EXPLICIT","kind":"EXPLICIT_BOOKING",
                 "classification":{},"decisions":{"intents":{}},"success":[{"table":"x","where":[],"expect":"PRESENT"}],"plan":%s}""".formatted(planJson);
        Task task = Json.mapper().readValue(json, Task.class);
        return new PlanFollower(new EpisodeBrief("g", Map.of(), Map.of(), Map.of(), List.of("doctor"), WriteMode.FULL, 50,
                SessionRole.SINGLE), task, false);
    }

    static AgentDecision step(PlanFollower f, UiElement... els) {
        List<UiElement> list = new ArrayList<>(List.of(els));
        return f.next(new AgentInput(1, new Observation(new byte[0], 1082, 2402, list, "u", "t"), null, null));
    }

    @Test
    void fillOnADropdownOpensItsSheetThenTapsTheOption() throws Exception {
        PlanFollower f = follower("[{\"op\":\"fill\",\"label\":\"Visit type\",\"value\":\"Video call\"},{\"op\":\"terminate\",\"status\":\"success\"}]");
        UiElement select = el("select", "Choose…", "Visit type *", 1000, false, List.of("In person", "Video call"), null);
        AgentDecision open = step(f, select);
        assertThat(open.action().y()).isEqualTo(1025);
        AgentDecision pick = step(f, el("dialog", "Visit type", null, 1500, false, null, null),
                el("option", "In person", null, 1600, false, null, "Visit type"),
                el("option", "Video call", null, 1700, false, null, "Visit type"),
                el("button", "Close", null, 1800, false, null, "Visit type"));
        assertThat(pick.action().name()).isEqualTo("click");
        assertThat(pick.action().y()).isEqualTo(1725);
        assertThat(step(f, el("select", "Video call", "Visit type *", 1000, false, List.of("In person", "Video call"), null))
                .action().name()).isEqualTo("terminate");
    }

    @Test
    void checkboxesAndTogglesAreTappedOnlyWhenTheirStateDiffers() throws Exception {
        PlanFollower f = follower("[{\"op\":\"fill\",\"label\":\"Send me offers\",\"value\":\"off\"},"
                + "{\"op\":\"fill\",\"label\":\"I accept the terms\",\"value\":\"yes\"},{\"op\":\"terminate\",\"status\":\"success\"}]");
        UiElement offers = el("checkbox", "", "Send me offers", 1000, true, null, null);
        UiElement terms = el("switch", "", "I accept the terms *", 1200, true, null, null);
        AgentDecision untick = step(f, offers, terms);
        assertThat(untick.action().y()).isEqualTo(1025);
        // Already on: no tap, the plan moves on.
        assertThat(step(f, el("checkbox", "", "Send me offers", 1000, false, null, null), terms).action().name())
                .isEqualTo("terminate");
    }

    @Test
    void radioIsChosenWithinItsGroupAndConfirmationDialogsAreConfirmed() throws Exception {
        PlanFollower f = follower("[{\"op\":\"fill\",\"label\":\"Contact\",\"value\":\"Email\"},"
                + "{\"op\":\"tap\",\"label\":\"Confirm booking\"},{\"op\":\"terminate\",\"status\":\"success\"}]");
        UiElement phone = el("radio", "", "Phone", 1000, false, null, "Contact");
        UiElement email = el("radio", "", "Email", 1100, false, null, "Contact");
        UiElement otherEmail = el("radio", "", "Email", 1300, false, null, "Newsletter");
        assertThat(step(f, phone, otherEmail, email).action().y()).isEqualTo(1125);
        assertThat(step(f, el("button", "Confirm booking", null, 2000, false, null, null)).action().y()).isEqualTo(2025);
        // The dialog the tap opened is confirmed before the plan terminates.
        AgentDecision confirm = step(f, el("dialog", "Confirm booking?", null, 1500, false, null, null),
                el("heading", "Confirm booking?", null, 1500, false, null, "Confirm booking?"),
                el("button", "Confirm", null, 1700, false, null, "Confirm booking?"),
                el("button", "Go back", null, 1800, false, null, "Confirm booking?"));
        assertThat(confirm.action().y()).isEqualTo(1725);
        assertThat(step(f).action().name()).isEqualTo("terminate");
    }

    @Test
    void aFieldOnTheNextPageIsReachedThroughNext() throws Exception {
        PlanFollower f = follower("[{\"op\":\"fill\",\"label\":\"Reason\",\"value\":\"Rash\"},{\"op\":\"terminate\",\"status\":\"success\"}]");
        UiElement[] page1 = {el("textfield", "", "Full name", 500, false, null, null), el("button", "Next", null, 2200, false, null, null)};
        // Not on screen: scroll down; the screen does not move (end of page): tap Next.
        assertThat(step(f, page1).action().name()).isEqualTo("swipe");
        AgentDecision next = step(f, page1);
        assertThat(next.action().name()).isEqualTo("click");
        assertThat(next.action().y()).isEqualTo(2225);
        AgentDecision fill = step(f, el("textfield", "", "Reason *", 700, false, null, null));
        assertThat(fill.action().y()).isEqualTo(725);
    }

    @Test
    void pickNavigatesTheCalendarToTheMonthAndTapsTheDay() throws Exception {
        PlanFollower f = follower("[{\"op\":\"pick\",\"label\":\"Start\",\"value\":\"2026-10-05\"},{\"op\":\"terminate\",\"status\":\"success\"}]");
        assertThat(step(f, el("textfield", "", "Start *", 500, false, null, null),
                el("button", "📅", "Choose date: Start", 500, false, null, null)).action().name()).isEqualTo("click");
        UiElement dialog = el("dialog", "Start", null, 1000, false, null, null);
        UiElement title = el("text", "November 2026", null, 1100, false, null, "Start");
        UiElement prev = el("button", "‹", "Previous month", 1100, false, null, "Start");
        assertThat(step(f, dialog, title, prev).action().y()).isEqualTo(1125);
        AgentDecision day = step(f, dialog, el("text", "October 2026", null, 1100, false, null, "Start"), prev,
                el("button", "5", "Mon 5 Oct 2026", 1400, false, null, "Start"));
        assertThat(day.action().y()).isEqualTo(1425);
        assertThat(step(f, el("textfield", "2026-10-05", "Start *", 500, false, null, null)).action().name()).isEqualTo("terminate");
    }
}
