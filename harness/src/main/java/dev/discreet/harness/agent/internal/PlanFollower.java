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
    /**
     * The field a fill typed into last, and its plan step: a person looks at the field after typing and types again
     * when nothing arrived (keys sent right after a dropdown's sheet closed can be lost on this device).
     */
    private String typedLabel;
    private int typedIndex = -1;
    private int retypes;
    private String lastRead;
    private String harvesting;
    private int scrolls;
    private String scrollDirection = "up";
    private String lastSignature;
    /** The option to tap once a dropdown's sheet is open (the dropdown was tapped last turn). */
    private String pendingOption;
    /** Whether {@link #pendingOption} is the oversharer's own choice rather than a plan step. */
    private boolean eagerOption;
    /** The date a "pick" step is choosing through the calendar, once its calendar is open. */
    private String pendingDate;
    /** Next/Back taps while looking for the current step's element (a multi-step form). */
    private int pageMoves;
    private boolean pagingBack;

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

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
        Optional<AgentDecision> d = dialog(els);
        if (d.isPresent()) return d.get();
        if (typedLabel != null && pendingText == null) {
            String label = typedLabel;
            typedLabel = null;
            Optional<UiElement> field = find(els, label, true);
            if (field.isPresent() && field.get().editable() && (field.get().text() == null || field.get().text().isEmpty())
                    && retypes < 2) {
                retypes++;
                index = typedIndex; // the same fill again: tap the field, type
            }
        }
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
            case "pick" -> pick(s, els);
            default -> throw new IllegalStateException("unknown plan op " + s.op());
        };
    }

    private AgentDecision advance(String why, Action a) {
        index++;
        scrolls = 0;
        pageMoves = 0;
        pagingBack = false;
        lastSignature = null;
        return new AgentDecision(why, a);
    }

    private static AgentDecision tapOn(String why, UiElement e) {
        return new AgentDecision(why, Action.click(e.bounds().centerX(), e.bounds().centerY()));
    }

    /**
     * An open dialog or sheet comes first: the option of a dropdown being filled, a day of a date being picked, the
     * confirming button of a confirmation dialog (the plan's previous tap asked for it), or Close for a sheet the
     * plan did not open. A dialog the current step names an element of is left to that step.
     */
    private Optional<AgentDecision> dialog(List<UiElement> els) {
        Optional<UiElement> open = els.stream().filter(e -> "dialog".equals(e.role())).findFirst();
        if (open.isEmpty()) {
            pendingOption = null;
            eagerOption = false;
            pendingDate = null;
            return Optional.empty();
        }
        String title = open.get().text();
        List<UiElement> inside = els.stream().filter(e -> title != null && title.equals(e.group()) && e.clickable()).toList();
        if (pendingOption != null) {
            String want = pendingOption;
            Optional<UiElement> o = inside.stream().filter(e -> "option".equals(e.role()) && norm(e.name()).equals(norm(want)))
                    .findFirst();
            if (o.isPresent()) {
                pendingOption = null;
                if (eagerOption) {
                    eagerOption = false;
                    return Optional.of(new AgentDecision("Choosing '" + want + "'.", clickOf(o.get())));
                }
                return Optional.of(advance("Choosing '" + want + "'.", clickOf(o.get())));
            }
            return Optional.of(scroll(want, els));
        }
        if (pendingDate != null) return Optional.of(calendar(els, inside, title));
        if (index < plan.size()) {
            PlanStep s = plan.get(index);
            if (s.label() != null && find(inside, s.label(), false).isPresent()) return Optional.empty();
        }
        boolean chooser = inside.stream().anyMatch(e -> "option".equals(e.role()))
                || inside.stream().anyMatch(e -> "Next month".equals(e.label()));
        Optional<UiElement> button = chooser
                ? inside.stream().filter(e -> "Close".equals(e.text())).findFirst()
                : inside.stream().filter(e -> "button".equals(e.role())).findFirst();
        if (button.isPresent()) {
            return Optional.of(tapOn((chooser ? "Closing '" : "Confirming '") + title + "'.", button.get()));
        }
        return Optional.of(scroll(title, els));
    }

    private static Action clickOf(UiElement e) { return Action.click(e.bounds().centerX(), e.bounds().centerY()); }

    /** One move in an open calendar towards {@link #pendingDate}: change month, or tap the day. */
    private AgentDecision calendar(List<UiElement> els, List<UiElement> inside, String title) {
        java.time.LocalDate want = java.time.LocalDate.parse(pendingDate);
        String dayLabel = want.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " "
                + want.getDayOfMonth() + " " + MONTHS[want.getMonthValue() - 1].substring(0, 3) + " " + want.getYear();
        Optional<UiElement> day = inside.stream().filter(e -> dayLabel.equals(e.label())).findFirst();
        if (day.isPresent()) {
            pendingDate = null;
            return advance("Picking " + dayLabel + ".", clickOf(day.get()));
        }
        // The month shown: the calendar's heading text "December 2026".
        java.time.YearMonth shown = null;
        for (UiElement e : els) {
            if (!title.equals(e.group()) || e.text() == null) continue;
            String[] parts = e.text().split(" ");
            if (parts.length == 2 && parts[1].matches("\\d{4}")) {
                for (int m = 0; m < 12; m++) if (MONTHS[m].equals(parts[0])) shown = java.time.YearMonth.of(Integer.parseInt(parts[1]), m + 1);
            }
        }
        if (shown == null) return scroll(dayLabel, els);
        java.time.YearMonth target = java.time.YearMonth.from(want);
        long months = shown.until(target, java.time.temporal.ChronoUnit.MONTHS);
        String nav = months >= 12 ? "Next year" : months <= -12 ? "Previous year" : months > 0 ? "Next month"
                : months < 0 ? "Previous month" : null;
        if (nav == null) return scroll(dayLabel, els);
        String n = nav;
        Optional<UiElement> b = inside.stream().filter(e -> n.equals(e.label())).findFirst();
        return b.isPresent() ? tapOn("Calendar: " + nav + ".", b.get()) : scroll(nav, els);
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
            String role = e.role() == null ? "" : e.role();
            String label = norm(e.name());
            if (filledByGuess.contains(label)) continue;
            if (role.equals("select") && e.options() != null && "Choose…".equals(e.text())) {
                // A dropdown it can answer from the profile (gender): open it and pick the matching option.
                String key = guess(label);
                if (key == null || !known.containsKey(key)) continue;
                String want = known.get(key);
                Optional<String> option = e.options().stream().filter(o -> norm(o).equals(norm(want))).findFirst();
                if (option.isEmpty()) continue;
                filledByGuess.add(label);
                pendingOption = option.get();
                eagerOption = true;
                return Optional.of(new AgentDecision("Choosing '" + e.name() + "' so they have everything.", clickOf(e)));
            }
            if ((role.equals("checkbox") || role.equals("switch")) && !e.checked()) {
                // Opts in to everything on offer.
                filledByGuess.add(label);
                return Optional.of(new AgentDecision("Ticking '" + e.name() + "' too.", clickOf(e)));
            }
            if (!e.editable() || (e.text() != null && !e.text().isBlank())) continue;
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
        String value = resolve(s.value());
        Optional<UiElement> radio = radio(els, s.label(), value);
        if (radio.isPresent()) {
            UiElement e = radio.get();
            if (e.checked()) {
                index++;
                return planStep(els);
            }
            return advance("Choosing '" + value + "' for '" + s.label() + "'.", clickOf(e));
        }
        Optional<UiElement> target = find(els, s.label(), true);
        if (target.isPresent()) {
            UiElement e = target.get();
            String role = e.role() == null ? "" : e.role();
            if (role.equals("checkbox") || role.equals("switch")) {
                boolean on = isOn(value);
                if (e.checked() == on) {
                    index++;
                    return planStep(els);
                }
                return advance((on ? "Ticking '" : "Unticking '") + s.label() + "'.", clickOf(e));
            }
            if (role.equals("select")) {
                if (norm(value).equals(norm(e.text() == null ? "" : e.text()))) {
                    index++;
                    return planStep(els);
                }
                pendingOption = value;
                return new AgentDecision("Opening the list '" + s.label() + "'.", clickOf(e));
            }
            if (value.equals(e.text())) {
                index++;
                return planStep(els);
            }
            pendingText = value;
            typedLabel = s.label();
            typedIndex = index;
            return advance("Filling '" + s.label() + "'.", clickOf(e));
        }
        return scroll(s.label(), els);
    }

    /** A date through the field's calendar button; the calendar moves are made by {@link #dialog}. */
    private AgentDecision pick(PlanStep s, List<UiElement> els) {
        Optional<UiElement> field = find(els, s.label(), true);
        if (field.isPresent() && s.value().equals(field.get().text())) {
            index++;
            return planStep(els);
        }
        Optional<UiElement> button = find(els, "Choose date: " + s.label(), false);
        if (button.isPresent()) {
            pendingDate = s.value();
            return tapOn("Opening the calendar of '" + s.label() + "'.", button.get());
        }
        return scroll(s.label(), els);
    }

    static boolean isOn(String value) {
        return switch (norm(value)) {
            case "on", "yes", "true", "checked", "1" -> true;
            default -> false;
        };
    }

    /** The radio button {@code option} of the group labelled {@code group}, if on screen. */
    static Optional<UiElement> radio(List<UiElement> els, String group, String option) {
        String g = norm(group), o = norm(option);
        return els.stream().filter(e -> "radio".equals(e.role()) && e.group() != null && norm(e.group()).equals(g)
                && norm(e.name()).equals(o)).findFirst();
    }

    private AgentDecision scroll(String label, List<UiElement> els) {
        String signature = signature(els);
        if (signature.equals(lastSignature)) {
            // The screen did not move: we hit an end. On a multi-step form the element may be on another page.
            if (scrollDirection.equals("up") && pageMoves < 6) {
                Optional<UiElement> nav = els.stream().filter(e -> "button".equals(e.role())
                        && (pagingBack ? "Back" : "Next").equals(e.text())).findFirst();
                if (nav.isEmpty() && !pagingBack) {
                    pagingBack = true;
                    nav = els.stream().filter(e -> "button".equals(e.role()) && "Back".equals(e.text())).findFirst();
                }
                if (nav.isPresent()) {
                    pageMoves++;
                    scrolls = 0;
                    lastSignature = null;
                    return tapOn("'" + label + "' is not on this page: " + nav.get().text() + ".", nav.get());
                }
            }
            // Otherwise look the other way.
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

    /**
     * Exact label first, then prefix, then substring; form fields (text fields, dropdowns, checkboxes, toggles) when
     * {@code field}, else tappable things.
     */
    static Optional<UiElement> find(List<UiElement> els, String label, boolean field) {
        String want = norm(label);
        List<UiElement> candidates = new ArrayList<>();
        for (UiElement e : els) {
            boolean isField = e.editable() || "select".equals(e.role()) || "checkbox".equals(e.role())
                    || "switch".equals(e.role());
            if (field ? isField : (e.clickable() && !e.editable())) candidates.add(e);
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
