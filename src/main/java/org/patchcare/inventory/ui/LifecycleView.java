package org.patchcare.inventory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.DeviceFilter;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.SupportCount;
import org.patchcare.inventory.domain.SupportStatus;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;
import java.util.function.BiFunction;

/** Where unsupported and soon-unsupported devices are: by department and by model, each linking to the device list. */
@Route(value = "lifecycle", layout = MainLayout.class)
@PageTitle("Lifecycle · PatchCare")
@PermitAll
public class LifecycleView extends VerticalLayout {

    static final int CHART_ROWS = 15;

    @Inject
    public LifecycleView(DeviceService devices) {
        setMaxWidth("90em");
        add(new H2("Lifecycle overview"),
                new Paragraph("Devices whose vendor support has ended or ends within "
                        + SupportStatus.SOON_MONTHS + " months (retired devices left out). Click a bar or a row to see the devices."));
        add(section("By department", "Department", "lifecycle-departments", devices.supportByDepartment(),
                (key, support) -> new DeviceFilter(null, key, null, null, null, null, support)));
        add(section("By model", "Model", "lifecycle-models", devices.supportByModel(),
                (key, support) -> new DeviceFilter(null, null, null, null, key, null, support)));
    }

    private Component section(String title, String keyHeader, String id, List<SupportCount> counts,
                              BiFunction<String, SupportStatus, DeviceFilter> filterOf) {
        List<SupportCount> atRisk = counts.stream().filter(c -> c.unsupported() + c.endingSoon() > 0).toList();
        Div chart = new Div();
        chart.setId(id + "-chart");
        chart.addClassName("pc-chart-box");
        chart.getElement().setProperty("innerHTML",
                new SvgBarChart(title + ": unsupported and ending-soon devices", 760)
                        .render(LifecycleCharts.bars(atRisk.stream().limit(CHART_ROWS).toList(),
                                (key, s) -> DeviceFilterParams.link(filterOf.apply(key, s)))));
        Paragraph more = new Paragraph(atRisk.size() > CHART_ROWS
                ? "The chart shows the " + CHART_ROWS + " with most unsupported devices; the table lists all."
                : atRisk.isEmpty() ? "No unsupported or soon-unsupported devices." : "");
        more.addClassName("pc-muted");

        Grid<SupportCount> grid = new Grid<>(SupportCount.class, false);
        grid.setId(id + "-table");
        grid.addComponentColumn(c -> new Anchor(DeviceFilterParams.link(filterOf.apply(c.key(), null)), c.label()))
                .setHeader(keyHeader)
                .setFlexGrow(2).setComparator(SupportCount::label).setSortable(true);
        column(grid, "Unsupported", SupportStatus.UNSUPPORTED, SupportCount::unsupported, filterOf);
        column(grid, "Ending soon", SupportStatus.ENDING_SOON, SupportCount::endingSoon, filterOf);
        column(grid, "Supported", SupportStatus.SUPPORTED, SupportCount::supported, filterOf);
        column(grid, "Unknown", SupportStatus.UNKNOWN, SupportCount::unknown, filterOf);
        grid.addColumn(SupportCount::total).setHeader("Total").setComparator(SupportCount::total).setSortable(true);
        grid.setItems(counts);
        grid.setAllRowsVisible(true);

        VerticalLayout v = new VerticalLayout(new H3(title), chart, more, grid);
        v.setPadding(false);
        v.setId(id);
        return v;
    }

    private static void column(Grid<SupportCount> grid, String header, SupportStatus status,
                               java.util.function.ToLongFunction<SupportCount> value,
                               BiFunction<String, SupportStatus, DeviceFilter> filterOf) {
        grid.addComponentColumn(c -> {
            long n = value.applyAsLong(c);
            if (n == 0) {
                return new com.vaadin.flow.component.html.Span("0");
            }
            Anchor a = new Anchor(DeviceFilterParams.link(filterOf.apply(c.key(), status)), Long.toString(n));
            a.addClassNames("pc-badge", SupportBadge.cssClass(status));
            return a;
        }).setHeader(header).setComparator(value::applyAsLong).setSortable(true);
    }
}
