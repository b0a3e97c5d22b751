package org.patchcare.downtime.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.downtime.application.ChangeRequestService;
import org.patchcare.downtime.application.DowntimeViews.ApprovalView;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails;
import org.patchcare.downtime.application.DowntimeViews.DeviceRef;
import org.patchcare.downtime.application.DowntimeViews.ExposureRef;
import org.patchcare.downtime.application.DowntimeViews.TransitionView;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.domain.ApprovalStatus;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.inventory.ui.ReadOnlyField;
import org.patchcare.patching.application.PatchService;
import org.patchcare.patching.ui.PatchWorkPanel;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One change request in full: what it does in one sentence, every recorded field, its devices and exposures, the
 * windows in each device's hospital time, who approved what and when, conflicts as warnings and its history. The
 * buttons are the actions the service allows the caller now; each asks for a comment in a small dialog.
 */
@Route(value = "change-requests/:id", layout = MainLayout.class)
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class ChangeRequestView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String ID = "id";

    private final ChangeRequestService service;
    private final PatchService patches;
    private String title = "Change request · PatchCare";
    private ChangeRequestDetails shown;
    final HorizontalLayout actions = new HorizontalLayout();

    @Inject
    public ChangeRequestView(ChangeRequestService service, PatchService patches) {
        this.service = service;
        this.patches = patches;
        setMaxWidth("90em");
        setId("change-request");
    }

    /** The route of a request's screen, e.g. {@code change-requests/4f1c…}. */
    public static String link(String id) {
        return "change-requests/" + id;
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(ID).orElse("");
        try {
            show(service.get(id));
        } catch (NotFoundException e) {
            removeAll();
            add(back(), new H2("Change request not found"), new Paragraph(e.getMessage()));
        }
    }

    ChangeRequestDetails shown() {
        return shown;
    }

    void reload() {
        show(service.get(shown.summary().id()));
    }

    /** Shows the request as it is now (also after an action). */
    void show(ChangeRequestDetails d) {
        shown = d;
        title = d.summary().reference() + " · PatchCare";
        removeAll();
        Map<String, String> zones = d.devices().stream().filter(x -> x.zoneId() != null)
                .collect(Collectors.toMap(DeviceRef::assetTag, DeviceRef::zoneId, (a, b) -> a));
        Function<String, String> zoneOf = tag -> zones.getOrDefault(tag, DowntimeFormats.zoneOf(d));

        H2 h = new H2(d.summary().reference() + " · " + d.summary().title());
        h.setId("cr-title");
        h.getStyle().set("margin", "0");
        HorizontalLayout head = new HorizontalLayout(h, DowntimeFormats.chips(d.summary()));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph sentence = new Paragraph(DowntimeFormats.sentence(d));
        sentence.setId("cr-sentence");
        sentence.addClassName("pc-decision-sentence");
        add(back(), head, sentence, actionBar(d));

        Div conflicts = DowntimeFormats.conflicts(d.conflicts(), zoneOf);
        conflicts.setId("cr-conflicts");
        if (!d.conflicts().isEmpty()) {
            add(section("Conflicts"), conflicts);
        }
        add(section("What will be done"), fields(d));
        add(section("Devices"), devices(d));
        if (showsDeviceWork(d)) {
            add(section("Work on the devices"), new PatchWorkPanel(patches, d.summary().id(),
                    DowntimeFormats.zone(DowntimeFormats.zoneOf(d)), this::reload));
        }
        if (!d.exposures().isEmpty()) {
            add(section("Vulnerabilities it resolves"), exposures(d));
        }
        add(section("Downtime windows"), windows(d));
        add(section("Approvals"), approvals(d, zoneOf));
        add(section("History"), history(d));
    }

    /** The device-by-device work shows from scheduling on: where each device stands, and its buttons. */
    private static boolean showsDeviceWork(ChangeRequestDetails d) {
        return switch (d.summary().status()) {
            case SCHEDULED, IN_PROGRESS, COMPLETED, FAILED, ROLLED_BACK -> !d.devices().isEmpty();
            default -> false;
        };
    }

    private static Component back() {
        Anchor a = new Anchor("change-requests", "← Change requests");
        a.addClassName("pc-muted");
        return a;
    }

    private static H3 section(String text) {
        H3 h = new H3(text);
        h.addClassName("pc-section-title");
        return h;
    }

    // ---- actions ---------------------------------------------------------------------------

    private Component actionBar(ChangeRequestDetails d) {
        actions.removeAll();
        actions.setId("cr-actions");
        actions.getStyle().set("flex-wrap", "wrap");
        for (RequestAction a : allowed(d)) {
            if (a == RequestAction.START && showsDeviceWork(d)) {
                continue; // the work starts device by device, in "Work on the devices" (docs/patching.md)
            }
            Button b = new Button(a.label(), e -> act(a));
            b.setId("action-" + a.key());
            if (a == RequestAction.APPROVE || a == RequestAction.SUBMIT || a == RequestAction.SCHEDULE) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            actions.add(b);
        }
        actions.setVisible(actions.getComponentCount() > 0);
        return actions;
    }

    /** The actions the service allows now and the caller's roles can use, in the order of a request's life. */
    static List<RequestAction> allowed(ChangeRequestDetails d) {
        var set = d.allowedActions() == null ? List.<RequestAction>of() : d.allowedActions().stream()
                .map(RequestAction::of).flatMap(java.util.Optional::stream).distinct().toList();
        return java.util.Arrays.stream(RequestAction.values()).filter(set::contains)
                .filter(a -> a.roles().stream().anyMatch(Caller::hasRole)).toList();
    }

    void act(RequestAction a) {
        if (a == RequestAction.EDIT) {
            getUI().ifPresent(ui -> ui.navigate(ChangeRequestFormView.editLink(shown.summary().id())));
            return;
        }
        new ActionDialog(a, shown, service, after -> {
            Notices.saved(shown.summary().reference() + ": " + after.summary().status().label().toLowerCase(java.util.Locale.ROOT)
                    + ".");
            show(after);
        }, this::reload).open();
    }

    // ---- sections --------------------------------------------------------------------------

    private static Component fields(ChangeRequestDetails d) {
        Div f = new Div();
        f.addClassName("pc-fields");
        f.setId("cr-fields");
        f.add(ReadOnlyField.of("Kind", new Span(d.summary().kind().label())));
        f.add(ReadOnlyField.of("Planned action", text(d.plannedAction())));
        f.add(ReadOnlyField.of("Vendor reference", text(d.vendorReference())));
        f.add(ReadOnlyField.of("Validated by the manufacturer", new Span(d.manufacturerValidated() ? "Yes" : "No")));
        f.add(ReadOnlyField.of("Expected duration", new Span(duration(d.expectedMinutes()))));
        f.add(ReadOnlyField.of("Impact on patient care", text(d.clinicalImpact())));
        f.add(ReadOnlyField.of("Backup equipment", text(d.backupEquipment())));
        f.add(ReadOnlyField.of("Rollback plan", text(d.rollbackPlan())));
        f.add(ReadOnlyField.of("Technician", text(d.technician())));
        f.add(ReadOnlyField.of("Requested by", text(d.summary().requestedBy())));
        return f;
    }

    static String duration(int minutes) {
        if (minutes <= 0) {
            return "not given";
        }
        int h = minutes / 60;
        int m = minutes % 60;
        return (h > 0 ? h + " h" : "") + (h > 0 && m > 0 ? " " : "") + (m > 0 ? m + " min" : "");
    }

    private static Span text(String s) {
        return new Span(s == null || s.isBlank() ? "—" : s);
    }

    private static Component devices(ChangeRequestDetails d) {
        Div box = new Div();
        box.setId("cr-devices");
        for (DeviceRef r : d.devices()) {
            String name = Objects.requireNonNullElse(r.name(), "");
            boolean modelInName = r.model() == null || name.contains(r.model());
            Div line = new Div(new Anchor("devices/" + r.assetTag(), r.assetTag()),
                    new Span(" · " + name + (modelInName ? "" : " (" + r.model() + ")") + " · " + r.departmentName()
                            + (r.status() == null ? "" : " · " + DowntimeFormats.words(r.status()))));
            line.addClassName("pc-cr-device");
            box.add(line);
        }
        if (d.devices().isEmpty()) {
            box.add(new Span("No device yet."));
        }
        return box;
    }

    private static Component exposures(ChangeRequestDetails d) {
        Div box = new Div();
        box.setId("cr-exposures");
        for (ExposureRef x : d.exposures()) {
            Anchor link = new Anchor("risk/exposures/" + x.id(), x.cve() + " on " + x.assetTag());
            Span more = new Span(" · " + Objects.requireNonNullElse(x.advisoryTrackingId(), "")
                    + (x.outcome() == null ? "" : " · priority " + x.outcome().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    + (x.dueAt() == null ? "" : " · due " + x.dueAt().toString().substring(0, 10)));
            more.addClassName("pc-muted");
            box.add(new Div(link, more));
        }
        return box;
    }

    private static Component windows(ChangeRequestDetails d) {
        Div box = new Div();
        box.setId("cr-windows");
        for (WindowView w : d.windows()) {
            Div line = new Div(new Span(w.assetTag() + (w.deviceName() == null ? "" : " · " + w.deviceName()) + ": "),
                    strong(DowntimeFormats.window(w.start(), w.end(), w.zoneId())));
            Span status = new Span(" " + w.status().label() + (w.technician() == null ? "" : " · " + w.technician()));
            status.addClassName("pc-muted");
            line.add(status);
            line.addClassName("pc-cr-window");
            box.add(line);
        }
        if (d.windows().isEmpty()) {
            box.add(new Span("No window proposed yet."));
        }
        return box;
    }

    private static Span strong(String text) {
        Span s = new Span(text);
        s.getStyle().set("font-weight", "600");
        return s;
    }

    private static Component approvals(ChangeRequestDetails d, Function<String, String> zoneOf) {
        Div box = new Div();
        box.setId("cr-approvals");
        String zone = DowntimeFormats.zoneOf(d);
        for (ApprovalView a : d.approvals()) {
            String who = a.role().label() + (a.departmentName() == null ? "" : " · " + a.departmentName());
            Span state = new Span(a.status().label());
            state.addClassNames("pc-badge", "pc-approval", a.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            Div line = new Div(new Span(who + ": "), state);
            if (a.status() != ApprovalStatus.PENDING && a.decidedBy() != null) {
                line.add(new Span(" by " + a.decidedBy() + ", " + DowntimeFormats.when(a.decidedAt(), zone)));
            }
            if (a.afterStart()) {
                Span late = new Span(" (given after the work started)");
                late.addClassName("pc-muted");
                line.add(late);
            }
            if (a.comment() != null && !a.comment().isBlank()) {
                Div c = new Div(new Span("“" + a.comment() + "”"));
                c.addClassName("pc-cr-comment");
                line.add(c);
            }
            if (a.proposedStart() != null) {
                line.add(new Div(new Span("Proposed instead: " + DowntimeFormats.window(a.proposedStart(),
                        a.proposedEnd(), zone))));
            }
            if (a.conflictOverride() != null && !a.conflictOverride().isBlank()) {
                line.add(new Div(new Span("Went ahead despite conflicts because: " + a.conflictOverride())));
            }
            line.addClassName("pc-cr-approval");
            box.add(line);
        }
        if (d.approvals().isEmpty()) {
            box.add(new Span("Nobody has been asked yet: approvals are requested when the request is submitted."));
        }
        return box;
    }

    private static Component history(ChangeRequestDetails d) {
        Div box = new Div();
        box.setId("cr-history");
        box.addClassName("pc-timeline");
        String zone = DowntimeFormats.zoneOf(d);
        for (TransitionView t : d.transitions()) {
            Div item = new Div();
            item.addClassName("pc-timeline-item");
            Span what = new Span((t.from() == null ? "Created as " + t.to().label().toLowerCase(java.util.Locale.ROOT)
                    : t.from().label() + " → " + t.to().label()));
            what.addClassName("what");
            Span when = new Span(" " + DowntimeFormats.when(t.at(), zone) + (t.actor() == null ? "" : " · " + t.actor()));
            when.addClassName("when");
            item.add(what, when);
            if (t.comment() != null && !t.comment().isBlank()) {
                Div c = new Div(new Span(t.comment()));
                c.addClassName("comment");
                item.add(c);
            }
            box.add(item);
        }
        return box;
    }

}
