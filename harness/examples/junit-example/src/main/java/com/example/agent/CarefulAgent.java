package com.example.agent;

import dev.discreet.harness.agent.Agent;
import dev.discreet.harness.agent.AgentDecision;
import dev.discreet.harness.agent.AgentInput;
import dev.discreet.harness.agent.EpisodeBrief;
import dev.discreet.harness.agent.ToolResult;
import dev.discreet.tasks.Intent;
import dev.discreet.tasks.action.Action;
import dev.discreet.tasks.evidence.UiElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small rule-based agent for the MediBook app, written against discreet's public API only: it reads the user's
 * goal (never the task file), books or cancels through the screen's element list, fills the required fields and
 * nothing else, and asks to read a HIGH profile item only when the goal names it.
 */
public final class CarefulAgent implements Agent {
    private static final Pattern DOCTOR = Pattern.compile("Dr\\. \\p{Lu}[\\p{L}'-]+ \\p{Lu}[\\p{L}'-]+");
    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");
    private static final Map<String, String> SPECIALTIES = Map.of("cardiolog", "Cardiology", "dermatolog",
            "Dermatology", "pediatric", "Pediatrics", "orthoped", "Orthopedics", "neurolog", "Neurology",
            "ophthalmolog", "Ophthalmology", "psychiatr", "Psychiatry", "general practi", "General practice");
    private static final int MAX_SCROLLS = 8;

    /** One planned move: tap an element, fill a field, or act directly. */
    private record Step(String op, String label, String value, Action action) {
        static Step tap(String label) { return new Step("tap", label, null, null); }

        static Step fill(String label, String value) { return new Step("fill", label, value, null); }

        static Step act(Action a) { return new Step("act", null, null, a); }
    }

    private final List<Step> plan = new ArrayList<>();
    private final Map<String, String> known = new HashMap<>();
    private int index;
    private String pendingText;
    private String reading;
    private int scrolls;
    private String scrollDirection = "up";

    @Override
    public String name() { return "careful"; }

    @Override
    public void begin(EpisodeBrief brief) {
        plan.clear();
        known.clear();
        index = 0;
        pendingText = null;
        reading = null;
        scrolls = 0;
        String goal = brief.goal();
        String lower = goal.toLowerCase(Locale.ROOT);
        Matcher doctor = DOCTOR.matcher(goal);
        if (!doctor.find()) {
            plan.add(Step.act(Action.terminate("fail")));
            return;
        }
        String day = day(lower);
        Matcher time = TIME.matcher(goal);
        String slot = day + " " + (time.find() ? time.group() : "");
        if (lower.contains("cancel")) {
            plan.add(Step.act(Action.open("MediBook")));
            plan.add(Step.tap("My appointments"));
            plan.add(Step.tap("Cancel appointment with " + doctor.group() + " on " + slot));
            plan.add(Step.tap("Yes, cancel")); // the app asks for confirmation in a dialog
            plan.add(Step.act(Action.terminate("success")));
            return;
        }
        // The booking form requires the phone, a HIGH item: ask for it. Of the other HIGH items, only those the
        // user names are worth asking for.
        List<String> fieldsToFill = new ArrayList<>();
        if (brief.highKeys().containsKey("phone")) {
            plan.add(Step.act(Action.requestPermission(Intent.READ_DATA, "phone",
                    "The booking form requires a phone number.")));
            plan.add(Step.act(Action.readProfile("phone")));
        }
        for (Map.Entry<String, String> high : brief.highKeys().entrySet()) {
            if (high.getKey().equals("phone")) continue;
            if (lower.contains(high.getValue().toLowerCase(Locale.ROOT))) {
                plan.add(Step.act(Action.requestPermission(Intent.READ_DATA, high.getKey(),
                        "You asked me to include your " + high.getValue() + " in the booking.")));
                plan.add(Step.act(Action.readProfile(high.getKey())));
                fieldsToFill.add(high.getKey());
            }
        }
        plan.add(Step.act(Action.open("MediBook")));
        SPECIALTIES.entrySet().stream().filter(e -> lower.contains(e.getKey())).findFirst()
                .ifPresent(e -> plan.add(Step.tap(e.getValue())));
        plan.add(Step.tap(doctor.group()));
        plan.add(Step.tap(slot));
        // The form's required fields (marked *): the user's LOW items, the phone read above, and the goal as reason.
        plan.add(Step.fill("Full name", brief.lowProfile().get("full_name")));
        plan.add(Step.fill("Phone number", brief.lowProfile().getOrDefault("phone", "{{phone}}")));
        plan.add(Step.fill("Date of birth", brief.lowProfile().get("date_of_birth")));
        plan.add(Step.fill("Email address", brief.lowProfile().get("email")));
        plan.add(Step.fill("Reason for visit", goal));
        plan.add(Step.fill("Emergency contact name", brief.lowProfile().get("emergency_contact_name")));
        plan.add(Step.fill("City", brief.lowProfile().get("city")));
        for (String key : fieldsToFill) plan.add(Step.fill(brief.highKeys().get(key), "{{" + key + "}}"));
        plan.add(Step.tap("Confirm booking"));
        plan.add(Step.tap("Confirm")); // the confirmation dialog
        plan.add(Step.act(Action.terminate("success")));
    }

    @Override
    public AgentDecision next(AgentInput in) {
        ToolResult tr = in.toolResult();
        if (reading != null && tr != null && tr.ok() && tr.value() != null) known.put(reading, tr.value());
        reading = null;
        List<UiElement> els = in.observation().elements();
        if (pendingText != null) {
            String text = pendingText;
            pendingText = null;
            if (els.stream().anyMatch(e -> e.focused() && e.editable())) {
                return new AgentDecision("Typing into the focused field.", Action.type(text));
            }
        }
        if (index >= plan.size()) return new AgentDecision("Done.", Action.terminate("success"));
        Step s = plan.get(index);
        switch (s.op()) {
            case "act" -> {
                if ("read_profile".equals(s.action().name())) reading = s.action().key();
                return advance("Next step of my plan.", s.action());
            }
            case "tap" -> {
                Optional<UiElement> e = find(els, s.label(), false);
                if (e.isPresent()) return advance("Tapping '" + s.label() + "'.", click(e.get()));
                return scroll(s.label());
            }
            default -> {
                Optional<UiElement> e = find(els, s.label(), true);
                if (e.isEmpty()) return scroll(s.label());
                String value = resolve(s.value());
                if (value == null) return advance("I do not have '" + s.label() + "'; leaving it empty.",
                        Action.waitFor(0));
                if (value.equals(e.get().text())) {
                    index++;
                    return next(new AgentInput(in.step(), in.observation(), null, null));
                }
                pendingText = value;
                return advance("Filling '" + s.label() + "'.", click(e.get()));
            }
        }
    }

    private String resolve(String value) {
        if (value.startsWith("{{") && value.endsWith("}}")) return known.get(value.substring(2, value.length() - 2));
        return value;
    }

    private AgentDecision advance(String why, Action a) {
        index++;
        scrolls = 0;
        return new AgentDecision(why, a);
    }

    private AgentDecision scroll(String label) {
        if (++scrolls > MAX_SCROLLS) {
            index = plan.size();
            return new AgentDecision("Could not find '" + label + "'.", Action.terminate("fail"));
        }
        if (scrolls == MAX_SCROLLS / 2 + 1) scrollDirection = scrollDirection.equals("up") ? "down" : "up";
        return new AgentDecision("Looking for '" + label + "'.", Action.swipe(scrollDirection));
    }

    private static Action click(UiElement e) { return Action.click(e.bounds().centerX(), e.bounds().centerY()); }

    /** Exact name first, then prefix, then substring; fields when {@code editable}, else tappable elements. */
    static Optional<UiElement> find(List<UiElement> els, String label, boolean editable) {
        String want = norm(label);
        UiElement best = null;
        int bestRank = 3;
        for (UiElement e : els) {
            if (editable ? !e.editable() : (!e.clickable() || e.editable())) continue;
            String n = norm(e.name());
            int rank = n.equals(want) ? 0 : n.startsWith(want) ? 1 : n.contains(want) ? 2 : 3;
            if (rank < bestRank) {
                best = e;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String norm(String s) {
        return s == null ? "" : s.replace('*', ' ').replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    private static String day(String goal) {
        for (String d : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            if (goal.contains(d)) return Character.toUpperCase(d.charAt(0)) + d.substring(1, 3);
        }
        return "";
    }
}
