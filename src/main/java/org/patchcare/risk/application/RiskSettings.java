package org.patchcare.risk.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.patchcare.risk.domain.Outcome;
import org.patchcare.risk.domain.RiskPolicy;
import org.patchcare.risk.domain.SsvcEvaluator;
import org.patchcare.risk.domain.SystemExposure;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The risk policy from the environment, read once at start-up; a bad value stops the start with a message naming the
 * variable (docs/risk.md lists them):
 * {@code PATCHCARE_RISK_EPSS_THRESHOLD} (0.1), {@code PATCHCARE_RISK_CLINICAL_NETWORK} (CONTROLLED),
 * {@code PATCHCARE_RISK_HOSPITAL_NETWORK} (OPEN), {@code PATCHCARE_RISK_DUE_IMMEDIATE} (72h),
 * {@code _DUE_OUT_OF_CYCLE} (14d), {@code _DUE_SCHEDULED} (90d), {@code _DUE_DEFER} (365d),
 * {@code PATCHCARE_RISK_EVIDENCE_FRESH_DAYS} (90), {@code PATCHCARE_RISK_WARN_DAYS} (14).
 */
@ApplicationScoped
public class RiskSettings {

    private final RiskPolicy policy;

    public RiskSettings() {
        this(System::getenv);
    }

    RiskSettings(Function<String, String> env) {
        this.policy = read(env);
    }

    public RiskPolicy policy() {
        return policy;
    }

    public SsvcEvaluator evaluator() {
        return new SsvcEvaluator(policy);
    }

    static RiskPolicy read(Function<String, String> env) {
        RiskPolicy d = RiskPolicy.defaults();
        double epss = value(env, "PATCHCARE_RISK_EPSS_THRESHOLD", d.epssThreshold(), Double::parseDouble);
        SystemExposure clinical = value(env, "PATCHCARE_RISK_CLINICAL_NETWORK", d.clinicalNetwork(),
                s -> SystemExposure.valueOf(s.toUpperCase(Locale.ROOT)));
        SystemExposure hospital = value(env, "PATCHCARE_RISK_HOSPITAL_NETWORK", d.hospitalNetwork(),
                s -> SystemExposure.valueOf(s.toUpperCase(Locale.ROOT)));
        Map<Outcome, Duration> due = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            due.put(o, value(env, "PATCHCARE_RISK_DUE_" + o.name(), d.dueTime(o), RiskSettings::duration));
        }
        int fresh = value(env, "PATCHCARE_RISK_EVIDENCE_FRESH_DAYS", d.evidenceFreshDays(), Integer::parseInt);
        int warn = value(env, "PATCHCARE_RISK_WARN_DAYS", d.warnDays(), Integer::parseInt);
        try {
            return new RiskPolicy(epss, clinical, hospital, due, fresh, warn);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Risk settings: " + e.getMessage(), e);
        }
    }

    /** "72h", "14d", "90" (days) or an ISO-8601 duration such as "PT72H". */
    static Duration duration(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        Duration d;
        if (v.startsWith("p")) {
            d = Duration.parse(v.toUpperCase(Locale.ROOT));
        } else if (v.endsWith("h")) {
            d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1).strip()));
        } else {
            d = Duration.ofDays(Long.parseLong(v.endsWith("d") ? v.substring(0, v.length() - 1).strip() : v));
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("must be positive");
        }
        return d;
    }

    private static <T> T value(Function<String, String> env, String name, T fallback, Function<String, T> parse) {
        String raw = env.apply(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(raw.strip());
        } catch (RuntimeException e) {
            throw new IllegalStateException(name + "=" + raw + " is not valid (" + e.getMessage() + "); default is "
                    + fallback, e);
        }
    }
}
