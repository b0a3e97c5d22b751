package org.patchcare.planning.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.planning.application.PlanCommand;
import org.patchcare.planning.application.PlanningService;
import org.patchcare.planning.application.PlanningSettings;
import org.patchcare.planning.application.PlanningViews.ProposalView;
import org.patchcare.planning.application.PlanningViews.RunView;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plan downtime: choose the horizon, departments and a time limit, press Plan; the solver runs in the background while
 * the screen shows its progress and the best plan so far (polled once a second, from the database, so any node can
 * show it). The proposal as a list (each device with its window, technician and the reasons for anything not ideal)
 * and as a week view; accept all or the selected windows as submitted change requests. {@code planning/{runId}}
 * shows a run again after a reload.
 */
@Route(value = "planning", layout = MainLayout.class)
@PageTitle("Plan downtime · PatchCare")
@RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY, Roles.ADMIN, Roles.CLINICAL_MANAGER})
public class PlanView extends VerticalLayout implements HasUrlParameter<String> {

    static final int POLL_MILLIS = 1000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final PlanningService planning;
    private final Clock clock;
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final MultiSelectComboBox<DepartmentView> departments = new MultiSelectComboBox<>("Departments");
    final IntegerField limit = new IntegerField("Time limit (seconds)");
    final Button plan = new Button("Plan");
    final Button stop = new Button("Stop");
    final ProgressBar progress = new ProgressBar(0, 1);
    final Span status = new Span();
    final Span score = new Span();
    final Grid<ProposalView> grid = new Grid<>();
    final Div week = new Div();
    final Button acceptAll = new Button("Accept all");
    final Button acceptSelected = new Button("Accept selected");
    final Span summary = new Span();
    private final boolean mayPlan;
    private final boolean mayAccept;
    private LocalDate weekStart;
    private String runId;
    private RunView current;
    private Registration poll;

    /** The zone the horizon's days are counted in. */
    private ZoneId home;

    @Inject
    public PlanView(PlanningService planning, OrganisationService organisation, PlanningSettings settings,
                    Clock clock) {
        this.planning = planning;
        this.clock = clock;
        mayPlan = Caller.hasRole(Roles.BIOMED_TECH) || Caller.hasRole(Roles.IT_SECURITY) || Caller.hasRole(Roles.ADMIN);
        mayAccept = Caller.hasRole(Roles.BIOMED_TECH) || Caller.hasRole(Roles.IT_SECURITY);
        setSizeFull();
        add(new H2("Plan downtime"));
        add(new Paragraph("The planner proposes a window and a technician for every device that needs one: open "
                + "exposures without a change request, in the departments you choose (none: all). It keeps blackouts, "
                + "redundancy groups, technicians' hours and skills and vendor visits, and tries to meet every due "
                + "date, urgent work first, in quiet hours. Approved requests stay where they are."));

        home = organisation.homeZone();
        LocalDate today = LocalDate.now(clock.withZone(home));
        from.setValue(today.plusDays(1));
        to.setValue(today.plusDays(29));
        departments.setItems(organisation.departments());
        departments.setItemLabelGenerator(DepartmentView::label);
        departments.setPlaceholder("All departments");
        departments.setWidth("22em");
        limit.setValue((int) settings.defaultLimit().toSeconds());
        limit.setMin(1);
        limit.setMax((int) settings.maxLimit().toSeconds());
        limit.setStepButtonsVisible(true);
        limit.setHelperText("More time, better plan");
        plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        plan.setId("plan-start");
        stop.setId("plan-stop");
        limit.setId("plan-limit");
        from.setId("plan-from");
        to.setId("plan-to");
        departments.setId("plan-departments");
        progress.setId("plan-progress");
        status.setId("plan-status");
        score.setId("plan-score");
        grid.setId("plan-proposals");
        acceptAll.setId("plan-accept-all");
        acceptSelected.setId("plan-accept-selected");
        week.setId("plan-week");
        plan.addClickListener(e -> start());
        stop.addClickListener(e -> {
            if (runId != null) {
                show(planning.stop(runId));
            }
        });
        stop.setEnabled(false);
        HorizontalLayout form = new HorizontalLayout(from, to, departments, limit, plan, stop);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.setVisible(mayPlan);
        add(form);

        progress.setWidth("30em");
        progress.setVisible(false);
        add(new HorizontalLayout(progress, status), score);

        grid.addColumn(ProposalView::assetTag).setHeader("Device").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> (p.label() == null ? "" : p.label())).setHeader("Model").setAutoWidth(true);
        grid.addColumn(ProposalView::department).setHeader("Department").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> local(p, p.start()) + "–" + TIME.format(p.end().atZone(ZoneId.of(p.zone()))))
                .setHeader("Window (local time)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.technician() == null ? "—" : p.technician()).setHeader("Technician").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(p -> p.due() == null ? "—" : DAY.format(p.due().atZone(ZoneId.of(p.zone()))))
                .setHeader("Due").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PlanView::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.explanations().isEmpty() ? "Fits every rule." : String.join(" ", p.explanations()))
                .setHeader("Why not ideal").setFlexGrow(1);
        if (mayAccept) {
            grid.addComponentColumn(p -> {
                if (p.pinned() || p.accepted() || current == null || "SOLVING".equals(current.status())
                        || !current.feasible()) {
                    return new Span();
                }
                Button one = new Button("Accept", e -> accept(List.of(p.assetTag())));
                one.setId("accept-" + p.assetTag());
                one.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return one;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setSelectionMode(mayAccept ? Grid.SelectionMode.MULTI : Grid.SelectionMode.NONE);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();

        acceptAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        acceptAll.addClickListener(e -> accept(List.of()));
        acceptSelected.addClickListener(e -> accept(grid.getSelectedItems().stream().map(ProposalView::assetTag)
                .toList()));
        HorizontalLayout actions = new HorizontalLayout(acceptAll, acceptSelected, summary);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        actions.setVisible(mayAccept);

        Tab listTab = new Tab("List");
        Tab weekTab = new Tab("Week");
        Tabs tabs = new Tabs(listTab, weekTab);
        week.setVisible(false);
        week.setWidthFull();
        tabs.addSelectedChangeListener(e -> {
            boolean list = e.getSelectedTab() == listTab;
            grid.setVisible(list);
            week.setVisible(!list);
            renderWeek();
        });
        add(actions, tabs, grid, week);
        setFlexGrow(1, grid);
        enableAccept();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String id) {
        if (id != null && !id.isBlank()) {
            runId = id;
            RunView run = planning.get(id);
            from.setValue(run.from().atZone(home).toLocalDate());
            to.setValue(run.to().atZone(home).toLocalDate().minusDays(1));
            limit.setValue(run.timeLimitSeconds());
            show(run);
        }
    }

    private void start() {
        if (from.getValue() == null || to.getValue() == null) {
            Notification.show("Choose the first and the last day to plan.", 5000, Notification.Position.MIDDLE);
            return;
        }
        // the chosen days are the hospital's days: midnight in its (first facility's) zone, as the calendar counts them
        RunView run = planning.start(new PlanCommand(from.getValue().atStartOfDay(home).toInstant(),
                to.getValue().plusDays(1).atStartOfDay(home).toInstant(),
                departments.getValue().stream().map(DepartmentView::code).toList(), List.of(), List.of(),
                limit.getValue()));
        runId = run.id();
        weekStart = null;
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "planning/" + run.id()));
        show(run);
    }

    private void accept(List<String> tags) {
        if (runId == null) {
            return;
        }
        RunView after = planning.accept(runId, tags);
        long n = after.proposals().stream().filter(ProposalView::accepted).count();
        Notification.show(n + " window(s) are now submitted change requests, waiting for approval.", 6000,
                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        grid.deselectAll();
        show(after);
    }

    void show(RunView run) {
        current = run;
        boolean solving = "SOLVING".equals(run.status());
        progress.setVisible(true);
        progress.setValue(run.progress());
        status.setText(switch (run.status()) {
            case "SOLVING" -> "Solving: " + run.elapsedSeconds() + " s of " + run.timeLimitSeconds() + " s, "
                    + devices(run.taskCount()) + (run.pinnedCount() > 0 ? " (" + run.pinnedCount()
                    + " approved, kept)" : "");
            case "FINISHED" -> "Finished after " + run.elapsedSeconds() + " s: " + devices(run.taskCount());
            case "STOPPED" -> "Stopped after " + run.elapsedSeconds() + " s; the best plan so far is shown";
            default -> "Failed: " + (run.message() == null ? "" : run.message());
        });
        score.setText(run.hardScore() == null ? "Looking for a first plan …" : (run.feasible()
                ? "No rule broken. " : "Rules broken: " + -run.hardScore() + " (see below). ")
                + "Hours late (weighted by urgency): " + -run.mediumScore() + ". Other costs: " + -run.softScore()
                + (run.baselineScore() == null ? "." : " (a simple earliest-due-date plan: " + run.baselineScore()
                + ").")
                + (run.message() != null && !"FAILED".equals(run.status()) ? " " + run.message() : ""));
        grid.setItems(run.proposals());
        stop.setEnabled(solving && mayPlan);
        plan.setEnabled(!solving);
        if (weekStart == null && !run.proposals().isEmpty()) {
            weekStart = run.proposals().getFirst().start().atZone(ZoneId.of(run.proposals().getFirst().zone()))
                    .toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        renderWeek();
        enableAccept();
        getUI().ifPresent(ui -> ui.setPollInterval(solving ? POLL_MILLIS : -1));
    }

    private void enableAccept() {
        boolean done = current != null && !"SOLVING".equals(current.status()) && current.feasible();
        long open = current == null ? 0 : current.proposals().stream().filter(p -> !p.pinned() && !p.accepted()).count();
        acceptAll.setEnabled(done && open > 0);
        acceptSelected.setEnabled(done && open > 0);
        summary.setText(current == null ? "" : open + " window(s) to accept"
                + (current.feasible() || current.hardScore() == null ? "" : "; fix the broken rules first"));
    }

    private void renderWeek() {
        week.removeAll();
        if (current == null || weekStart == null || !week.isVisible()) {
            return;
        }
        Button prev = new Button("Previous week", e -> {
            weekStart = weekStart.minusWeeks(1);
            renderWeek();
        });
        Button next = new Button("Next week", e -> {
            weekStart = weekStart.plusWeeks(1);
            renderWeek();
        });
        HorizontalLayout nav = new HorizontalLayout(prev, new H3("Week of " + DAY.format(weekStart)), next);
        nav.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        HorizontalLayout days = new HorizontalLayout();
        days.setWidthFull();
        for (int i = 0; i < 7; i++) {
            LocalDate day = weekStart.plusDays(i);
            VerticalLayout col = new VerticalLayout();
            col.setPadding(false);
            col.setSpacing(false);
            col.getStyle().set("flex", "1 1 0").set("min-width", "0").set("border-left",
                    "1px solid var(--lumo-contrast-10pct)").set("padding", "0 var(--lumo-space-xs)");
            Span head = new Span(DAY.format(day));
            head.getStyle().set("font-weight", "600");
            col.add(head);
            current.proposals().stream().filter(p -> p.start().atZone(ZoneId.of(p.zone())).toLocalDate().equals(day))
                    .forEach(p -> col.add(entry(p)));
            days.add(col);
        }
        week.add(nav, days);
    }

    private Div entry(ProposalView p) {
        ZonedDateTime s = p.start().atZone(ZoneId.of(p.zone()));
        Div d = new Div();
        d.setText(TIME.format(s) + " " + p.assetTag() + " · " + p.department() + (p.technician() == null ? ""
                : " · " + p.technician()));
        d.getElement().setAttribute("title", (p.label() == null ? "" : p.label() + ". ")
                + (p.explanations().isEmpty() ? "Fits every rule." : String.join(" ", p.explanations())));
        String bg = p.pinned() ? "var(--lumo-contrast-10pct)" : p.lateHours() > 0 ? "var(--lumo-error-color-10pct)"
                : p.accepted() ? "var(--lumo-success-color-10pct)" : "var(--lumo-primary-color-10pct)";
        d.getStyle().set("background", bg).set("border-radius", "var(--lumo-border-radius-s)")
                .set("padding", "2px 4px").set("margin", "2px 0").set("font-size", "var(--lumo-font-size-s)")
                .set("width", "100%");
        return d;
    }

    static String devices(int n) {
        return n + (n == 1 ? " device" : " devices");
    }

    static String state(ProposalView p) {
        if (p.pinned()) {
            return "Approved (kept)";
        }
        if (p.accepted()) {
            return "Submitted";
        }
        return p.lateHours() > 0 ? "Late " + (p.lateHours() >= 24 ? (p.lateHours() + 12) / 24 + " d" : p.lateHours()
                + " h") : "Proposed";
    }

    private static String local(ProposalView p, java.time.Instant t) {
        return WHEN.format(t.atZone(ZoneId.of(p.zone())));
    }

    @Override
    protected void onAttach(AttachEvent e) {
        poll = e.getUI().addPollListener(p -> {
            if (runId != null) {
                show(planning.get(runId));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent e) {
        if (poll != null) {
            poll.remove();
        }
        e.getUI().setPollInterval(-1);
    }

    Set<String> shownTags() {
        return current == null ? Set.of() : current.proposals().stream().map(ProposalView::assetTag)
                .collect(Collectors.toSet());
    }
}
