package org.patchcare.downtime.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.patchcare.downtime.application.CalendarService;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.application.WindowFilter;
import org.patchcare.downtime.domain.WindowStatus;
import org.patchcare.inventory.application.CatalogService;
import org.patchcare.inventory.application.CatalogViews.ModelView;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.OrganisationViews.FacilityView;
import org.patchcare.shared.ui.MainLayout;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The downtime calendar: a week (one column per day) or a month (one cell per day) of downtime windows, each in its
 * facility's local time, coloured and labelled by status, linking to its change request. Filters by facility,
 * department and device type; "Subscribe" makes an iCalendar feed of a department.
 */
@Route(value = "calendar", layout = MainLayout.class)
@PageTitle("Downtime calendar · PatchCare")
@PermitAll
public class CalendarView extends VerticalLayout {

    /** Week or month. */
    enum Mode {
        WEEK("Week"), MONTH("Month");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    /** What the calendar shows: proposed, approved, in progress and done windows (not cancelled ones). */
    static final Set<WindowStatus> SHOWN = EnumSet.of(WindowStatus.PROPOSED, WindowStatus.APPROVED,
            WindowStatus.IN_PROGRESS, WindowStatus.DONE);
    static final int MONTH_CELL_ENTRIES = 4;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final CalendarService calendar;
    private final Clock clock;
    private final List<FacilityView> facilityList;
    private final List<DepartmentView> departmentList;
    final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button today = new Button("Today");
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    final ComboBox<FacilityView> facility = new ComboBox<>("Facility");
    final ComboBox<DepartmentView> department = new ComboBox<>("Department");
    final ComboBox<String> deviceType = new ComboBox<>("Device type");
    final Button subscribe = new Button("Subscribe", VaadinIcon.CALENDAR_ENVELOPE.create());
    final H2 rangeTitle = new H2();
    final Span zoneNote = new Span();
    final Div body = new Div();
    /** The cell (month) or column (week) of each shown day. */
    final Map<LocalDate, Div> days = new LinkedHashMap<>();
    private LocalDate anchor;
    private WindowFilter lastFilter;

    @Inject
    public CalendarView(CalendarService calendar, OrganisationService organisation, CatalogService catalog, Clock clock) {
        this(calendar, organisation.facilities(), organisation.departments(),
                catalog.models(null).stream().map(ModelView::deviceType).filter(Objects::nonNull)
                        .filter(t -> !t.isBlank()).distinct().sorted().toList(), clock);
    }

    CalendarView(CalendarService calendar, List<FacilityView> facilities, List<DepartmentView> departments,
                 List<String> deviceTypes, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
        this.facilityList = facilities;
        this.departmentList = departments;
        setSizeFull();
        addClassName("pc-calendar-view");
        anchor = LocalDate.now(clock.withZone(OrganisationViews.homeZone(facilities, clock.getZone())));

        rangeTitle.setId("calendar-range");
        rangeTitle.getStyle().set("margin", "0");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> m.label);
        mode.setValue(Mode.WEEK);
        mode.setId("calendar-mode");
        mode.addValueChangeListener(e -> refresh());
        previous.setId("calendar-previous");
        previous.setAriaLabel("Previous");
        previous.setTooltipText("Previous week or month");
        previous.addClickListener(e -> move(-1));
        next.setId("calendar-next");
        next.setAriaLabel("Next");
        next.setTooltipText("Next week or month");
        next.addClickListener(e -> move(1));
        today.setId("calendar-today");
        today.addClickListener(e -> {
            anchor = LocalDate.now(clock.withZone(zone()));
            refresh();
        });
        HorizontalLayout nav = new HorizontalLayout(previous, today, next, rangeTitle);
        nav.setAlignItems(FlexComponent.Alignment.CENTER);

        facility.setItems(facilities);
        facility.setItemLabelGenerator(f -> f.name());
        facility.setClearButtonVisible(true);
        facility.setPlaceholder("All facilities");
        facility.setId("calendar-facility");
        facility.addValueChangeListener(e -> {
            department.setItems(e.getValue() == null ? departmentList
                    : departmentList.stream().filter(d -> e.getValue().code().equals(d.facilityCode())).toList());
            refresh();
        });
        department.setItems(departments);
        department.setItemLabelGenerator(DepartmentView::label);
        department.setClearButtonVisible(true);
        department.setPlaceholder("All departments");
        department.setId("calendar-department");
        department.addValueChangeListener(e -> refresh());
        deviceType.setItems(deviceTypes);
        deviceType.setClearButtonVisible(true);
        deviceType.setPlaceholder("All device types");
        deviceType.setId("calendar-device-type");
        deviceType.addValueChangeListener(e -> refresh());
        subscribe.setId("calendar-subscribe");
        subscribe.setTooltipText("Get an address that shows a department's downtime in Outlook or another calendar app");
        subscribe.addClickListener(e -> new FeedDialog(calendar, departmentList, department.getValue()).open());
        HorizontalLayout filters = new HorizontalLayout(mode, facility, department, deviceType, subscribe);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        zoneNote.addClassName("pc-muted");
        zoneNote.setId("calendar-zone");
        body.setId("calendar-body");
        body.setWidthFull();
        add(nav, filters, legend(), zoneNote, body);
        refresh();
    }

    /** The legend: colour, border style and symbol of each status, plus the emergency mark. */
    static Component legend() {
        Div legend = new Div();
        legend.addClassName("pc-cal-legend");
        legend.setId("calendar-legend");
        for (WindowStatus s : SHOWN) {
            Span item = new Span(DowntimeUi.symbol(s) + " " + s.label());
            item.addClassNames("pc-cal-entry", "pc-cal-legend-item", DowntimeUi.cssClass(s));
            legend.add(item);
        }
        Span emergency = new Span("⚠ Emergency");
        emergency.addClassNames("pc-cal-entry", "pc-cal-legend-item", "pc-cal-emergency");
        legend.add(emergency);
        return legend;
    }

    /** The zone days are counted in: the chosen facility's, else the facilities' common (first) zone. */
    ZoneId zone() {
        if (facility.getValue() != null) {
            ZoneId z = DowntimeUi.zoneOrNull(facility.getValue().timeZone());
            if (z != null) {
                return z;
            }
        }
        return OrganisationViews.homeZone(facilityList, clock.getZone());
    }

    private void move(int step) {
        anchor = mode.getValue() == Mode.MONTH ? anchor.plusMonths(step) : anchor.plusWeeks(step);
        refresh();
    }

    /** Shows the week or month around {@code day} (the tests use it). */
    void show(Mode m, LocalDate day) {
        anchor = day;
        if (mode.getValue() == m) {
            refresh();
        } else {
            mode.setValue(m);
        }
    }

    /** The first day shown. */
    LocalDate firstDay() {
        LocalDate from = mode.getValue() == Mode.MONTH ? anchor.withDayOfMonth(1) : anchor;
        return from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The day after the last day shown. */
    LocalDate endDay() {
        if (mode.getValue() == Mode.MONTH) {
            return anchor.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                    .plusDays(1);
        }
        return firstDay().plusDays(7);
    }

    WindowFilter filter() {
        ZoneId z = zone();
        return new WindowFilter(firstDay().atStartOfDay(z).toInstant(), endDay().atStartOfDay(z).toInstant(),
                department.getValue() == null ? null : department.getValue().code(),
                facility.getValue() == null ? null : facility.getValue().code(), deviceType.getValue(), null, SHOWN);
    }

    WindowFilter lastFilter() {
        return lastFilter;
    }

    void refresh() {
        ZoneId z = zone();
        LocalDate first = firstDay();
        LocalDate end = endDay();
        rangeTitle.setText(mode.getValue() == Mode.MONTH ? MONTH.format(anchor)
                : "Week of " + DAY_MONTH_YEAR.format(first) + " – " + DAY_MONTH_YEAR.format(end.minusDays(1)));
        zoneNote.setText("Times are local to each device's facility. Days are counted in " + DowntimeUi.zoneName(z) + ".");
        lastFilter = filter();
        List<WindowView> windows = calendar.windows(lastFilter);
        Map<LocalDate, List<WindowView>> byDay = new LinkedHashMap<>();
        for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
            byDay.put(d, new ArrayList<>());
        }
        windows.stream().sorted(Comparator.comparing(WindowView::start)).forEach(w -> {
            List<WindowView> list = byDay.get(DowntimeUi.localDay(w, z));
            if (list != null) {
                list.add(w);
            }
        });
        body.removeAll();
        days.clear();
        LocalDate todayHere = LocalDate.now(clock.withZone(z));
        if (mode.getValue() == Mode.MONTH) {
            body.add(month(byDay, z, todayHere));
        } else {
            body.add(week(byDay, z, todayHere));
        }
    }

    private Div week(Map<LocalDate, List<WindowView>> byDay, ZoneId z, LocalDate todayHere) {
        Div grid = new Div();
        grid.addClassNames("pc-cal", "pc-cal-week");
        grid.setId("calendar-week");
        byDay.forEach((day, list) -> {
            Div column = dayBox(day, todayHere, "pc-cal-column");
            Div head = new Div(new Span(DowntimeUi.DAY.format(day)));
            head.addClassName("pc-cal-day-head");
            column.add(head);
            if (list.isEmpty()) {
                Span none = new Span("No downtime");
                none.addClassNames("pc-muted", "pc-cal-none");
                column.add(none);
            }
            list.forEach(w -> column.add(entry(w, z, false)));
            grid.add(column);
        });
        return grid;
    }

    private Div month(Map<LocalDate, List<WindowView>> byDay, ZoneId z, LocalDate todayHere) {
        Div grid = new Div();
        grid.addClassNames("pc-cal", "pc-cal-month");
        grid.setId("calendar-month");
        for (DayOfWeek d : DayOfWeek.values()) {
            Div h = new Div(new Span(d.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)));
            h.addClassName("pc-cal-weekday");
            grid.add(h);
        }
        byDay.forEach((day, list) -> {
            Div cell = dayBox(day, todayHere, "pc-cal-cell");
            if (day.getMonth() != anchor.getMonth()) {
                cell.addClassName("pc-cal-other-month");
            }
            Span number = new Span(String.valueOf(day.getDayOfMonth()));
            number.addClassName("pc-cal-date");
            cell.add(number);
            list.stream().limit(MONTH_CELL_ENTRIES).forEach(w -> cell.add(entry(w, z, true)));
            if (list.size() > MONTH_CELL_ENTRIES) {
                Button more = new Button("+" + (list.size() - MONTH_CELL_ENTRIES) + " more",
                        e -> show(Mode.WEEK, day));
                more.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                more.addClassName("pc-cal-more");
                cell.add(more);
            }
            grid.add(cell);
        });
        return grid;
    }

    private Div dayBox(LocalDate day, LocalDate todayHere, String cls) {
        Div box = new Div();
        box.addClassName(cls);
        box.setId("cal-day-" + day);
        if (day.equals(todayHere)) {
            box.addClassName("pc-cal-today");
        }
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            box.addClassName("pc-cal-weekend");
        }
        days.put(day, box);
        return box;
    }

    /** One window: "08:00 ED-CT-01 Patch" (month) or time, device, request and status (week); links to the request. */
    static Anchor entry(WindowView w, ZoneId fallback, boolean compact) {
        ZoneId z = DowntimeUi.zone(w, fallback);
        Anchor a = new Anchor(DowntimeUi.requestHref(w), "");
        a.addClassNames("pc-cal-entry", DowntimeUi.cssClass(w.status()));
        a.setId("cal-entry-" + w.id());
        if (w.emergency()) {
            a.addClassName("pc-cal-emergency");
        }
        String symbol = DowntimeUi.symbol(w.status());
        String what = w.assetTag() + " " + DowntimeUi.kind(w.kind());
        String zoneShort = z.equals(fallback) ? "" : " " + DowntimeUi.zoneShort(w.start(), z);
        a.getElement().setAttribute("title", w.status().label() + (w.emergency() ? ", emergency" : "") + ": "
                + DowntimeUi.span(w, fallback) + zoneShort + " · " + what + " · " + DowntimeUi.text(w.deviceName()) + " · "
                + DowntimeUi.text(w.departmentName()) + " · " + DowntimeUi.text(w.requestReference()) + " "
                + DowntimeUi.text(w.requestTitle()));
        if (compact) {
            a.add(new Span((w.emergency() ? "⚠ " : "") + symbol + " " + DowntimeUi.time(w.start(), z) + zoneShort + " "
                    + what));
            return a;
        }
        Span time = new Span((w.emergency() ? "⚠ " : "") + DowntimeUi.span(w, fallback) + zoneShort);
        time.addClassName("pc-cal-time");
        Span device = new Span(what);
        device.addClassName("pc-cal-what");
        Span name = new Span(DowntimeUi.text(w.deviceName()) + " · " + DowntimeUi.text(w.departmentCode()));
        name.addClassName("pc-cal-detail");
        Span state = new Span(symbol + " " + w.status().label() + (w.emergency() ? " · Emergency" : ""));
        state.addClassName("pc-cal-state");
        a.add(time, device, name, state);
        return a;
    }
}
