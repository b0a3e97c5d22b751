package org.patchcare.reporting.ui;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.reporting.application.ExposureReportService;
import org.patchcare.reporting.application.ReportViews.Freshness;
import org.patchcare.reporting.application.ReportViews.Preview;
import org.patchcare.reporting.application.ReportViews.ReportFormat;
import org.patchcare.reporting.application.ReportViews.ReportRequest;
import org.patchcare.reporting.application.ReportViews.Scope;
import org.patchcare.reporting.application.ReportViews.ScopeKind;
import org.patchcare.reporting.application.ReportViews.ScopeOption;
import org.patchcare.reporting.application.ReportViews.Summary;
import org.patchcare.testsupport.BrowserlessUi;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The exposure report screen in a browserless UI, with a report service answering from the test. */
@ExtendWith(BrowserlessUi.class)
class ExposureReportViewTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    /** What the screen asked for: "preview DEPARTMENT ICU", "write PDF FACILITY MAIN". */
    private final List<String> calls = new ArrayList<>();
    private final List<ScopeOption> options = new ArrayList<>(List.of(
            new ScopeOption(ScopeKind.FACILITY, "MAIN", "St. Elsewhere General Hospital", "MAIN"),
            new ScopeOption(ScopeKind.DEPARTMENT, "ED", "Emergency Department", "MAIN"),
            new ScopeOption(ScopeKind.DEPARTMENT, "ICU", "Intensive Care Unit", "MAIN")));

    private final ExposureReportService fake = new ExposureReportService() {
        @Override
        public List<ScopeOption> scopes() {
            return options;
        }

        @Override
        public Preview preview(ReportRequest r) {
            calls.add("preview " + r.kind() + " " + r.code());
            Map<String, Long> byOutcome = new LinkedHashMap<>(Map.of("IMMEDIATE", 1L, "OUT_OF_CYCLE", 4L,
                    "SCHEDULED", 6L, "DEFER", 0L));
            boolean facility = r.kind() == ScopeKind.FACILITY;
            return new Preview(new Scope(r.kind(), r.code(), facility ? "St. Elsewhere General Hospital"
                    : "Intensive Care Unit", "St. Elsewhere General Hospital", facility ? List.of("ED", "ICU")
                    : List.of(r.code()), false),
                    new Summary(11, byOutcome, 2, 1, 3, 5, 40, 7),
                    new Freshness(NOW.minusSeconds(120), facility ? 4 : 0, NOW, null, NOW));
        }

        @Override
        public void write(ReportRequest r, ReportFormat format, OutputStream out) {
            calls.add("write " + format + " " + r.kind() + " " + r.code());
            try {
                out.write(("report of " + r.code()).getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    };

    private ExposureReportView view() {
        ExposureReportView v = new ExposureReportView(fake, Clock.fixed(NOW, ZoneOffset.UTC));
        UI.getCurrent().add(v);
        return v;
    }

    @Test
    void opens_on_the_first_department_with_its_counts_and_both_downloads() {
        ExposureReportView v = view();
        assertThat(v.kind.getValue()).isEqualTo(ScopeKind.DEPARTMENT);
        assertThat(v.scope.getValue().code()).isEqualTo("ED");
        assertThat(calls).containsExactly("preview DEPARTMENT ED");
        assertThat(text(v, "report-counts")).isEqualTo("11 open exposures (1 immediate, 4 out-of-cycle, 6 scheduled, "
                + "0 defer); 2 overdue; 1 risk accepted; 3 with compensating controls; 7 of 40 devices past end of support.");
        assertThat(text(v, "report-freshness")).isEqualTo("Decisions last evaluated 2026-11-24 08:58 UTC.");
        assertThat(v.pdf.isEnabled()).isTrue();
        assertThat(v.csv.isEnabled()).isTrue();
        assertThat(v.pdf.getHref()).isNotBlank();
        assertThat(v.csv.getHref()).isNotBlank().isNotEqualTo(v.pdf.getHref());
    }

    @Test
    void switching_to_facility_lists_facilities_and_downloads_the_facility_report() {
        ExposureReportView v = view();
        v.kind.setValue(ScopeKind.FACILITY);
        assertThat(v.scope.getLabel()).isEqualTo("Facility");
        assertThat(v.scope.getValue().code()).isEqualTo("MAIN");
        assertThat(text(v, "report-scope-title")).isEqualTo("Facility MAIN - St. Elsewhere General Hospital");
        assertThat(text(v, "report-freshness")).endsWith("4 exposures are waiting for evaluation.");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        v.download(ReportFormat.CSV, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("report of MAIN");
        assertThat(calls).endsWith("preview FACILITY MAIN", "write CSV FACILITY MAIN");
    }

    @Test
    void takes_the_scope_from_the_address_so_dashboards_can_link_here() {
        ExposureReportView v = view();
        v.select(ScopeKind.DEPARTMENT, "icu");
        assertThat(v.scope.getValue().code()).isEqualTo("ICU");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        v.download(ReportFormat.PDF, out);
        assertThat(calls).endsWith("preview DEPARTMENT ICU", "write PDF DEPARTMENT ICU");
    }

    @Test
    void tells_a_manager_without_departments_that_there_is_nothing_to_report_on() {
        options.clear();
        ExposureReportView v = view();
        assertThat(v.scope.getValue()).isNull();
        assertThat(v.preview.getElement().getTextRecursively()).contains("You are not assigned to a department yet");
        assertThat(v.pdf.isEnabled()).isFalse();
        assertThat(v.csv.isEnabled()).isFalse();
        assertThat(calls).isEmpty();
    }

    private static String text(ExposureReportView v, String id) {
        return v.preview.getChildren().flatMap(c -> c.getChildren()).filter(c -> c.getId().orElse("").equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no #" + id)).getElement().getTextRecursively();
    }
}
