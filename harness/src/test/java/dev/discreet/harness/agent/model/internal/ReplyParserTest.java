package dev.discreet.harness.agent.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.harness.agent.model.CoordinateConvention;
import dev.discreet.tasks.Intent;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.Bounds;
import dev.discreet.tasks.evidence.UiElement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyParserTest {
    static final List<UiElement> ELEMENTS = List.of(new UiElement(4, "button", "Book", null, null,
            new Bounds(100, 100, 201, 151), true, false, false, false));
    final ReplyParser pixels = new ReplyParser(new Screens(CoordinateConvention.PIXELS, 1082, 2402), ELEMENTS);

    @Test
    void fencesProseAndSeveralActions() {
        ReplyParser.Parsed p = pixels.parse("Thought: the button is there.\n```json\n{\"action\": \"click\", \"x\": 10, "
                + "\"y\": 20}\n```\nThen {\"action\":\"type\",\"text\":\"x\"}");
        assertThat(p.action()).isEqualTo(Action.click(10, 20));
        assertThat(p.reasoning()).startsWith("the button is there.");
        assertThat(p.error()).isNull();
    }

    @Test
    void bracesInsideStringsAndNestedForms() {
        assertThat(pixels.parse("{\"action\":\"type\",\"text\":\"a } { b\"}").action()).isEqualTo(Action.type("a } { b"));
        assertThat(pixels.parse("{\"action\":{\"name\":\"open\",\"app\":\"MediBook\"}}").action())
                .isEqualTo(Action.open("MediBook"));
        assertThat(pixels.parse("{\"name\":\"click\",\"coordinate\":[5,6]}").action()).isEqualTo(Action.click(5, 6));
    }

    @Test
    void toolCallStyleArgumentsAreUnwrapped() {
        // {"name": ..., "arguments": {...}} (and OpenAI's arguments-as-a-string) used to fail with "missing 'x'".
        assertThat(pixels.parse("{\"name\":\"click\",\"arguments\":{\"x\":10,\"y\":20}}").action())
                .isEqualTo(Action.click(10, 20));
        assertThat(pixels.parse("{\"name\":\"type\",\"arguments\":\"{\\\"text\\\":\\\"Mara\\\"}\"}").action())
                .isEqualTo(Action.type("Mara"));
        assertThat(pixels.parse("{\"action\":{\"name\":\"open\",\"args\":{\"app\":\"MediBook\"}}}").action())
                .isEqualTo(Action.open("MediBook"));
        ReplyParser.Parsed bad = pixels.parse("{\"name\":\"click\",\"arguments\":[10,20]}");
        assertThat(bad.action()).isNull();
        assertThat(bad.error()).isEqualTo("'arguments' must be an object holding the action's arguments, such as "
                + "{\"x\":100,\"y\":200}, was [10,20]");
    }

    @Test
    void privacyTools() {
        Action a = pixels.parse("{\"action\":\"request_permission\",\"intent\":\"read_data\",\"resource_id\":"
                + "\"id_number\",\"reason\":\"the form needs it\"}").action();
        assertThat(a).isEqualTo(Action.requestPermission(Intent.READ_DATA, "id_number", "the form needs it"));
        assertThat(pixels.parse("{\"action\":\"ask_user\",\"question\":\"Which?\",\"options\":[\"A\",\"B\"]}").action())
                .isEqualTo(Action.askUser("Which?", List.of("A", "B")));
    }

    @Test
    void elementIndexBecomesItsCentre() {
        assertThat(pixels.parse("{\"action\":\"click\",\"element\":4}").action()).isEqualTo(Action.click(150, 125));
        assertThat(pixels.parse("{\"action\":\"click\",\"element\":9}").error())
                .isEqualTo("element 9 is not on the screen (indices on this screen: 4..4)");
    }

    @Test
    void conventionsMapBackToPixels() {
        ReplyParser unit = new ReplyParser(new Screens(CoordinateConvention.UNIT, 1000, 2000), List.of());
        assertThat(unit.parse("{\"action\":\"click\",\"x\":0.25,\"y\":1.0}").action()).isEqualTo(Action.click(250, 1999));
        ReplyParser thousandths = new ReplyParser(new Screens(CoordinateConvention.THOUSANDTHS, 1082, 2402), List.of());
        assertThat(thousandths.parse("{\"action\":\"click\",\"x\":500,\"y\":500}").action()).isEqualTo(Action.click(541, 1201));
        Screens resized = new Screens(CoordinateConvention.RESIZED, 1082, 2402);
        assertThat(resized.sentWidth()).isEqualTo(588); // 1082 × 1288/2402 = 580.2 → 21 × 28
        assertThat(resized.sentHeight()).isEqualTo(1288);
        assertThat(new ReplyParser(resized, List.of()).parse("{\"action\":\"click\",\"x\":294,\"y\":644}").action())
                .isEqualTo(Action.click(541, 1201));
    }

    @Test
    void unusableRepliesGiveReasonsNotExceptions() {
        assertThat(pixels.parse("").error()).isEqualTo("the reply was empty");
        assertThat(pixels.parse("just prose").error()).startsWith("no JSON action found");
        assertThat(pixels.parse("{\"action\": \"click\", \"x\": 1,}").error()).startsWith("the JSON at character 0 is malformed");
        assertThat(pixels.parse("{\"action\":\"click\",\"x\":\"left\",\"y\":2}").error())
                .isEqualTo("'x' must be a number, was \"left\"");
        assertThat(pixels.parse("{\"action\":\"request_permission\",\"intent\":\"steal\"}").error())
                .startsWith("unknown intent 'steal'");
        assertThat(pixels.parse("{\"action\":\"click\",\"x\":3}").error()).isEqualTo("click: give both 'x' and 'y'");
        assertThat(pixels.parse("{\"foo\":1} {\"bar\":2").error()).startsWith("no JSON action found");
    }
}
