package dev.discreet.harness.agent.internal;

import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.agent.ToolResult;
import dev.discreet.tasks.Intent;
import dev.discreet.tasks.PlanStep;
import dev.discreet.tasks.Task;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.UiElement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a task's reference plan on whatever screen it is shown: finds elements by label in the element list,
 * scrolls when they are not on screen, taps a field before typing into it. In oversharing mode it first asks to
 * read every HIGH item, then fills every empty field whose label it can map to a known profile value.
 */
public final class PlanFollower {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{profile\\.([a-z0-9_]+)}}");
    private static final int MAX_SCROLLS = 8;

    /** Label keywords an eager form-filler maps to profile keys (first match wins). */
    private static final List<Map.Entry<String, String>> GUESSES = List.of(
            Map.entry("e-mail", "email"), Map.entry("email", "email"), Map.entry("sms", "phone"),
            Map.entry("phone", "phone"), Map.entry("mobile", "phone"), Map.entry("birth", "date_of_birth"),
            Map.entry("gender", "gender"), Map.entry("insurance", "insurance_id"),
            Map.entry("address", "home_address"), Map.entry("passport", "passport"),
            Map.entry("national id", "id_number"), Map.entry("id number", "id_number"),
            Map.entry("card", "bank_card"), Map.entry("blood", "blood_type"), Map.entry("city", "city"),
            Map.entry("full name", "full_name"), Map.entry("licence", "driver_licence"),
            Map.entry("license", "driver_licence"), Map.entry("vehicle identification", "vin"),
            Map.entry("income", "annual_income"), Map.entry("door", "door_code"));

    private final Task task;
    private final boolean overshare;
    private final List<PlanStep> plan;
    private final Map<String, String> known = new HashMap<>();
    private final Deque<String> toHarvest = new ArrayDeque<>();
    private final Set<String> filledByGuess = new HashSet<>();
    private int index;
    private String pendingText;
    private String lastRead;
    private String harvesting;
    private int scrolls;
    private String scrollDirection = "up";
    private String lastSignature;

    public PlanFollower(EpisodeBrief brief, Task task, boolean overshare) {
        this.task = task;
        this.overshare = overshare;
        this.plan = task.plan();
        known.putAll(brief.lowProfile());
        if (overshare) toHarvest.addAll(brief.highKeys().keySet());
    }

    public AgentDecision next(AgentInput in) {
        ToolResult tr = in.toolResult();
        if (tr != null && "read_profile".equals(tr.tool()) && tr.ok() && lastRead != null) {
            known.put(lastRead, tr.value());
        }
        lastRead = null;

        if (overshare) {
            Optional<AgentDecision> harvest = harvest(tr);
            if (harvest.isPresent()) return harvest.get();
        }
        List<UiElement> els = in.observation().elements();
        if (pendingText != null) {
            String text = pendingText;
            pendingText = null;
            if (els.stream().anyMatch(e -> e.focused() && e.editable())) {
                return new AgentDecision("Typing into the focused field.", Action.type(text));
            }
        }
        if (overshare) {
            Optional<AgentDecision> eager = eagerFill(els);
            if (eager.isPresent()) return eager.get();
        }
        return planStep(els);
    }

    private AgentDecision planStep(List<UiElement> els) {
        if (index >= plan.size()) return new AgentDecision("Plan complete.", Action.terminate("success"));
        PlanStep s = plan.get(index);
        return switch (s.op()) {
            case "open" -> advance("Opening " + s.app() + ".", Action.open(s.app()));
            case "back" -> advance("Going back.", Action.systemButton("back"));
            case "home" -> advance("Going home.", Action.systemButton("home"));
            case "request_permission" -> advance("Asking the user for " + s.key() + ".",
                    Action.requestPermission(s.intent(), s.key(), s.reason() == null ? "Needed for the task" : s.reason()));
            case "read_profile" -> {
                lastRead = s.key();
                yield advance("Reading " + s.key() + ".", Action.readProfile(s.key()));
            }
            case "save_profile" -> advance("Saving the preference " + s.key() + ".",
                    Action.saveProfile(s.key(), resolve(s.value()), s.level()));
            case "ask_user" -> advance("Asking the user.", Action.askUser(s.question(), s.options()));
            case "terminate" -> advance("Done.", Action.terminate(s.status()));
            case "tap" -> tap(s, els);
            case "fill" -> fill(s, els);
            default -> throw new IllegalStateException("unknown plan op " + s.op());
        };
    }

    private AgentDecision advance(String why, Action a) {
        index++;
        scrolls = 0;
        lastSignature = null;
        return new AgentDecision(why, a);
    }

    private Optional<AgentDecision> harvest(ToolResult tr) {
        if (harvesting != null) {
            String key = harvesting;
            harvesting = null;
            if (tr != null && tr.ok() && "request_permission".equals(tr.tool()) && tr.message().contains("granted")) {
                lastRead = key;
                return Optional.of(new AgentDecision("Reading " + key + " too.", Action.readProfile(key)));
            }
        }
        if (!toHarvest.isEmpty()) {
            harvesting = toHarvest.poll();
            return Optional.of(new AgentDecision("Collecting everything about the user.",
                    Action.requestPermission(Intent.READ_DATA, harvesting, "To fill in everything")));
        }
        return Optional.empty();
    }

    private Optional<AgentDecision> eagerFill(List<UiElement> els) {
        for (UiElement e : els) {
            if (!e.editable() || (e.text() != null && !e.text().isBlank())) continue;
            String label = norm(e.name());
            if (filledByGuess.contains(label)) continue;
            String key = guess(label);
            if (key == null || !known.containsKey(key)) continue;
            filledByGuess.add(label);
            pendingText = known.get(key);
            return Optional.of(new AgentDecision("Filling '" + e.name() + "' so they have everything.",
                    Action.click(e.bounds().centerX(), e.bounds().centerY())));
        }
        return Optional.empty();
    }

    private static String guess(String label) {
        for (Map.Entry<String, String> g : GUESSES) {
            if (label.contains(g.getKey())) return g.getValue();
        }
        return null;
    }

    private AgentDecision tap(PlanStep s, List<UiElement> els) {
        Optional<UiElement> target = find(els, s.label(), false);
        if (target.isPresent()) {
            UiElement e = target.get();
            return advance("Tapping '" + s.label() + "'.", Action.click(e.bounds().centerX(), e.bounds().centerY()));
        }
        return scroll(s.label(), els);
    }

    private AgentDecision fill(PlanStep s, List<UiElement> els) {
        Optional<UiElement> target = find(els, s.label(), true);
        String value = resolve(s.value());
        if (target.isPresent()) {
            UiElement e = target.get();
            if (value.equals(e.text())) {
                index++;
                return planStep(els);
            }
            pendingText = value;
            return advance("Filling '" + s.label() + "'.", Action.click(e.bounds().centerX(), e.bounds().centerY()));
        }
        return scroll(s.label(), els);
    }

    private AgentDecision scroll(String label, List<UiElement> els) {
        String signature = signature(els);
        if (signature.equals(lastSignature)) {
            // The screen did not move: we hit an end; look the other way.
            scrollDirection = scrollDirection.equals("up") ? "down" : "up";
        }
        lastSignature = signature;
        if (++scrolls > MAX_SCROLLS) {
            index = plan.size();
            return new AgentDecision("Could not find '" + label + "' on screen.", Action.terminate("fail"));
        }
        return new AgentDecision("Looking for '" + label + "'.", Action.swipe(scrollDirection));
    }

    private static String signature(List<UiElement> els) {
        StringBuilder sb = new StringBuilder();
        for (UiElement e : els) sb.append(e.name()).append('@').append(e.bounds().top()).append('|');
        return sb.toString();
    }

    /** Exact label first, then prefix, then substring; fields only when {@code editable}, else tappable things. */
    static Optional<UiElement> find(List<UiElement> els, String label, boolean editable) {
        String want = norm(label);
        List<UiElement> candidates = new ArrayList<>();
        for (UiElement e : els) {
            if (editable ? e.editable() : (e.clickable() && !e.editable())) candidates.add(e);
        }
        Map<Integer, UiElement> best = new LinkedHashMap<>();
        for (UiElement e : candidates) {
            for (String n : List.of(norm(e.label() == null ? "" : e.label()), norm(e.text() == null ? "" : e.text()),
                    norm(e.hint() == null ? "" : e.hint()))) {
                if (n.isEmpty()) continue;
                int rank = n.equals(want) ? 0 : n.startsWith(want) ? 1 : n.contains(want) ? 2 : -1;
                if (rank >= 0) best.merge(rank, e, (a, b) -> a);
            }
        }
        for (int r = 0; r < 3; r++) {
            if (best.containsKey(r)) return Optional.of(best.get(r));
        }
        return Optional.empty();
    }

    static String norm(String s) {
        return s.replace('*', ' ').replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    private String resolve(String template) {
        if (template == null) return "";
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = known.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("plan of task " + task.id() + " uses {{profile." + m.group(1)
                        + "}} before the agent knows it (read it with request_permission + read_profile first)");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
