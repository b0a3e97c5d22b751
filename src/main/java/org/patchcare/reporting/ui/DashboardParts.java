package org.patchcare.reporting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.RiskViews.RiskRollup;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.ViewAccessControl;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the three dashboards share: the period picker, headline tiles, department choices, the report link. */
final class DashboardParts {

    /** The dashboards' plain CSS (src/main/webapp), loaded with the first dashboard opened. */
    static final String STYLESHEET = "context://dashboards.css";

    /** The route of the exposure report (PDF/CSV for the committee), built in the reporting context's report screen. */
    static final String EXPOSURE_REPORT_ROUTE = "reports/exposures";

    /** The periods a dashboard can show, ending today. */
    enum Period {
        DAYS_90("Last 90 days", 0, 90), MONTHS_6("Last 6 months", 6, 0), MONTHS_12("Last 12 months", 12, 0),
        MONTHS_24("Last 2 years", 24, 0);

        private final String label;
        private final int months;
        private final int days;

        Period(String label, int months, int days) {
            this.label = label;
            this.months = months;
            this.days = days;
        }

        String label() {
            return label;
        }

        /** The first day of the period ending {@code today} (inclusive). */
        LocalDate from(LocalDate today) {
            return (months > 0 ? today.minusMonths(months) : today.minusDays(days)).plusDays(1);
        }
    }

    private DashboardParts() {
    }

    static Select<Period> periodSelect() {
        Select<Period> period = new Select<>();
        period.setLabel("Period");
        period.setId("filter-period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(Period::label);
        period.setValue(Period.MONTHS_12);
        period.setWidth("12em");
        return period;
    }

    static Component title(String text, String intro) {
        H2 title = new H2(text);
        title.getStyle().set("margin", "0");
        Paragraph p = new Paragraph(intro);
        p.addClassName("pc-muted");
        p.getStyle().set("margin", "0");
        Div head = new Div(title, p);
        reportLink().ifPresent(head::add);
        return head;
    }

    /**
     * The link to the exposure report, when that screen is there and the caller may open it (it is found by its
     * route, so this context does not depend on the report screen's class).
     */
    static Optional<Anchor> reportLink() {
        return reportView().filter(v -> ViewAccessControl.mayOpen(v, VaadinRequest.getCurrent())).map(v -> {
            Anchor a = new Anchor(EXPOSURE_REPORT_ROUTE, "Exposure report for the committee (PDF, CSV)");
            a.setId("exposure-report-link");
            a.addClassName("pc-dash-report-link");
            return a;
        });
    }

    /** The report screen's class, if a route {@value #EXPOSURE_REPORT_ROUTE} is registered. */
    static Optional<Class<? extends Component>> reportView() {
        if (VaadinService.getCurrent() == null) {
            return Optional.empty();
        }
        return RouteConfiguration.forApplicationScope().getRoute(EXPOSURE_REPORT_ROUTE);
    }

    /** A headline number; linked to its list when {@code href} is set. */
    static Component tile(String id, String value, String label, String href, boolean alarming) {
        Span number = new Span(value);
        number.addClassName("pc-dash-tile-number");
        if (alarming) {
            number.addClassName("pc-overdue");
        }
        Span text = new Span(label);
        text.addClassName("pc-dash-tile-label");
        Component inner;
        if (href != null) {
            Anchor a = new Anchor(href);
            a.add(number, text);
            a.getElement().setAttribute("title", "Open the list: " + label);
            inner = a;
        } else {
            inner = new Div(number, text);
        }
        Div tile = new Div(inner);
        tile.setId(id);
        tile.addClassNames("pc-card", "pc-dash-tile");
        return tile;
    }

    static Div tiles(Component... tiles) {
        Div row = new Div(tiles);
        row.addClassName("pc-dash-tiles");
        row.setId("headline");
        return row;
    }

    static Div grid() {
        Div grid = new Div();
        grid.addClassName("pc-dash-grid");
        return grid;
    }

    /**
     * A clinical manager without a hospital-wide role: the department pickers offer only their departments (the
     * metrics service narrows the data by the same rule, {@code CurrentUser.limitedToOwnDepartments}).
     */
    static boolean onlyOwnDepartments() {
        return Caller.hasRole(Roles.CLINICAL_MANAGER) && !Caller.hasRole(Roles.IT_SECURITY)
                && !Caller.hasRole(Roles.BIOMED_TECH) && !Caller.hasRole(Roles.ADMIN);
    }

    /** The departments the caller may pick: all, or a clinical manager's own (as the risk service lists them). */
    static List<DepartmentView> departments(OrganisationService organisation, RiskService risk) {
        List<DepartmentView> all = organisation.departments();
        if (!onlyOwnDepartments()) {
            return all;
        }
        Set<String> mine = risk.departments().stream().map(RiskRollup::code).collect(Collectors.toSet());
        return all.stream().filter(d -> mine.contains(d.code())).toList();
    }

    static String days(Double d) {
        return Charts.Unit.DAYS.text(d);
    }

    static String percent(Double share) {
        return share == null ? "—" : Charts.Unit.PERCENT.text(share * 100);
    }
}
