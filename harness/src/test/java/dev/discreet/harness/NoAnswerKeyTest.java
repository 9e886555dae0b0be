package dev.discreet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.auditors.EpisodeAudit;
import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.agent.SessionRole;
import dev.discreet.harness.agent.ToolResult;
import dev.discreet.harness.agent.internal.ScriptedAgent;
import dev.discreet.harness.device.Observation;
import dev.discreet.harness.run.BenchmarkRunner;
import dev.discreet.harness.run.RunOptions;
import dev.discreet.harness.run.RunResult;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.Level;
import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.WriteMode;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.Bounds;
import dev.discreet.tasks.evidence.UiElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No answer key: what a benchmarked agent receives holds only what the user says and the phone shows. By reflection
 * over the agent API, and in a real run through Appium and Chromium with a custom agent registered the public way.
 */
class NoAnswerKeyTest {
    /** Every type an agent can reach from what it is handed. Anything new here needs a look: is it the answer key? */
    private static final Set<Class<?>> ALLOWED = Set.of(EpisodeBrief.class, AgentInput.class, Observation.class,
            ToolResult.class, UiElement.class, Bounds.class,
            dev.discreet.harness.device.ScreenshotFormat.class, SessionRole.class, Level.class, WriteMode.class,
            String.class, Map.class, List.class, byte[].class, byte.class, int.class, boolean.class, double.class,
            Integer.class, Double.class, Boolean.class);

    /** The types reachable from {@code roots} through public accessors, fields and record components. */
    private static Set<Class<?>> reachable(Class<?>... roots) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(roots));
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!seen.add(c)) continue;
            // Only the project's own classes are walked: java.* and enums are leaves.
            if (c.isPrimitive() || c.isArray() || c.isEnum() || !c.getName().startsWith("dev.discreet.")) continue;
            List<Type> types = new ArrayList<>();
            if (c.isRecord()) for (RecordComponent rc : c.getRecordComponents()) types.add(rc.getGenericType());
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass() == Object.class || m.getDeclaringClass() == Record.class) continue;
                if (Modifier.isStatic(m.getModifiers())) continue;
                types.add(m.getGenericReturnType());
            }
            for (Field f : c.getFields()) types.add(f.getGenericType());
            for (Type t : types) collect(t, todo);
        }
        return seen;
    }

    private static void collect(Type t, Collection<Class<?>> out) {
        if (t instanceof Class<?> k) {
            if (k != void.class) out.add(k);
        } else if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), out);
            for (Type a : p.getActualTypeArguments()) collect(a, out);
        } else if (t instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), out);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) collect(b, out);
        }
    }

    @Test
    void theAgentApiReachesNothingOfTheTask() {
        // What Agent's methods are handed.
        Set<Class<?>> handed = new LinkedHashSet<>();
        for (Method m : Agent.class.getMethods()) handed.addAll(List.of(m.getParameterTypes()));
        assertThat(handed).containsExactlyInAnyOrder(EpisodeBrief.class, AgentInput.class);

        Set<Class<?>> reach = reachable(EpisodeBrief.class, AgentInput.class);
        assertThat(reach).isSubsetOf(ALLOWED);
        assertThat(reach).doesNotContain(Task.class, dev.discreet.tasks.Classification.class,
                dev.discreet.tasks.DecisionTable.class, dev.discreet.tasks.PlanStep.class,
                dev.discreet.tasks.VerificationRule.class, dev.discreet.tasks.ExpectedSave.class,
                dev.discreet.tasks.PairLink.class);
        assertThat(List.of(EpisodeBrief.class.getRecordComponents())).extracting(RecordComponent::getName)
                .containsExactly("goal", "lowProfile", "highKeys", "appLevels", "apps", "writeMode", "maxSteps",
                        "session");
    }

    @Test
    void onlyTheHarnessOwnScriptedAgentsCanBeHandedATask() {
        // Sealed: the JVM refuses any other implementation, so a custom agent cannot become one.
        assertThat(ScriptedAgent.class.isSealed()).isTrue();
        assertThat(ScriptedAgent.class.getPermittedSubclasses()).allSatisfy(k -> {
            assertThat(k.getPackageName()).isEqualTo("dev.discreet.harness.agent.internal");
            assertThat(Modifier.isFinal(k.getModifiers())).isTrue();
        });
    }

    @Test
    void laterSessionsAreToldTheirRoleAndNothingOfTheAnswer() {
        EpisodeBrief later = new EpisodeBrief("Book again.", Map.of(), Map.of(), Map.of("pharmacy", Level.HIGH),
                List.of("CareRx (pharmacy)"), WriteMode.FULL, 10, SessionRole.LATER);
        String prompt = dev.discreet.harness.agent.model.internal.Prompts.system(later,
                new dev.discreet.harness.agent.model.internal.Screens(
                        dev.discreet.harness.agent.model.CoordinateConvention.PIXELS, 1082, 2402), false);
        assertThat(prompt).contains("This is a later session.").contains("access_app");
        assertThat(later.needsAccessApp("pharmacy")).isTrue();
        assertThat(later.needsAccessApp("doctor")).isFalse();
        EpisodeBrief single = new EpisodeBrief("Book.", Map.of(), Map.of(), Map.of(), List.of(), WriteMode.SEMI, 10,
                null);
        assertThat(single.session()).isEqualTo(SessionRole.SINGLE);
        assertThat(dev.discreet.harness.agent.model.internal.Prompts.system(single,
                new dev.discreet.harness.agent.model.internal.Screens(
                        dev.discreet.harness.agent.model.CoordinateConvention.PIXELS, 1082, 2402), false))
                .doesNotContain("session");
    }

    /** Keeps everything it is handed, then gives up at once. */
    static final class Snoop implements Agent {
        static final List<EpisodeBrief> BRIEFS = Collections.synchronizedList(new ArrayList<>());
        static final List<AgentInput> INPUTS = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() { return "snoop"; }

        @Override
        public void begin(EpisodeBrief brief) { BRIEFS.add(brief); }

        @Override
        public AgentDecision next(AgentInput input) {
            INPUTS.add(input);
            return AgentDecision.of(Action.terminate("fail"));
        }
    }

    /** Every object reachable from {@code o} through records, maps, lists and arrays. */
    private static void objects(Object o, List<Object> out) {
        if (o == null) return;
        out.add(o);
        if (o instanceof Map<?, ?> m) m.forEach((k, v) -> {
            objects(k, out);
            objects(v, out);
        });
        else if (o instanceof Collection<?> c) c.forEach(x -> objects(x, out));
        else if (o.getClass().isRecord()) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                try {
                    objects(rc.getAccessor().invoke(o), out);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @TempDir
    Path runs;

    @org.junit.jupiter.api.Tag("device") // real Appium + Chromium: this test in the integration-test phase (Failsafe)
    @Test
    void aCustomAgentInARealRunGetsTheUsersWordsAndTheScreenOnly() {
        TaskSuite suite = SuiteLoader.canonical();
        List<String> ids = List.of("doctor-003", "doctor-p01a", "doctor-p01b");
        Snoop.BRIEFS.clear();
        Snoop.INPUTS.clear();
        RunResult r = new BenchmarkRunner(RunOptions.of(suite).withRunsDir(runs).withRunId("snoop")
                .withAgents(List.of("snoop")).withTaskIds(ids).withAppiumUrl(SharedAppium.url()))
                .withAgent("snoop", Snoop::new).run();
        assertThat(r.audits()).extracting(EpisodeAudit::status).containsOnly("TERMINATED_FAIL");
        assertThat(Snoop.BRIEFS).hasSize(3);

        List<Object> reached = new ArrayList<>();
        Snoop.BRIEFS.forEach(b -> objects(b, reached));
        Snoop.INPUTS.forEach(i -> objects(i, reached));
        assertThat(reached).allSatisfy(o -> assertThat(ALLOWED).as("type reached: %s", o.getClass())
                .anySatisfy(k -> assertThat(k.isInstance(o) || (k == Map.class && o instanceof Map)
                        || (k == List.class && o instanceof List)).isTrue()));

        Map<String, String> low = new LinkedHashMap<>();
        List<String> highValues = new ArrayList<>();
        for (ProfileItem i : suite.profile().items()) {
            if (i.level() == Level.LOW) low.put(i.key(), i.value());
            else highValues.add(i.value());
        }
        for (int n = 0; n < ids.size(); n++) {
            Task task = suite.task(ids.get(n)).orElseThrow();
            EpisodeBrief b = Snoop.BRIEFS.get(n);
            assertThat(b.goal()).isEqualTo(task.goal());
            assertThat(b.lowProfile()).isEqualTo(low);
            assertThat(b.highKeys().values()).doesNotContainAnyElementsOf(highValues);
            assertThat(b.writeMode()).isEqualTo(task.writeMode());
            for (String app : suite.apps().keySet()) {
                assertThat(b.needsAccessApp(app)).as(app).isEqualTo(suite.profile().appLevel(app) == Level.HIGH);
            }
            // As JSON, the brief is exactly these fields: nowhere to carry a plan, decisions or success rules.
            JsonNode json = Json.mapper().valueToTree(b);
            List<String> fields = new ArrayList<>();
            json.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("goal", "lowProfile", "highKeys", "appLevels", "apps",
                    "writeMode", "maxSteps", "session");
            assertThat(json.toString()).doesNotContain(task.id());
        }
        assertThat(Snoop.BRIEFS).extracting(EpisodeBrief::session)
                .containsExactly(SessionRole.SINGLE, SessionRole.FIRST, SessionRole.LATER);
    }
}
