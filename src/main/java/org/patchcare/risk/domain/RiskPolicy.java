package org.patchcare.risk.domain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The hospital's settings for deriving decisions: when EPSS counts as a public exploit, how the clinical and hospital
 * networks are exposed, the due time per outcome, how long validation evidence stays fresh and how early owners are
 * warned before a control or acceptance expires. Read from the environment ({@code PATCHCARE_RISK_*}).
 */
public record RiskPolicy(double epssThreshold, SystemExposure clinicalNetwork, SystemExposure hospitalNetwork,
                         Map<Outcome, Duration> due, int evidenceFreshDays, int warnDays) {

    public static final double DEFAULT_EPSS_THRESHOLD = 0.1;

    public RiskPolicy {
        if (epssThreshold <= 0 || epssThreshold > 1) {
            throw new IllegalArgumentException("EPSS threshold must be in (0, 1], was " + epssThreshold);
        }
        if (evidenceFreshDays < 1 || warnDays < 0) {
            throw new IllegalArgumentException("evidence freshness must be at least a day and the warning not negative");
        }
        Map<Outcome, Duration> copy = new EnumMap<>(Outcome.class);
        copy.putAll(defaultDue());
        copy.putAll(due);
        due = Map.copyOf(copy);
    }

    public static Map<Outcome, Duration> defaultDue() {
        Map<Outcome, Duration> d = new EnumMap<>(Outcome.class);
        d.put(Outcome.IMMEDIATE, Duration.ofHours(72));
        d.put(Outcome.OUT_OF_CYCLE, Duration.ofDays(14));
        d.put(Outcome.SCHEDULED, Duration.ofDays(90));
        d.put(Outcome.DEFER, Duration.ofDays(365));
        return d;
    }

    public static RiskPolicy defaults() {
        return new RiskPolicy(DEFAULT_EPSS_THRESHOLD, SystemExposure.CONTROLLED, SystemExposure.OPEN, defaultDue(), 90, 14);
    }

    public Duration dueTime(Outcome outcome) {
        return due.get(outcome);
    }
}
