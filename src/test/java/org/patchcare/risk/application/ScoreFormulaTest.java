package org.patchcare.risk.application;

import org.junit.jupiter.api.Test;
import org.patchcare.risk.application.ScoreFormula.Formula;
import org.patchcare.risk.application.ScoreFormula.FormulaFactor;
import org.patchcare.risk.domain.Decision;
import org.patchcare.risk.domain.DecisionFacts;
import org.patchcare.risk.domain.MissionImpact;
import org.patchcare.risk.domain.RiskPolicy;
import org.patchcare.risk.domain.SsvcEvaluator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's formula is the evaluator's: the stated points add up to the scores the evaluator gives. */
class ScoreFormulaTest {

    private static Map<String, Duration> dueTimes() {
        Map<String, Duration> due = new java.util.LinkedHashMap<>();
        RiskPolicy.defaultDue().forEach((o, d) -> due.put(o.name(), d));
        return due;
    }

    @Test
    void lists_the_outcomes_most_urgent_first() {
        assertThat(ScoreFormula.outcomes()).containsExactly(Map.entry("IMMEDIATE", "immediate"),
                Map.entry("OUT_OF_CYCLE", "out-of-cycle"), Map.entry("SCHEDULED", "scheduled"),
                Map.entry("DEFER", "defer"));
    }

    @Test
    void states_every_factor_with_the_points_the_evaluator_adds() {
        Formula f = ScoreFormula.of(dueTimes());
        assertThat(f.factors()).extracting(FormulaFactor::maxPoints).containsExactly(30, 20, 10, 25, 10, 5);
        assertThat(f.factors().stream().mapToInt(FormulaFactor::maxPoints).sum()).isEqualTo(100);
        assertThat(f.factors().get(0).points()).isEqualTo("none 0, public PoC 15, active 30");
        assertThat(f.factors().get(3).points()).isEqualTo("low 0, medium 8, high 17, very high 25");
        assertThat(f.summary()).contains("carry 85 of the 100 points");
        assertThat(f.dueTimes()).containsExactly(Map.entry("immediate", Duration.ofHours(72)),
                Map.entry("out-of-cycle", Duration.ofDays(14)), Map.entry("scheduled", Duration.ofDays(90)),
                Map.entry("defer", Duration.ofDays(365)));
    }

    @Test
    void a_decision_scores_the_sum_of_the_stated_points() {
        // KEV-listed, internet reachable, automatable, life-sustaining in a mission-failure department, CVSS 9.8, EPSS 0.9
        DecisionFacts facts = new DecisionFacts("CVE-2017-0143", 9.8, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                LocalDate.of(2022, 3, 25), List.of(), 0.9, "INTERNET_REACHABLE", null, "LIFE_SUSTAINING",
                MissionImpact.MISSION_FAILURE, "ICU", false, List.of(), List.of(), Map.of());
        Decision d = new SsvcEvaluator(RiskPolicy.defaults()).decide(facts, LocalDate.of(2026, 11, 24));
        int stated = SsvcEvaluator.points(d.exploitation()) + SsvcEvaluator.points(d.systemExposure())
                + SsvcEvaluator.points(d.automatable()) + SsvcEvaluator.points(d.humanImpact())
                + SsvcEvaluator.cvssPoints(9.8) + SsvcEvaluator.epssPoints(0.9);
        assertThat(d.score()).isEqualTo(Math.min(100, stated)).isEqualTo(100);
        assertThat(ScoreFormula.readable(Duration.ofHours(72))).isEqualTo("72 hours");
        assertThat(ScoreFormula.readable(Duration.ofDays(14))).isEqualTo("14 days");
    }
}
