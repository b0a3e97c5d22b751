package org.patchcare.reporting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.reporting.application.ExposureReportService;
import org.patchcare.reporting.application.ReportViews.Preview;
import org.patchcare.reporting.application.ReportViews.ReportFormat;
import org.patchcare.reporting.application.ReportViews.ReportRequest;
import org.patchcare.reporting.application.ReportViews.ScopeKind;
import org.patchcare.reporting.application.ReportViews.ScopeOption;
import org.patchcare.reporting.application.ReportViews.Summary;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The exposure report for the committee that reviews cyber risk: pick a department or a facility, see what the
 * report will count, download it as PDF (to read and file) or CSV (every row, for a spreadsheet). The URL may carry
 * the scope ({@code reports/exposures?department=ICU} or {@code ?facility=MAIN}), so a dashboard can link here.
 */
@Route(value = "reports/exposures", layout = MainLayout.class)
@PageTitle("Exposure report · PatchCare")
@RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN, Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER})
public class ExposureReportView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ExposureReportService reports;
    private final Clock clock;
    private final List<ScopeOption> options;
    final RadioButtonGroup<ScopeKind> kind = new RadioButtonGroup<>("Report on");
    final ComboBox<ScopeOption> scope = new ComboBox<>();
    final Anchor pdf = new Anchor();
    final Anchor csv = new Anchor();
    final Div preview = new Div();

    @Inject
    public ExposureReportView(ExposureReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
        this.options = reports.scopes();
        setMaxWidth("60rem");
        H2 title = new H2("Exposure report");
        title.getStyle().set("margin", "0");
        Paragraph intro = new Paragraph("A report of the open cyber-security exposures of one department or a whole "
                + "facility, for the committee that reviews cyber risk. It states the scope, when it was made and how "
                + "current the data is, the counts per priority, every open exposure with its due date, controls and "
                + "accepted risks, and how the exposure score is computed. The PDF lists up to "
                + String.format(Locale.ROOT, "%,d", ExposureReportService.PDF_ROW_CAP)
                + " exposures; the CSV has all of them and opens in a spreadsheet.");
        intro.addClassName("pc-muted");

        kind.setId("report-kind");
        kind.setItems(ScopeKind.values());
        kind.setItemLabelGenerator(ScopeKind::label);
        kind.addValueChangeListener(e -> {
            scope.setLabel(e.getValue() == ScopeKind.FACILITY ? "Facility" : "Department");
            scope.setItems(options.stream().filter(o -> o.kind() == e.getValue()).toList());
            scope.clear();
            scope.getListDataView().getItems().findFirst().ifPresent(scope::setValue);
        });
        scope.setId("report-scope");
        scope.setItemLabelGenerator(ScopeOption::label);
        scope.setWidth("24rem");
        scope.addValueChangeListener(e -> refresh());

        pdf.setId("report-pdf");
        pdf.add(VaadinIcon.FILE_TEXT_O.create(), new Span("Download PDF"));
        csv.setId("report-csv");
        csv.add(VaadinIcon.TABLE.create(), new Span("Download CSV"));
        for (Anchor a : List.of(pdf, csv)) {
            a.setEnabled(false); // until a scope is chosen
            a.getElement().setAttribute("router-ignore", true);
            a.addClassName("pc-download");
            a.getStyle().set("display", "inline-flex").set("gap", "0.4em").set("align-items", "center");
        }
        HorizontalLayout choice = new HorizontalLayout(kind, scope);
        choice.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout downloads = new HorizontalLayout(pdf, csv);
        downloads.setSpacing(true);
        preview.setId("report-preview");
        add(title, intro, choice, preview, downloads);
        if (options.isEmpty()) {
            preview.add(new Paragraph("You are not assigned to a department yet, so there is nothing to report on. "
                    + "Ask an administrator to assign you to your departments."));
        }
        kind.setValue(ScopeKind.DEPARTMENT);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("facility")) {
            select(ScopeKind.FACILITY, params.get("facility").getFirst());
        } else if (params.containsKey("department")) {
            select(ScopeKind.DEPARTMENT, params.get("department").getFirst());
        }
    }

    /** Selects a scope by its code, if the caller may report on it. */
    void select(ScopeKind k, String code) {
        kind.setValue(k);
        options.stream().filter(o -> o.kind() == k && o.code().equalsIgnoreCase(code)).findFirst()
                .ifPresent(scope::setValue);
    }

    /** The request of the current choice, or null. */
    ReportRequest request() {
        ScopeOption o = scope.getValue();
        return o == null ? null : new ReportRequest(o.kind(), o.code());
    }

    /** Writes the chosen report: what the download links run. */
    void download(ReportFormat format, OutputStream out) {
        reports.write(request(), format, out);
    }

    private void refresh() {
        preview.removeAll();
        ReportRequest r = request();
        pdf.setEnabled(r != null);
        csv.setEnabled(r != null);
        if (r == null) {
            pdf.removeHref();
            csv.removeHref();
            return;
        }
        Preview p = reports.preview(r);
        preview.add(summary(p));
        pdf.setHref(handler(ReportFormat.PDF, p));
        csv.setHref(handler(ReportFormat.CSV, p));
    }

    private DownloadHandler handler(ReportFormat format, Preview p) {
        return event -> {
            event.setFileName(p.scope().fileName(format, clock.instant()));
            event.setContentType(format.contentType());
            try (OutputStream out = event.getOutputStream()) {
                download(format, out);
            }
        };
    }

    private Component summary(Preview p) {
        Summary s = p.summary();
        Div box = new Div();
        box.addClassName("pc-report-summary");
        Paragraph scopeLine = new Paragraph(p.scope().title() + (p.scope().limitedToOwnDepartments()
                ? " - your departments only: " + String.join(", ", p.scope().departmentCodes()) : ""));
        scopeLine.setId("report-scope-title");
        scopeLine.getStyle().set("font-weight", "600");
        Paragraph counts = new Paragraph(String.format(Locale.ROOT,
                "%d open exposures (%d immediate, %d out-of-cycle, %d scheduled, %d defer); %d overdue; %d risk "
                        + "accepted; %d with compensating controls; %d of %d devices past end of support.",
                s.openExposures(), s.byOutcome().get("IMMEDIATE"), s.byOutcome().get("OUT_OF_CYCLE"),
                s.byOutcome().get("SCHEDULED"), s.byOutcome().get("DEFER"), s.overdue(),
                s.riskAccepted(), s.withActiveControls(), s.devicesPastEndOfSupport(), s.devices()));
        counts.setId("report-counts");
        var f = p.freshness();
        Paragraph fresh = new Paragraph("Decisions last evaluated " + (f.decisionsEvaluatedAt() == null ? "never"
                : STAMP.format(f.decisionsEvaluatedAt())) + (f.waitingForEvaluation() == 0 ? "."
                : "; " + f.waitingForEvaluation() + " exposures are waiting for evaluation."));
        fresh.addClassName("pc-muted");
        fresh.setId("report-freshness");
        box.add(scopeLine, counts, fresh);
        return box;
    }
}
