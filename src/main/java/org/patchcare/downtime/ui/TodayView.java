package org.patchcare.downtime.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.patchcare.downtime.application.CalendarService;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.application.WindowFilter;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.shared.ui.MainLayout;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The technician's day: the windows of today or this week with the devices to take down, where they are, when (in the
 * facility's local time), for which request and who does it. "Only mine" keeps the caller's own windows.
 */
@Route(value = "downtime/today", layout = MainLayout.class)
@PageTitle("Today's downtime · PatchCare")
@PermitAll
public class TodayView extends VerticalLayout {

    enum Period {
        TODAY("Today"), WEEK("This week");

        final String label;

        Period(String label) {
            this.label = label;
        }
    }

    private final CalendarService calendar;
    private final ZoneId zone;
    private final Clock clock;
    private final String user;
    final RadioButtonGroup<Period> period = new RadioButtonGroup<>();
    final Checkbox mineOnly = new Checkbox("Only mine");
    final Grid<WindowView> grid = new Grid<>();
    final Span count = new Span();
    private WindowFilter lastFilter;

    @Inject
    public TodayView(CalendarService calendar, OrganisationService organisation, Clock clock) {
        this(calendar, organisation.homeZone(), clock, currentUser());
    }

    TodayView(CalendarService calendar, ZoneId zone, Clock clock, String user) {
        this.calendar = calendar;
        this.zone = zone;
        this.clock = clock;
        this.user = user;
        setSizeFull();
        H2 title = new H2("Today's downtime");
        title.getStyle().set("margin", "0");
        count.setId("today-count");
        count.addClassName("pc-muted");
        HorizontalLayout header = new HorizontalLayout(title, count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph hint = new Paragraph("Devices to take out of service, with where and when. Times are local to each "
                + "device's facility. Open the request for the steps, the backup equipment and the rollback plan.");
        hint.addClassName("pc-muted");
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> p.label);
        period.setValue(Period.TODAY);
        period.setId("today-period");
        period.addValueChangeListener(e -> refresh());
        mineOnly.setId("today-mine");
        mineOnly.setTooltipText("Only the windows where you are the technician");
        mineOnly.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(period, mineOnly);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(header, hint, bar, grid);
        refresh();
    }

    private static String currentUser() {
        VaadinRequest r = VaadinRequest.getCurrent();
        return r == null || r.getUserPrincipal() == null ? null : r.getUserPrincipal().getName();
    }

    private void configureGrid() {
        grid.setId("today-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(this::when).setHeader("When (local time)").setKey("when").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(WindowView::assetTag).setHeader("Asset tag").setKey("assetTag").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(w -> DowntimeUi.text(w.deviceName())).setHeader("Device").setKey("device").setFlexGrow(2);
        grid.addColumn(w -> DowntimeUi.text(w.departmentName()) + (w.facilityCode() == null ? "" : " · " + w.facilityCode()))
                .setHeader("Department").setKey("department").setFlexGrow(2);
        grid.addComponentColumn(DowntimeUi::requestLink).setHeader("Request").setKey("request").setFlexGrow(3);
        grid.addColumn(w -> DowntimeUi.text(w.technician())).setHeader("Technician").setKey("technician")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(w -> DowntimeUi.status(w.status())).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
    }

    private String when(WindowView w) {
        ZoneId z = DowntimeUi.zone(w, zone);
        String span = DowntimeUi.span(w, zone) + (z.equals(zone) ? "" : " " + DowntimeUi.zoneShort(w.start(), z));
        return period.getValue() == Period.TODAY ? span : DowntimeUi.DAY.format(w.start().atZone(z)) + " " + span;
    }

    WindowFilter filter() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = period.getValue() == Period.WEEK ? today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : today;
        LocalDate to = period.getValue() == Period.WEEK ? from.plusDays(7) : today.plusDays(1);
        return new WindowFilter(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant(), null, null, null,
                null, CalendarView.SHOWN);
    }

    WindowFilter lastFilter() {
        return lastFilter;
    }

    void refresh() {
        lastFilter = filter();
        List<WindowView> windows = calendar.windows(lastFilter).stream()
                .filter(w -> !mineOnly.getValue() || (user != null && user.equalsIgnoreCase(w.technician())))
                .sorted(Comparator.comparing(WindowView::start).thenComparing(WindowView::assetTag))
                .toList();
        grid.setItems(windows);
        long devices = windows.stream().map(WindowView::assetTag).distinct().count();
        count.setText(String.format(Locale.ROOT, "%d window%s, %d device%s", windows.size(),
                windows.size() == 1 ? "" : "s", devices, devices == 1 ? "" : "s"));
        grid.setEmptyStateText(period.getValue() == Period.TODAY ? "No downtime planned for today."
                : "No downtime planned for this week.");
    }
}
