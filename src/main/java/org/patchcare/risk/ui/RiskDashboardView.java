package org.patchcare.risk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.RiskViews.RiskRollup;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;
import org.patchcare.shared.ui.ViewAccessControl;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How exposed each facility and department is, worst first (the service sorts; clinical managers see only their
 * departments): the exposure score, open exposures by priority as bars, what is overdue, and how many devices are
 * exposed. People who work the queue open a department's exposures from here; a legend says what each priority asks.
 */
@Route(value = "risk/dashboard", layout = MainLayout.class)
@PageTitle("Risk dashboard · PatchCare")
@RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN, Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER})
public class RiskDashboardView extends VerticalLayout {

    @Inject
    public RiskDashboardView(RiskService risk) {
        setMaxWidth("90em");
        setId("risk-dashboard");
        H2 title = new H2("Risk dashboard");
        title.getStyle().set("margin", "0");
        Paragraph intro = new Paragraph("How exposed our devices are to known security weaknesses, worst first. "
                + "Each bar counts the open exposures (one device × one weakness) by how soon they must be dealt with.");
        intro.addClassName("pc-muted");
        intro.getStyle().set("margin", "0");
        add(title, intro, legend(risk.dueTimes()));

        List<RiskRollup> facilities = risk.facilities();
        List<RiskRollup> departments = risk.departments();
        boolean linked = ViewAccessControl.mayOpen(RiskQueueView.class, VaadinRequest.getCurrent());
        if (departments.stream().allMatch(d -> OutcomeBar.total(d) == 0)) {
            Paragraph none = new Paragraph("No open exposures: none of our devices is known to be affected by an open "
                    + "security weakness.");
            none.setId("dashboard-empty");
            add(none);
        }
        H3 byFacility = new H3("By facility");
        byFacility.addClassName("pc-section-title");
        Div cards = new Div();
        cards.addClassName("pc-facility-cards");
        cards.setId("facility-cards");
        long facilityScale = facilities.stream().mapToLong(OutcomeBar::total).max().orElse(0);
        facilities.forEach(f -> cards.add(facilityCard(f, facilityScale)));
        H3 byDepartment = new H3("By department");
        byDepartment.addClassName("pc-section-title");
        Paragraph hint = new Paragraph(linked ? "Click a department to open its exposures in the work queue."
                : "Only the departments you are responsible for are shown.");
        hint.addClassName("pc-muted");
        hint.getStyle().set("margin", "0");
        add(byFacility, cards, byDepartment, hint, departmentTable(departments, linked));
    }

    /** What each priority asks, with the hospital's due times. */
    static Component legend(Map<String, Duration> dueTimes) {
        Div legend = new Div();
        legend.addClassNames("pc-card", "pc-outcome-legend");
        legend.setId("outcome-legend");
        for (String outcome : dueTimes.keySet()) {
            Span badge = RiskFormats.outcomeBadge(outcome);
            Span text = new Span(RiskFormats.outcomeMeaning(outcome, dueTimes.get(outcome)));
            Div item = new Div(badge, text);
            item.addClassName("pc-outcome-legend-item");
            legend.add(item);
        }
        Span score = new Span("Exposure score: 0 to 100, the higher the more urgent; a department's score is the "
                + "average of its exposed devices' worst exposures. Overdue: past the due date and not accepted.");
        score.addClassNames("pc-muted", "pc-outcome-legend-note");
        legend.add(score);
        return legend;
    }

    private static Component facilityCard(RiskRollup f, long scale) {
        H3 name = new H3(f.name());
        name.addClassName("pc-facility-name");
        Div card = new Div(name, scoreLine(f), bar(f, scale), counts(f));
        card.addClassNames("pc-card", "pc-facility-card");
        card.setId("facility-" + f.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        return card;
    }

    /** The roll-up's bar, or "none open" when it has no open exposure. */
    private static Div bar(RiskRollup r, long scale) {
        if (OutcomeBar.total(r) > 0) {
            return OutcomeBar.of(r, scale);
        }
        Div none = new Div(new Span("none open"));
        none.addClassNames("pc-muted", "pc-bar-empty");
        return none;
    }

    private static Component scoreLine(RiskRollup r) {
        Span number = new Span(Integer.toString(r.score()));
        number.addClassName("pc-tile-number");
        Span label = new Span("exposure score");
        label.addClassName("pc-muted");
        Div line = new Div(number, label);
        if (r.exposedDevices() > 0) {
            Span worst = new Span("· worst device " + r.maxScore());
            worst.addClassName("pc-muted");
            line.add(worst);
        }
        line.addClassName("pc-score-line");
        line.getElement().setAttribute("title", "Average of the exposed devices' worst scores (0–100)");
        return line;
    }

    private static Component counts(RiskRollup r) {
        Span exposed = new Span(String.format(Locale.ROOT, "%,d of %,d devices exposed", r.exposedDevices(), r.devices()));
        Span overdue = new Span(r.overdue() + " overdue");
        if (r.overdue() > 0) {
            overdue.addClassName("pc-overdue");
        }
        Div line = new Div(overdue, new Span(" · "), exposed);
        if (OutcomeBar.total(r) > 0) {
            line.addComponentAsFirst(new Span(OutcomeBar.describe(r) + " · "));
        }
        line.addClassNames("pc-muted", "pc-counts");
        return line;
    }

    /** A department's overdue count: red when any, a dash when none. */
    private static Span overdue(long n) {
        Span s = new Span(n == 0 ? "—" : Long.toString(n));
        s.addClassName(n == 0 ? "pc-muted" : "pc-overdue");
        return s;
    }

    /** One row per department: name, score, bar, overdue, devices exposed; bars share one scale. */
    static Div departmentTable(List<RiskRollup> departments, boolean linked) {
        Div table = new Div();
        table.addClassName("pc-dept-table");
        table.setId("department-table");
        Div head = new Div(cell("Department"), cell("Score"), cell("Open exposures by priority"), cell("Overdue"),
                cell("Devices exposed"));
        head.addClassNames("pc-dept-cells", "pc-dept-head");
        table.add(head);
        long scale = departments.stream().mapToLong(OutcomeBar::total).max().orElse(0);
        for (RiskRollup d : departments) {
            Span name = new Span(d.code() + " – " + d.name());
            name.addClassName("pc-dept-name");
            Span facility = new Span(d.facility());
            facility.addClassNames("pc-muted", "pc-dept-facility");
            Span score = new Span(Integer.toString(d.score()));
            score.addClassName("pc-dept-score");
            score.getElement().setAttribute("title", "Exposure score; worst device " + d.maxScore());
            long total = OutcomeBar.total(d);
            Span totalText = new Span(total == 0 ? "" : Long.toString(total));
            totalText.addClassName("pc-bar-total");
            Div barCell = new Div(bar(d, scale), totalText);
            barCell.addClassName("pc-bar-cell");
            Div cells = new Div(new Div(name, facility), score, barCell, overdue(d.overdue()),
                    new Span(String.format(Locale.ROOT, "%,d / %,d", d.exposedDevices(), d.devices())));
            cells.addClassName("pc-dept-cells");
            Component row;
            if (linked) {
                Anchor a = new Anchor(RiskQueueView.linkToDepartment(d.code()), cells);
                a.getElement().setAttribute("title", "Open the work queue for " + d.name());
                row = a;
            } else {
                row = cells;
            }
            Div wrapper = new Div(row);
            wrapper.addClassNames("pc-dept-row", linked ? "linked" : "plain");
            wrapper.setId("dept-" + d.code());
            table.add(wrapper);
        }
        return table;
    }

    private static Span cell(String text) {
        return new Span(text);
    }
}
