package org.patchcare.risk.application;

import org.patchcare.risk.domain.Automatable;
import org.patchcare.risk.domain.Exploitation;
import org.patchcare.risk.domain.HumanImpact;
import org.patchcare.risk.domain.Outcome;
import org.patchcare.risk.domain.SsvcEvaluator;
import org.patchcare.risk.domain.SystemExposure;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The exposure score's formula in words, generated from the evaluator's own point functions and weights
 * ({@link SsvcEvaluator#points}), so a report (the exposure report's "How the score is computed") cannot state a formula
 * the evaluator does not apply. Pure; for other contexts, which may not use the risk domain directly.
 */
public final class ScoreFormula {

    private ScoreFormula() {
    }

    /** One line of the formula: a factor, its weight and the points of each value. */
    public record FormulaFactor(String factor, int maxPoints, String points) {
    }

    /**
     * The formula and the due times of the hospital's policy.
     *
     * @param dueTimes outcome label → due time, most urgent first
     */
    public record Formula(String summary, List<FormulaFactor> factors, Map<String, Duration> dueTimes,
                          List<String> notes) {
    }

    /** The SSVC outcomes, most urgent first: name (IMMEDIATE …) → label (immediate …). */
    public static Map<String, String> outcomes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Outcome o : URGENT_FIRST) {
            out.put(o.name(), o.label());
        }
        return out;
    }

    private static final List<Outcome> URGENT_FIRST = List.of(Outcome.IMMEDIATE, Outcome.OUT_OF_CYCLE, Outcome.SCHEDULED,
            Outcome.DEFER);

    /** The formula with the hospital's due times (outcome name → due time, as {@code RiskService.dueTimes()}). */
    public static Formula of(Map<String, Duration> dueTimes) {
        List<FormulaFactor> factors = List.of(
                factor("Exploitation (SSVC)", Exploitation.values(), SsvcEvaluator::points, Exploitation::label),
                factor("System exposure (SSVC)", SystemExposure.values(), SsvcEvaluator::points, SystemExposure::label),
                factor("Automatable (SSVC)", Automatable.values(), SsvcEvaluator::points, Automatable::label),
                factor("Human impact (SSVC: safety x mission)", HumanImpact.values(), SsvcEvaluator::points,
                        HumanImpact::label),
                new FormulaFactor("CVSS base score", SsvcEvaluator.W_CVSS, "CVSS / 10 x " + SsvcEvaluator.W_CVSS
                        + ", rounded (CVSS 7.5 gives " + SsvcEvaluator.cvssPoints(7.5) + "); 0 when unknown"),
                new FormulaFactor("EPSS probability", SsvcEvaluator.W_EPSS, "EPSS x " + SsvcEvaluator.W_EPSS
                        + ", rounded (EPSS 0.4 gives " + SsvcEvaluator.epssPoints(0.4) + "); 0 when unknown"));
        int max = factors.stream().mapToInt(FormulaFactor::maxPoints).sum();
        String summary = "Exposure score (0-" + Math.min(max, SsvcEvaluator.MAX_SCORE) + ") = exploitation + system "
                + "exposure + automatable + human impact + CVSS + EPSS points, capped at " + SsvcEvaluator.MAX_SCORE
                + ". The four SSVC decision points carry " + (max - SsvcEvaluator.W_CVSS - SsvcEvaluator.W_EPSS)
                + " of the " + max + " points, so the score agrees with the SSVC outcome; CVSS and EPSS separate "
                + "exposures with the same decision points.";
        Map<String, Duration> due = new LinkedHashMap<>();
        for (Outcome o : URGENT_FIRST) {
            Duration d = dueTimes.get(o.name());
            if (d != null) {
                due.put(o.label(), d);
            }
        }
        List<String> notes = List.of(
                "The SSVC outcome (immediate, out-of-cycle, scheduled, defer) is the row of CERT/CC's SSVC deployer "
                        + "table for the four decision points; the score only orders exposures inside an outcome.",
                "Exploitation is active when the CVE is in CISA's KEV catalogue or the advisory says it is exploited; "
                        + "public PoC when an exploit is recorded, a fresh test found it exploitable here, or EPSS is at "
                        + "or above the hospital's threshold.",
                "System exposure follows the device's connectivity; an active compensating control attached for it "
                        + "lowers it one step, and fresh validation evidence of 'not reachable' or 'blocked' makes it small.",
                "Human impact combines the device's clinical criticality (safety) with the department's mission impact, "
                        + "one step lower for a device with a redundant unit.",
                "IT security may override a decision point, always with a reason; the device screen shows it.",
                "Due date = when the exposure was found (or when a risk acceptance ended) + the due time of its "
                        + "outcome. Accepted risks are listed but not counted as overdue.");
        return new Formula(summary, factors, due, notes);
    }

    private static <E extends Enum<E>> FormulaFactor factor(String name, E[] values, ToIntFunction<E> points,
                                                            Function<E, String> label) {
        int max = Arrays.stream(values).mapToInt(points).max().orElse(0);
        return new FormulaFactor(name, max, Arrays.stream(values)
                .map(v -> label.apply(v) + " " + points.applyAsInt(v)).collect(Collectors.joining(", ")));
    }

    /** "72 hours", "14 days". */
    public static String readable(Duration d) {
        if (d.toHours() <= 72 || d.toHours() % 24 != 0) {
            return d.toHours() + " hours";
        }
        return d.toDays() + (d.toDays() == 1 ? " day" : " days");
    }
}
