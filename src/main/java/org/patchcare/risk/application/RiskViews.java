package org.patchcare.risk.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Read records of the risk context: what the work queue, the exposure detail and the dashboards show. */
public final class RiskViews {

    private RiskViews() {
    }

    /**
     * Filters of the IT work queue; null or blank means "any".
     *
     * @param outcome         IMMEDIATE, OUT_OF_CYCLE, SCHEDULED or DEFER
     * @param department      department code
     * @param overdueOnly     only exposures past their due date
     * @param includeAccepted also exposures under an approved risk acceptance (hidden by default)
     * @param search          asset tag or CVE id (exact)
     */
    public record QueueFilter(String outcome, String department, String exploitation, Boolean overdueOnly,
                              Boolean includeAccepted, String search, Boolean dueWithinWeek) {
        /** Without the "due within seven days" filter. */
        public QueueFilter(String outcome, String department, String exploitation, Boolean overdueOnly,
                           Boolean includeAccepted, String search) {
            this(outcome, department, exploitation, overdueOnly, includeAccepted, search, null);
        }

        public static QueueFilter none() {
            return new QueueFilter(null, null, null, null, null, null);
        }
    }

    /**
     * One open exposure in the work queue with its four decision points as chips.
     *
     * @param overriddenPoints the decision points IT security overrode (EXPLOITATION, SYSTEM_EXPOSURE, AUTOMATABLE,
     *                         HUMAN_IMPACT)
     */
    public record QueueItem(String exposureId, String assetTag, String department, String departmentName,
                            String model, String cve, String trackingId, String advisoryTitle, String state,
                            String exploitation, String systemExposure, String automatable, String humanImpact,
                            String outcome, String outcomeLabel, int score, Instant dueAt, boolean overdue,
                            LocalDate acceptedUntil, int controls, boolean overridden, List<String> overriddenPoints) {

        public QueueItem {
            overriddenPoints = overriddenPoints == null ? List.of() : List.copyOf(overriddenPoints);
        }

        /** Without the overridden points (none known). */
        public QueueItem(String exposureId, String assetTag, String department, String departmentName,
                         String model, String cve, String trackingId, String advisoryTitle, String state,
                         String exploitation, String systemExposure, String automatable, String humanImpact,
                         String outcome, String outcomeLabel, int score, Instant dueAt, boolean overdue,
                         LocalDate acceptedUntil, int controls, boolean overridden) {
            this(exposureId, assetTag, department, departmentName, model, cve, trackingId, advisoryTitle, state,
                    exploitation, systemExposure, automatable, humanImpact, outcome, outcomeLabel, score, dueAt, overdue,
                    acceptedUntil, controls, overridden, List.of());
        }

        public boolean overridden(String point) {
            return overriddenPoints.contains(point);
        }
    }

    /** One decision point: its value, why, and whether IT security overrode it. */
    public record PointView(String point, String label, String value, String valueLabel, String why,
                            boolean overridden) {
    }

    /** One addend of the exposure score. */
    public record ScoreFactor(String factor, int points) {
    }

    /**
     * The decision of one exposure with the evidence for each point (exposure detail screen, API).
     *
     * @param deviceType   the model's device type as the inventory names it, e.g. "Infusion pump"
     * @param connectivity the device's connectivity (the inventory's enum name, e.g. CLINICAL_NETWORK), or null
     */
    public record DecisionDetails(String exposureId, String assetTag, String department, String departmentName,
                                  String model, String cve, String trackingId, String advisoryTitle, String state,
                                  BigDecimal cvss, List<PointView> points, String safetyImpact, String missionImpact,
                                  String outcome, String outcomeLabel, int score, List<ScoreFactor> factors,
                                  Instant clockStartedAt, Instant dueAt, boolean overdue, LocalDate acceptedUntil,
                                  Instant evaluatedAt, String pendingCause, String deviceType,
                                  String connectivity) {

        /** Without the device type and connectivity (unknown). */
        public DecisionDetails(String exposureId, String assetTag, String department, String departmentName,
                               String model, String cve, String trackingId, String advisoryTitle, String state,
                               BigDecimal cvss, List<PointView> points, String safetyImpact, String missionImpact,
                               String outcome, String outcomeLabel, int score, List<ScoreFactor> factors,
                               Instant clockStartedAt, Instant dueAt, boolean overdue, LocalDate acceptedUntil,
                               Instant evaluatedAt, String pendingCause) {
            this(exposureId, assetTag, department, departmentName, model, cve, trackingId, advisoryTitle, state, cvss,
                    points, safetyImpact, missionImpact, outcome, outcomeLabel, score, factors, clockStartedAt, dueAt,
                    overdue, acceptedUntil, evaluatedAt, pendingCause, null, null);
        }
    }

    /** One recorded change of a decision. */
    public record DecisionChangeView(Instant at, String cause, String fromOutcome, String toOutcome, Integer fromScore,
                                     int toScore, String detail) {
    }

    /**
     * Roll-up of one department (or facility): devices, exposed devices, open unaccepted exposures by outcome, overdue,
     * and the scores: {@code score} = mean device score over exposed devices, {@code maxScore} = worst device.
     */
    public record RiskRollup(String code, String name, String facility, long devices, long exposedDevices,
                             long openExposures, long immediate, long outOfCycle, long scheduled, long deferred,
                             long overdue, int score, int maxScore) {
    }

    /** Roll-up of one device. */
    public record DeviceRisk(String assetTag, int score, int openExposures, int immediate, int outOfCycle,
                             int scheduled, int deferred) {
    }
}
