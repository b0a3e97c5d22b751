package org.patchcare.reporting.application;

import org.patchcare.reporting.application.ReportViews.Freshness;
import org.patchcare.reporting.application.ReportViews.Header;
import org.patchcare.reporting.application.ReportViews.Row;
import org.patchcare.reporting.application.ReportViews.Scope;
import org.patchcare.reporting.application.ReportViews.ScopeKind;
import org.patchcare.reporting.application.ReportViews.Summary;
import org.patchcare.risk.application.ScoreFormula;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report header and rows for the writer tests. */
final class ReportFixtures {

    static final Instant NOW = Instant.parse("2026-11-24T09:30:00Z");

    private ReportFixtures() {
    }

    static Map<String, Duration> dueTimes() {
        Map<String, Duration> due = new LinkedHashMap<>(); // the defaults of the risk policy, as RiskService.dueTimes()
        due.put("IMMEDIATE", Duration.ofHours(72));
        due.put("OUT_OF_CYCLE", Duration.ofDays(14));
        due.put("SCHEDULED", Duration.ofDays(90));
        due.put("DEFER", Duration.ofDays(365));
        return due;
    }

    static Header header(long open) {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        byOutcome.put("IMMEDIATE", 2L);
        byOutcome.put("OUT_OF_CYCLE", 5L);
        byOutcome.put("SCHEDULED", open - 9);
        byOutcome.put("DEFER", 2L);
        return new Header(new Scope(ScopeKind.DEPARTMENT, "ICU", "Intensive Care Unit", "St. Elsewhere General Hospital",
                List.of("ICU"), false), NOW, "itsec",
                new Freshness(NOW.minus(Duration.ofMinutes(3)), 0, Instant.parse("2026-11-23T06:00:00Z"), null,
                        Instant.parse("2026-11-20T12:00:00Z")),
                new Summary(open, byOutcome, 3, 1, 4, 7, 42, 6), ScoreFormula.of(dueTimes()));
    }

    static Row row(String tag, String mitigation, boolean overdue) {
        return new Row(tag, "Baxter", "ExactaMix 2400", "ICU", "Main / 3 / 3.14", "ICSMA-20-170-01", "CVE-2017-0143",
                "out-of-cycle", 77, Instant.parse("2026-12-01T10:00:00Z"), overdue, "Affected", mitigation);
    }
}
