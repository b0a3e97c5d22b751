package org.patchcare.reporting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import org.patchcare.reporting.application.MetricsFilter;
import org.patchcare.reporting.application.MetricsService;
import org.patchcare.reporting.ui.DashboardParts.Period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * What the three dashboards share: the frame (width, id, title and introduction), the period selector, the content
 * area the charts are drawn into, the links for the caller, and the filter's period. A dashboard adds its own filters
 * with {@link #filters}, then draws with {@link #refresh()}.
 */
public abstract class DashboardFrame extends VerticalLayout {

    final MetricsService metrics;
    final Clock clock;
    final DashboardLinks links = DashboardLinks.forCaller();
    final Select<Period> period = DashboardParts.periodSelect();
    final Div content = new Div();

    DashboardFrame(MetricsService metrics, Clock clock, String id, String title, String introduction) {
        this.metrics = metrics;
        this.clock = clock;
        setMaxWidth("110em");
        setId(id);
        addClassName("pc-dashboard");
        add(DashboardParts.title(title, introduction));
        content.setWidthFull();
    }

    /** Draws the content again for the current filters. */
    abstract void refresh();

    /** Adds the row of filters (which wraps on narrow screens) and below it the content. */
    void filters(Component... filters) {
        FlexLayout row = new FlexLayout(filters);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
        add(row, content);
    }

    /** All metrics of the chosen period (default 12 months) up to today (UTC), to be narrowed by the dashboard. */
    MetricsFilter periodFilter() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Period p = period.getValue() == null ? Period.MONTHS_12 : period.getValue();
        return MetricsFilter.all().withPeriod(p.from(today), today);
    }

    /** A count as the tiles show it, e.g. 1,234. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
