package org.patchcare.downtime.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.downtime.application.CalendarService;
import org.patchcare.downtime.application.ChangeRequestService;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestSummary;
import org.patchcare.downtime.application.DowntimeViews.DeviceRef;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.application.WindowFilter;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.RiskViews.RiskRollup;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The clinical manager's home: every change request waiting for their approval as a card with what goes down when (in
 * the hospital's time), the impact on care, the backup plan, conflicts and the department's other downtime that week,
 * with one-click Approve, Reject… and Propose another window…; below, the downtime planned in their departments in
 * the next {@value #UPCOMING_DAYS} days. IT security sees its own approvals and all departments.
 */
@Route(value = "approvals", layout = MainLayout.class)
@PageTitle("My approvals · PatchCare")
@RolesAllowed({Roles.CLINICAL_MANAGER, Roles.IT_SECURITY})
public class ApprovalsView extends VerticalLayout {

    static final int UPCOMING_DAYS = 14;

    private final ChangeRequestService service;
    private final CalendarService calendar;
    private final RiskService risk;
    private final Clock clock;
    final Div cards = new Div();
    final Div upcoming = new Div();
    final Span waitingCount = new Span();

    @Inject
    public ApprovalsView(ChangeRequestService service, CalendarService calendar, RiskService risk, Clock clock) {
        this.service = service;
        this.calendar = calendar;
        this.risk = risk;
        this.clock = clock;
        setMaxWidth("80em");
        setId("approvals");
        H2 title = new H2("My approvals");
        title.getStyle().set("margin", "0");
        Paragraph intro = new Paragraph("Planned work that takes devices of your departments out of use. Nothing "
                + "happens to a device until every department concerned and IT security have agreed.");
        intro.addClassName("pc-muted");
        intro.getStyle().set("margin", "0");
        H3 waiting = new H3("Waiting for my approval");
        waiting.addClassName("pc-section-title");
        waitingCount.setId("approvals-count");
        waitingCount.addClassName("pc-muted");
        HorizontalLayout waitingHead = new HorizontalLayout(waiting, waitingCount);
        waitingHead.setAlignItems(FlexComponent.Alignment.BASELINE);
        cards.setId("approval-cards");
        cards.addClassName("pc-approval-cards");
        H3 next = new H3("Upcoming downtime in my departments (next " + UPCOMING_DAYS + " days)");
        next.addClassName("pc-section-title");
        upcoming.setId("upcoming-downtime");
        add(title, intro, waitingHead, cards, next, upcoming);
        refresh();
    }

    void refresh() {
        cards.removeAll();
        List<ChangeRequestSummary> waiting = service.awaitingMyApproval();
        waitingCount.setText(waiting.isEmpty() ? "nothing waiting"
                : waiting.size() + (waiting.size() == 1 ? " request" : " requests"));
        for (ChangeRequestSummary s : waiting) {
            cards.add(card(service.get(s.id())));
        }
        if (waiting.isEmpty()) {
            Paragraph none = new Paragraph("Nothing is waiting for you. You are told in the bell at the top when a "
                    + "request needs your approval.");
            none.addClassName("pc-muted");
            cards.add(none);
        }
        showUpcoming();
    }

    // ---- a card ---------------------------------------------------------------------------

    Component card(ChangeRequestDetails d) {
        ChangeRequestSummary s = d.summary();
        Div card = new Div();
        card.addClassNames("pc-card", "pc-approval-card");
        card.setId("approval-" + s.id());
        Anchor link = new Anchor(ChangeRequestView.link(s.id()), s.reference() + " · " + s.title());
        H4 head = new H4(link);
        head.getStyle().set("margin", "0");
        HorizontalLayout top = new HorizontalLayout(head, DowntimeFormats.chips(s));
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph sentence = new Paragraph(DowntimeFormats.sentence(d));
        sentence.addClassName("pc-approval-sentence");
        card.add(top, sentence);

        Div facts = new Div();
        facts.addClassName("pc-fields");
        facts.add(field("Devices", d.devices().stream().map(r -> r.assetTag() + " · " + Objects.requireNonNullElse(
                r.name(), "") + " (" + r.departmentName() + ")").collect(Collectors.joining("\n"))));
        facts.add(field("When", d.windows().isEmpty() ? "no window proposed" : d.windows().stream()
                .map(w -> DowntimeFormats.window(w.start(), w.end(), w.zoneId()) + " · " + w.assetTag())
                .collect(Collectors.joining("\n"))));
        facts.add(field("Impact on care", d.clinicalImpact()));
        facts.add(field("Backup equipment", d.backupEquipment()));
        facts.add(field("If it goes wrong", d.rollbackPlan()));
        card.add(facts);
        if (!d.conflicts().isEmpty()) {
            Map<String, String> zones = d.devices().stream().filter(x -> x.zoneId() != null)
                    .collect(Collectors.toMap(DeviceRef::assetTag, DeviceRef::zoneId, (a, b) -> a));
            Div conflicts = DowntimeFormats.conflicts(d.conflicts(), zones::get);
            conflicts.addClassName("pc-approval-conflicts");
            card.add(conflicts);
        }
        card.add(weekContext(d));
        card.add(buttons(d));
        return card;
    }

    private static Div field(String label, String value) {
        Div f = org.patchcare.inventory.ui.ReadOnlyField.of(label,
                new Span(value == null || value.isBlank() ? "—" : value));
        return f;
    }

    /** The other downtime of the request's departments in the week of its first window. */
    Component weekContext(ChangeRequestDetails d) {
        Div box = new Div();
        box.addClassName("pc-week-context");
        if (d.windows().isEmpty()) {
            return box;
        }
        WindowView first = d.windows().stream().min(Comparator.comparing(WindowView::start)).orElseThrow();
        ZoneId zone = DowntimeFormats.zone(first.zoneId());
        ZonedDateTime monday = first.start().atZone(zone).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
        Instant from = monday.toInstant();
        Instant to = monday.plusWeeks(1).toInstant();
        Map<String, String> departments = new LinkedHashMap<>();
        d.devices().forEach(r -> departments.putIfAbsent(r.departmentCode(), r.departmentName()));
        for (var dep : departments.entrySet()) {
            List<WindowView> others = calendar.windows(new WindowFilter(from, to, dep.getKey(), null, null, null, null))
                    .stream().filter(w -> !Objects.equals(w.requestId(), d.summary().id()))
                    .filter(w -> w.status().blocksDevice())
                    .sorted(Comparator.comparing(WindowView::start)).toList();
            Span head = new Span((others.isEmpty() ? "No other downtime in " : "Other downtime in ") + dep.getValue()
                    + " in the week of " + DowntimeFormats.day(from, zone.getId())
                    + (others.isEmpty() ? "." : ":"));
            head.addClassName("pc-muted");
            box.add(new Div(head));
            for (WindowView w : others) {
                box.add(windowLine(w));
            }
        }
        return box;
    }

    private Component buttons(ChangeRequestDetails d) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.addClassName("pc-approval-buttons");
        List<RequestAction> allowed = ChangeRequestView.allowed(d);
        String id = d.summary().id();
        if (allowed.contains(RequestAction.APPROVE)) {
            Button approve = new Button(d.conflicts().isEmpty() ? "Approve" : "Approve…", e -> approve(d));
            approve.setId("approve-" + id);
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            bar.add(approve);
        }
        if (allowed.contains(RequestAction.REJECT)) {
            Button reject = new Button("Reject…", e -> dialog(RequestAction.REJECT, d));
            reject.setId("reject-" + id);
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            bar.add(reject);
        }
        if (allowed.contains(RequestAction.PROPOSE_WINDOW)) {
            Button propose = new Button("Propose another window…", e -> dialog(RequestAction.PROPOSE_WINDOW, d));
            propose.setId("propose-" + id);
            bar.add(propose);
        }
        return bar;
    }

    /** One click when nothing clashes; with conflicts, a dialog asks why it can go ahead anyway. */
    void approve(ChangeRequestDetails d) {
        if (!d.conflicts().isEmpty()) {
            dialog(RequestAction.APPROVE, d);
            return;
        }
        try {
            ChangeRequestDetails after = ActionDialog.perform(service, RequestAction.APPROVE, d, null, null, null, null);
            done(after);
        } catch (ConflictException e) {
            Notices.conflict(e.getMessage(), this::refresh);
        }
    }

    private void dialog(RequestAction action, ChangeRequestDetails d) {
        new ActionDialog(action, d, service, this::done, this::refresh).open();
    }

    private void done(ChangeRequestDetails after) {
        Notices.saved(after.summary().reference() + ": your answer was recorded ("
                + after.summary().status().label().toLowerCase(Locale.ROOT) + ").");
        refresh();
    }

    // ---- upcoming -------------------------------------------------------------------------

    /** The departments whose downtime the caller follows: a clinical manager's own; null for IT security (all). */
    private List<String> myDepartments() {
        if (Caller.hasRole(Roles.CLINICAL_MANAGER) && !Caller.hasRole(Roles.IT_SECURITY)) {
            return risk.departments().stream().map(RiskRollup::code).toList();
        }
        return null;
    }

    void showUpcoming() {
        upcoming.removeAll();
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(UPCOMING_DAYS));
        List<String> departments = myDepartments();
        List<WindowView> windows = new ArrayList<>();
        if (departments == null) {
            windows.addAll(calendar.windows(WindowFilter.between(now, until)));
        } else {
            for (String code : departments) {
                windows.addAll(calendar.windows(new WindowFilter(now, until, code, null, null, null, null)));
            }
        }
        Set<String> seen = new java.util.HashSet<>();
        List<WindowView> shown = windows.stream().filter(w -> w.status().blocksDevice()).filter(w -> seen.add(w.id()))
                .sorted(Comparator.comparing(WindowView::start)).toList();
        for (WindowView w : shown) {
            upcoming.add(windowLine(w));
        }
        if (shown.isEmpty()) {
            Paragraph none = new Paragraph("No downtime planned in the next " + UPCOMING_DAYS + " days.");
            none.addClassName("pc-muted");
            upcoming.add(none);
        }
    }

    /** "Tue 2 Dec 2026, 08:00–10:00 EST · BME-1 Infusion pump (ICU) · CR-12 Firmware · Approved". */
    static Component windowLine(WindowView w) {
        Span when = new Span(DowntimeFormats.window(w.start(), w.end(), w.zoneId()));
        when.getStyle().set("font-weight", "600");
        Span device = new Span(" · " + w.assetTag() + (w.deviceName() == null ? "" : " " + w.deviceName())
                + " (" + Objects.requireNonNullElse(w.departmentCode(), "") + ") · ");
        Anchor request = new Anchor(ChangeRequestView.link(w.requestId()),
                Objects.requireNonNullElse(w.requestReference(), "request") + " " + Objects.requireNonNullElse(w.requestTitle(), ""));
        Span status = new Span(" · " + (w.requestStatus() == null ? w.status().label() : w.requestStatus().label())
                + (w.emergency() ? " · emergency" : ""));
        status.addClassName("pc-muted");
        Div line = new Div(when, device, request, status);
        line.addClassName("pc-window-line");
        return line;
    }
}
