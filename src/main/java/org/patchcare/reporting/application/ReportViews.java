package org.patchcare.reporting.application;

import org.patchcare.risk.application.ScoreFormula;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the exposure report is made of: read-only records, shared by the PDF and CSV writers and the screen. */
public final class ReportViews {

    private ReportViews() {
    }

    /** A department or a whole facility. */
    public enum ScopeKind {
        DEPARTMENT("Department"), FACILITY("Facility");

        private final String label;

        ScopeKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The two formats; the CSV has every row, the PDF at most {@link ExposureReportService#PDF_ROW_CAP}. */
    public enum ReportFormat {
        PDF("application/pdf", "pdf"), CSV("text/csv; charset=UTF-8", "csv");

        private final String contentType;
        private final String extension;

        ReportFormat(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        /** Parses a format name (pdf, csv, any case), refusing others with the field "format" (422). */
        public static ReportFormat parse(String value) {
            String v = value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT);
            for (ReportFormat f : values()) {
                if (f.name().equals(v)) {
                    return f;
                }
            }
            throw new org.patchcare.shared.domain.InvalidInputException("format", "must be pdf or csv");
        }
    }

    /** What a person asks for: a kind of scope and its code (department or facility code). */
    public record ReportRequest(ScopeKind kind, String code) {
    }

    /** A scope the caller may report on, for the screen's choice. */
    public record ScopeOption(ScopeKind kind, String code, String name, String facilityCode) {

        public String label() {
            return kind == ScopeKind.DEPARTMENT ? name + " (" + code + (facilityCode == null ? "" : ", " + facilityCode) + ")"
                    : name + " (" + code + ")";
        }
    }

    /**
     * The resolved scope: what the report covers, with the departments it includes. {@code limitedTo} is set when a
     * clinical manager asked for a facility and only their own departments of it are included.
     */
    public record Scope(ScopeKind kind, String code, String name, String facilityName, List<String> departmentCodes,
                        boolean limitedToOwnDepartments) {

        /** "Department ICU — Intensive Care Unit (St. Elsewhere General Hospital)". */
        public String title() {
            return kind.label() + " " + code + " - " + name + (kind == ScopeKind.DEPARTMENT && facilityName != null
                    ? " (" + facilityName + ")" : "");
        }

        /** The file name of its report: patchcare-exposures-department-ICU-2026-11-24.pdf (the day in UTC). */
        public String fileName(ReportFormat format, Instant at) {
            return "patchcare-exposures-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-"
                    + code.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + at.atZone(java.time.ZoneOffset.UTC).toLocalDate()
                    + "." + format.extension();
        }
    }

    /**
     * How current the data is.
     *
     * @param decisionsEvaluatedAt the newest evaluation of a decision in the scope (null when none)
     * @param waitingForEvaluation open exposures of the scope not decided yet or marked for re-evaluation: not (or
     *                             not correctly) in this report yet
     * @param kevLoadedAt          when the KEV catalogue was last loaded (null: never)
     * @param epssLoadedAt         when EPSS scores were last loaded (null: never)
     * @param newestAdvisoryAt     the newest advisory import or revision (null: none)
     */
    public record Freshness(Instant decisionsEvaluatedAt, long waitingForEvaluation, Instant kevLoadedAt,
                            Instant epssLoadedAt, Instant newestAdvisoryAt) {
    }

    /**
     * The summary counts of the scope. Open exposures include accepted risks (counted separately); overdue counts
     * open, not accepted exposures past their due date, as the work queue does.
     *
     * @param byOutcome open exposures per SSVC outcome name, most urgent first (IMMEDIATE … DEFER), zeros included
     */
    public record Summary(long openExposures, Map<String, Long> byOutcome, long overdue, long riskAccepted,
                          long withActiveControls, long exposedDevices, long devices, long devicesPastEndOfSupport) {
    }

    /** Everything before the table. */
    public record Header(Scope scope, Instant generatedAt, String generatedBy, Freshness freshness, Summary summary,
                         ScoreFormula.Formula formula) {
    }

    /**
     * One open exposure of the report.
     *
     * @param location      building / floor / room (empty when unknown)
     * @param overdue       past its due date and not accepted
     * @param state         the exposure's state label (Affected, Under investigation)
     * @param mitigation    active compensating controls and an approved risk acceptance, in words (empty: none)
     */
    public record Row(String assetTag, String manufacturer, String model, String departmentCode, String location,
                      String advisory, String cve, String outcome, int score, Instant due, boolean overdue,
                      String state, String mitigation) {
    }

    /** The screen's preview of a scope before downloading. */
    public record Preview(Scope scope, Summary summary, Freshness freshness) {
    }

    /** Receives the report in order: the header once, every row, then the end. */
    public interface ReportSink {
        void header(Header header) throws java.io.IOException;

        void row(Row row) throws java.io.IOException;

        void end() throws java.io.IOException;
    }
}
