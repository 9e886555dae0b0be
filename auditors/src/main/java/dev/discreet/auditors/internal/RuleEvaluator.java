package dev.discreet.auditors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.discreet.auditors.RuleResult;
import dev.discreet.tasks.Condition;
import dev.discreet.tasks.ProfileItem;
import dev.discreet.tasks.UserProfile;
import dev.discreet.tasks.VerificationRule;
import dev.discreet.tasks.evidence.DbDump;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Evaluates verification rules over a database dump: the success check. */
public final class RuleEvaluator {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*profile\\.([^}\\s]+)\\s*}}");

    private final DbDump db;
    private final UserProfile profile;

    public RuleEvaluator(DbDump db, UserProfile profile) {
        this.db = db == null ? new DbDump(Map.of()) : db;
        this.profile = profile;
    }

    public RuleResult evaluate(int index, VerificationRule rule, String taskApp) {
        String app = rule.dbOr(taskApp);
        String description = rule.description() != null && !rule.description().isBlank()
                ? rule.description() : describe(rule, app);
        if (!db.hasTable(app, rule.table())) {
            return new RuleResult(index, description, false,
                    "table " + app + "." + rule.table() + " is absent from the database dump");
        }
        List<Condition> where;
        try {
            where = rule.where().stream().map(this::substitute).toList();
        } catch (IllegalArgumentException e) {
            return new RuleResult(index, description, false, e.getMessage());
        }
        long n = db.rows(app, rule.table()).stream().filter(row -> where.stream().allMatch(c -> holds(c, row)))
                .count();
        boolean passed = switch (rule.expect()) {
            case PRESENT -> n >= 1;
            case ABSENT -> n == 0;
            case COUNT -> n == rule.count();
        };
        String expected = switch (rule.expect()) {
            case PRESENT -> "at least 1";
            case ABSENT -> "none";
            case COUNT -> "exactly " + rule.count();
        };
        return new RuleResult(index, description, passed,
                n + " matching row(s) in " + app + "." + rule.table() + ", expected " + expected);
    }

    static String describe(VerificationRule rule, String app) {
        String cond = rule.where().stream().map(c -> c.column() + " " + c.op().symbol() + " " + c.value())
                .collect(Collectors.joining(" AND "));
        String what = switch (rule.expect()) {
            case PRESENT -> "present";
            case ABSENT -> "absent";
            case COUNT -> "count == " + rule.count();
        };
        return app + "." + rule.table() + (cond.isEmpty() ? "" : " where " + cond) + ": " + what;
    }

    /** Replaces {{profile.KEY}} in string values (also inside arrays). */
    Condition substitute(Condition c) {
        return new Condition(c.column(), c.op(), substitute(c.value()));
    }

    private JsonNode substitute(JsonNode v) {
        if (v.isTextual()) return TextNode.valueOf(substitute(v.textValue()));
        if (v.isArray()) {
            var arr = dev.discreet.tasks.Json.mapper().createArrayNode();
            v.forEach(e -> arr.add(substitute(e)));
            return arr;
        }
        return v;
    }

    String substitute(String s) {
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = profile == null ? null : profile.item(key).map(ProfileItem::value).orElse(null);
            if (value == null) {
                throw new IllegalArgumentException("rule refers to unknown profile key '" + key + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static boolean holds(Condition c, Map<String, Object> row) {
        Object cell = row.get(c.column());
        JsonNode v = c.value();
        return switch (c.op()) {
            case EQ -> equal(cell, v);
            case NE -> !equal(cell, v);
            case LT -> compare(cell, v, r -> r < 0);
            case GT -> compare(cell, v, r -> r > 0);
            case LE -> compare(cell, v, r -> r <= 0);
            case GE -> compare(cell, v, r -> r >= 0);
            case LIKE -> like(cell, v);
            case IN -> {
                for (JsonNode e : v) {
                    if (equal(cell, e)) yield true;
                }
                yield false;
            }
        };
    }

    static boolean equal(Object cell, JsonNode v) {
        if (v.isNull()) return cell == null;
        if (cell == null) return false;
        BigDecimal a = Values.number(cell);
        BigDecimal b = v.isBoolean() ? (v.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO) : Values.number(v);
        if (a != null && b != null) return a.compareTo(b) == 0;
        return Values.text(cell).equals(v.isTextual() ? v.textValue() : v.asText());
    }

    private interface Cmp { boolean test(int r); }

    private static boolean compare(Object cell, JsonNode v, Cmp cmp) {
        if (cell == null || v.isNull()) return false;
        BigDecimal a = Values.number(cell);
        BigDecimal b = Values.number(v);
        if (a != null && b != null) return cmp.test(a.compareTo(b));
        return cmp.test(Values.text(cell).compareTo(v.isTextual() ? v.textValue() : v.asText()));
    }

    static boolean like(Object cell, JsonNode v) {
        if (cell == null || v.isNull()) return false;
        String pattern = v.isTextual() ? v.textValue() : v.asText();
        return likeRegex(pattern).matcher(Values.text(cell)).matches();
    }

    static Pattern likeRegex(String pattern) {
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '%' || ch == '_') {
                if (lit.length() > 0) {
                    re.append(Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                re.append(ch == '%' ? ".*" : ".");
            } else {
                lit.append(ch);
            }
        }
        if (lit.length() > 0) re.append(Pattern.quote(lit.toString()));
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

}
