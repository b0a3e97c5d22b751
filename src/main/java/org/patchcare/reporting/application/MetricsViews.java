package org.patchcare.reporting.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the metrics service hands out: read-only records (durations in days, fractional). */
public final class MetricsViews {

    private MetricsViews() {
    }

    /**
     * Time-to-patch of one group: advisory published → patched, over the exposures patched in the period.
     *
     * @param key        the group's stable key (department code, manufacturer public id, device type, outcome name,
     *                   "2026-Q3"); links and CSV use it
     * @param label      what a person reads
     * @param patched    exposures patched in the period
     * @param medianDays median time-to-patch (null when nothing was patched)
     * @param p90Days    90th percentile (linear interpolation between closest ranks, docs/metrics.md)
     * @param withinSla  of {@code patched}, how many were patched by their due date
     * @param slaShare   withinSla / patched (0..1; null when nothing was patched)
     */
    public record DurationStats(String key, String label, long patched, Double medianDays, Double p90Days,
                                long withinSla, Double slaShare) {
    }

    /**
     * Where the time goes, per group: the median of each step (null where no exposure of the group has both ends).
     * vendor: published → first vendor fix; triage: matched → first triage decision; approval: submitted → approved;
     * scheduling: approved → window start; patch: window start → patched; verification: patched → verified.
     */
    public record LagBreakdown(String key, String label, long exposures, Double vendorDays, Double triageDays,
                               Double approvalDays, Double schedulingDays, Double patchDays, Double verificationDays) {
    }

    /** One exposure's chain, each step's instant (null when it has not happened or is not known). */
    public record ExposureChain(String exposureId, String cve, String advisoryTrackingId, String assetTag,
                                String departmentCode, String outcome, Instant published, Instant vendorFix,
                                Instant matched, Instant triaged, Instant submitted, Instant approved,
                                Instant windowStart, Instant patched, Instant verified, Instant closed, Instant due) {
    }

    /** Open exposures at the end of one day, and how many of them were past their due date. */
    public record BurnDownPoint(LocalDate day, long open, long overdue) {
    }

    /** One point of a trend (a week or a quarter), e.g. the summed score of the exposures open then. */
    public record TrendPoint(LocalDate periodStart, String label, double value) {
    }

    /** Median and 90th percentile time-to-patch of one quarter. */
    public record QuarterTrend(String quarter, long patched, Double medianDays, Double p90Days, Double slaShare) {
    }

    /** One of the riskiest devices (from the risk context's per-device roll-up). */
    public record TopDevice(String assetTag, String model, String manufacturer, String departmentCode,
                            String departmentName, int score, int openExposures, int overdue) {
    }

    /** Devices past their end of support in one department. */
    public record UnsupportedCount(String departmentCode, String departmentName, long unsupported, long devices) {
    }

    /** Open exposures past their due date, per group. */
    public record OverdueCount(String key, String label, long overdue, long open) {
    }

    /**
     * IT's operations view: open exposures past due, due within seven days, and those waiting on an approval
     * (a linked change request submitted, not yet approved); per department for the chart.
     */
    public record OperationsSummary(long overdue, long dueThisWeek, long blockedByApproval,
                                    List<OperationsRow> byDepartment) {
    }

    public record OperationsRow(String departmentCode, String departmentName, long overdue, long dueThisWeek,
                                long blockedByApproval) {
    }

    /** The top of the executive dashboard: headline numbers now. */
    public record Headline(long openExposures, long overdue, long scoreSum, Double medianDaysToPatch90d,
                           Double slaShare90d, long unsupportedDevices, Instant refreshedAt) {
    }
}
