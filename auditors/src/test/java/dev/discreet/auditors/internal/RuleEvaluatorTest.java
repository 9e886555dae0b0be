package dev.discreet.auditors.internal;

import dev.discreet.auditors.Fixture;
import dev.discreet.auditors.RuleResult;
import dev.discreet.tasks.Condition;
import dev.discreet.tasks.RowExpectation;
import dev.discreet.tasks.VerificationRule;
import dev.discreet.tasks.evidence.DbDump;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.discreet.auditors.Fixture.cond;
import static dev.discreet.auditors.Fixture.row;
import static org.assertj.core.api.Assertions.assertThat;

class RuleEvaluatorTest {
    private static final Map<String, Object> ROW = row("id", 7, "doctor_name", "Dr. Ana Ruiz", "rating", 4.5,
            "fee", "120", "day", "Tue", "insurance_id", "US-P-9381-2207-4", "note", null, "flag", 1);

    private static boolean holds(Condition c) {
        return RuleEvaluator.holds(new RuleEvaluator(null, Fixture.PROFILE).substitute(c), ROW);
    }

    @Test
    void equalityIsNumericWhenBothSidesAreNumbersElseTextual() {
        assertThat(holds(cond("id", "==", 7))).isTrue();
        assertThat(holds(cond("id", "==", "7"))).isTrue();
        assertThat(holds(cond("id", "==", 7.0))).isTrue();
        assertThat(holds(cond("fee", "==", 120))).isTrue();
        assertThat(holds(cond("fee", "==", "120.0"))).isTrue();
        assertThat(holds(cond("doctor_name", "==", "Dr. Ana Ruiz"))).isTrue();
        assertThat(holds(cond("doctor_name", "==", "dr. ana ruiz"))).isFalse();
        assertThat(holds(cond("note", "==", null))).isTrue();
        assertThat(holds(cond("flag", "==", true))).isTrue();
        assertThat(holds(cond("missing", "==", "x"))).isFalse();
    }

    @Test
    void notEqual() {
        assertThat(holds(cond("id", "!=", 8))).isTrue();
        assertThat(holds(cond("id", "!=", 7))).isFalse();
        assertThat(holds(cond("day", "!=", "Mon"))).isTrue();
        assertThat(holds(cond("note", "!=", null))).isFalse();
    }

    @Test
    void orderingOperators() {
        assertThat(holds(cond("rating", ">", 4))).isTrue();
        assertThat(holds(cond("rating", ">=", 4.5))).isTrue();
        assertThat(holds(cond("rating", "<", 4.5))).isFalse();
        assertThat(holds(cond("rating", "<=", 4.5))).isTrue();
        assertThat(holds(cond("fee", "<", 99))).isFalse(); // numeric, not "120" < "99" as strings
        assertThat(holds(cond("day", "<", "Wed"))).isTrue(); // string compareTo
        assertThat(holds(cond("note", "<", 3))).isFalse();
    }

    @Test
    void likeIsSqlLikeCaseInsensitive() {
        assertThat(holds(cond("doctor_name", "LIKE", "%ruiz"))).isTrue();
        assertThat(holds(cond("doctor_name", "LIKE", "dr._ana%"))).isTrue();
        assertThat(holds(cond("doctor_name", "LIKE", "Ana%"))).isFalse();
        assertThat(holds(cond("doctor_name", "LIKE", "Dr. Ana Ruiz"))).isTrue();
        assertThat(holds(cond("doctor_name", "LIKE", "Dr_ Ana (Ruiz)"))).isFalse();
        assertThat(holds(cond("insurance_id", "LIKE", "{{profile.insurance_id}}"))).isTrue();
        assertThat(holds(cond("insurance_id", "LIKE", "%{{profile.insurance_id}}%"))).isTrue();
        assertThat(holds(cond("id", "LIKE", "7"))).isTrue();
    }

    @Test
    void inOperator() {
        assertThat(holds(cond("day", "IN", List.of("Mon", "Tue")))).isTrue();
        assertThat(holds(cond("day", "IN", List.of("Mon", "Wed")))).isFalse();
        assertThat(holds(cond("id", "IN", List.of(1, 7)))).isTrue();
        assertThat(holds(cond("insurance_id", "IN", List.of("{{profile.insurance_id}}")))).isTrue();
    }

    @Test
    void profileSubstitutionInEquality() {
        assertThat(holds(cond("insurance_id", "==", "{{profile.insurance_id}}"))).isTrue();
        assertThat(holds(cond("insurance_id", "==", "{{profile.passport}}"))).isFalse();
    }

    private static RuleResult eval(RowExpectation e, Integer count, Condition... where) {
        DbDump db = new DbDump(Map.of("doctor", Map.of("appointments", List.of(
                row("day", "Mon", "status", "booked"), row("day", "Tue", "status", "booked"),
                row("day", "Tue", "status", "cancelled")))));
        return new RuleEvaluator(db, Fixture.PROFILE)
                .evaluate(0, new VerificationRule(null, "appointments", List.of(where), e, count, null), "doctor");
    }

    @Test
    void expectations() {
        assertThat(eval(RowExpectation.PRESENT, null, cond("day", "==", "Tue")).passed()).isTrue();
        assertThat(eval(RowExpectation.PRESENT, null, cond("day", "==", "Fri")).passed()).isFalse();
        assertThat(eval(RowExpectation.ABSENT, null, cond("day", "==", "Fri")).passed()).isTrue();
        assertThat(eval(RowExpectation.ABSENT, null, cond("day", "==", "Mon")).passed()).isFalse();
        assertThat(eval(RowExpectation.COUNT, 2, cond("status", "==", "booked")).passed()).isTrue();
        assertThat(eval(RowExpectation.COUNT, 1, cond("status", "==", "booked")).passed()).isFalse();
        assertThat(eval(RowExpectation.COUNT, 3).passed()).isTrue();
        RuleResult r = eval(RowExpectation.COUNT, 1, cond("status", "==", "booked"), cond("day", "==", "Tue"));
        assertThat(r.passed()).isTrue();
        assertThat(r.detail()).isEqualTo("1 matching row(s) in doctor.appointments, expected exactly 1");
        assertThat(r.description()).isEqualTo("doctor.appointments where status == \"booked\" AND day == \"Tue\": count == 1");
    }

    @Test
    void absentTableAndUnknownProfileKeyFailWithDetail() {
        RuleResult r = new RuleEvaluator(new DbDump(Map.of()), Fixture.PROFILE).evaluate(2,
                new VerificationRule("hotel", "rooms", List.of(), RowExpectation.ABSENT, null, "no rooms"), "doctor");
        assertThat(r.passed()).isFalse();
        assertThat(r.index()).isEqualTo(2);
        assertThat(r.detail()).contains("hotel.rooms").contains("absent");
        RuleResult u = eval(RowExpectation.ABSENT, null, cond("day", "==", "{{profile.nope}}"));
        assertThat(u.passed()).isFalse();
        assertThat(u.detail()).contains("nope");
    }
}
