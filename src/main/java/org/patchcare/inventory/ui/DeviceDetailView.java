package org.patchcare.inventory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import org.patchcare.advisories.application.ExposureService;
import org.patchcare.advisories.application.ExposureViews.ExposureView;
import org.patchcare.advisories.ui.ExposureGrid;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.ui.DeviceRiskSummary;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.patchcare.audit.application.AuditRecord;
import org.patchcare.audit.application.AuditService;
import org.patchcare.inventory.application.DeviceDetails;
import org.patchcare.inventory.application.DeviceEventView;
import org.patchcare.inventory.application.DeviceFilter;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.OrganisationViews.LocationView;
import org.patchcare.inventory.domain.DeviceEventType;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.patching.application.PatchService;
import org.patchcare.patching.ui.DevicePatchRecords;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.ui.MainLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** One device: everything recorded about it, its lifecycle, its change history, and the lifecycle actions. */
@Route(value = "devices/:assetTag", layout = MainLayout.class)
@PermitAll
public class DeviceDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String ASSET_TAG = "assetTag";

    private final DeviceService devices;
    private final AuditService audit;
    private final OrganisationService organisation;
    private final H2 title = new H2();
    private final Span statusBadge = new Span();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Div overview = new Div();
    private final Div timeline = new Div();
    private final Grid<HistoryRow> history = new Grid<>(HistoryRow.class, false);
    private final TabSheet tabs = new TabSheet();
    private final VerticalLayout exposures = new VerticalLayout();
    private final ExposureService exposureService;
    private final RiskService risk;
    private final PatchService patches;
    private final VerticalLayout patchTab = new VerticalLayout();
    private DeviceDetails device;
    private String assetTag = "";

    final Button edit = action("Edit", "action-edit", VaadinIcon.EDIT);
    final Button move = action("Move", "action-move", VaadinIcon.EXCHANGE);
    final Button outOfService = action("Take out of service", "action-out-of-service", VaadinIcon.BAN);
    final Button returnToService = action("Return to service", "action-return", VaadinIcon.CHECK_CIRCLE);
    final Button retire = action("Retire", "action-retire", VaadinIcon.ARCHIVE);
    final Button maintenance = action("Record maintenance", "action-maintenance", VaadinIcon.WRENCH);
    final Button unplanned = action("Record unplanned work…", "action-unplanned-work", VaadinIcon.TOOLS);

    /** One changed field of one audit entry: the history grid shows one line per field. */
    record HistoryRow(AuditRecord entry, String field, String from, String to) {
        String change() {
            if (field == null || field.isEmpty()) {
                return "";
            }
            return "event".equals(field) ? HistoryText.value(field, to)
                    : HistoryText.value(field, from) + " → " + HistoryText.value(field, to);
        }
    }

    @Inject
    public DeviceDetailView(DeviceService devices, AuditService audit, OrganisationService organisation,
                            ExposureService exposureService, RiskService risk, PatchService patches) {
        this.exposureService = exposureService;
        this.patches = patches;
        this.risk = risk;
        this.devices = devices;
        this.audit = audit;
        this.organisation = organisation;
        setMaxWidth("90em");

        title.setId("device-title");
        title.getStyle().set("margin", "0");
        Anchor back = new Anchor("devices", "← All devices");
        back.addClassName("pc-muted");
        HorizontalLayout heading = new HorizontalLayout(title, statusBadge);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);

        actions.setId("device-actions");
        actions.getStyle().set("flex-wrap", "wrap");
        if (Caller.mayEditInventory()) {
            actions.add(edit, move, outOfService, returnToService, retire, maintenance);
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            retire.addThemeVariants(ButtonVariant.LUMO_ERROR);
            edit.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(DeviceEditView.class,
                    new RouteParameters(ASSET_TAG, device.assetTag()))));
            move.addClickListener(e -> openMove());
            outOfService.addClickListener(e -> openOutOfService());
            returnToService.addClickListener(e -> openReturn());
            retire.addClickListener(e -> openRetire());
            maintenance.addClickListener(e -> openMaintenance());
        }
        if (Caller.hasRole(Roles.BIOMED_TECH) || Caller.hasRole(Roles.IT_SECURITY)) {
            actions.add(unplanned);
            unplanned.addClickListener(e -> DevicePatchRecords.openUnplanned(patches, device.assetTag(),
                    device.softwareVersion(), zone(), java.time.Clock.systemUTC(), () -> {
                        load();
                        showPatches();
                    }));
        }

        timeline.setId("device-timeline");
        timeline.addClassName("pc-timeline");
        history.setId("device-history");
        history.addColumn(r -> Formats.dateTime(r.entry().occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> r.entry().actor()).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> actionLabel(r.entry().action())).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> HistoryText.field(r.field())).setHeader("Field").setAutoWidth(true);
        history.addColumn(HistoryRow::change).setHeader("Old → new").setFlexGrow(2).setTooltipGenerator(HistoryRow::change);
        history.addColumn(r -> r.entry().reason() == null ? "" : r.entry().reason()).setHeader("Reason").setFlexGrow(2)
                .setTooltipGenerator(r -> r.entry().reason());
        history.setAllRowsVisible(true);
        history.setEmptyStateText("No recorded changes.");

        Tab overviewTab = tabs.add("Overview", overview);
        overviewTab.setId("tab-overview");
        Tab timelineTab = tabs.add("Timeline", timeline);
        timelineTab.setId("tab-timeline");
        Tab historyTab = tabs.add("History", history);
        historyTab.setId("tab-history");
        Tab exposuresTab = tabs.add("Exposures", exposures);
        exposuresTab.setId("tab-exposures");
        Tab patchesTab = tabs.add("Patches", patchTab);
        patchesTab.setId("tab-patches");
        tabs.setWidthFull();
        tabs.addSelectedChangeListener(e -> {
            if (device != null && e.getSelectedTab() == historyTab) {
                showHistory();
            } else if (device != null && e.getSelectedTab() == timelineTab) {
                showTimeline();
            } else if (device != null && e.getSelectedTab() == exposuresTab) {
                showExposures();
            } else if (device != null && e.getSelectedTab() == patchesTab) {
                showPatches();
            }
        });

        add(back, heading, actions, tabs);
    }

    private static Button action(String label, String id, VaadinIcon icon) {
        Button b = new Button(label, icon.create());
        b.setId(id);
        return b;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        assetTag = event.getRouteParameters().get(ASSET_TAG).orElse("");
        try {
            load();
        } catch (NotFoundException e) {
            event.forwardTo(DeviceListView.class);
            Notices.warning(e.getMessage());
        }
    }

    @Override
    public String getPageTitle() {
        return assetTag + " · PatchCare";
    }

    /** Reads the device again and shows it as it is now. */
    void load() {
        device = devices.get(assetTag);
        assetTag = device.assetTag();
        title.setText(device.assetTag() + " · " + device.manufacturer() + " " + device.model());
        statusBadge.setText(device.status().label());
        statusBadge.setClassName("pc-badge pc-status " + device.status().name().toLowerCase(java.util.Locale.ROOT));
        boolean retired = device.status() == DeviceStatus.RETIRED;
        edit.setEnabled(!retired);
        move.setEnabled(!retired);
        outOfService.setEnabled(device.status() == DeviceStatus.IN_SERVICE || device.status() == DeviceStatus.OUT_OF_SERVICE);
        returnToService.setEnabled(device.status() == DeviceStatus.OUT_OF_SERVICE || device.status() == DeviceStatus.IN_REPAIR);
        retire.setEnabled(!retired);
        maintenance.setEnabled(!retired);
        unplanned.setEnabled(!retired);
        showOverview();
        showTimeline();
        if (tabs.getSelectedIndex() == 2) {
            showHistory();
        }
    }

    // ---- tabs ------------------------------------------------------------------------------

    private void showOverview() {
        DeviceDetails d = device;
        overview.removeAll();
        overview.addClassName("pc-overview");
        String placeLink = DeviceFilterParams.link(new DeviceFilter(null, d.departmentCode(), null, null, null, null, null));
        overview.add(
                group("Identity",
                        field("Asset tag", d.assetTag()),
                        field("Manufacturer", d.manufacturer()),
                        field("Model", d.model()),
                        field("Device type", d.deviceType()),
                        field("Serial number", d.serialNumber()),
                        field("UDI-DI", d.udiDi())),
                group("Software",
                        field("Software version", d.softwareVersion()),
                        field("Operating system", d.osName()),
                        field("OS version", d.osVersion())),
                group("Place & state",
                        field("Facility", d.facilityCode()),
                        field("Department", new Anchor(placeLink, d.departmentCode() + " – " + d.departmentName())),
                        field("Location", d.location()),
                        field("Status", d.status().label()),
                        field("Custodian", d.custodian())),
                group("Clinical",
                        field("Criticality", d.criticality().label()),
                        field("Stores patient data", d.storesPhi() ? "Yes" : "No"),
                        field("Redundant", d.redundant() ? "Yes: a spare or second unit can take over" : "No"),
                        field("Mission impact when down (department)", d.departmentMissionImpact().label()
                                + (d.redundant() ? ", one step less for a redundant device" : ""))),
                group("Network",
                        field("Connectivity", d.connectivity() == null ? null : d.connectivity().label()),
                        field("Hostname", d.hostname()),
                        field("IP address", d.ipAddress()),
                        field("MAC address", d.macAddress()),
                        field("Network segment", d.networkSegment())),
                group("Dates",
                        field("Install date", Formats.date(d.installDate())),
                        field("Age", d.ageYears() == null ? null : d.ageYears() + (d.ageYears() == 1 ? " year" : " years")),
                        field("Warranty ends", Formats.date(d.warrantyEnd())),
                        field("End of support (model)", Formats.date(d.modelEndOfSupport())),
                        field("End of support (this device)", d.endOfSupportOverride() == null ? "— (follows the model)"
                                : Formats.date(d.endOfSupportOverride())),
                        field("Effective end of support", SupportBadge.withDate(d.endOfSupport(), d.supportStatus())),
                        field("Planned replacement", Formats.date(d.plannedReplacement()))),
                group("Record",
                        field("Recorded", Formats.dateTime(d.createdAt()) + " by " + Formats.text(d.createdBy())),
                        field("Last changed", Formats.dateTime(d.updatedAt()) + " by " + Formats.text(d.updatedBy())),
                        field("Notes", d.notes())));
    }

    private static Component group(String title, Component... fields) {
        H3 h = new H3(title);
        h.addClassName("pc-section-title");
        Div list = new Div(fields);
        list.addClassName("pc-fields");
        Div g = new Div(h, list);
        g.addClassName("pc-group");
        return g;
    }

    private static Component field(String label, String value) {
        return field(label, new Span(Formats.text(value)));
    }

    private static Component field(String label, Component value) {
        return ReadOnlyField.of(label, value);
    }

    /** The advisories matched to this device, with their VEX state (read from the advisories context). */
    private void showExposures() {
        exposures.removeAll();
        exposures.setPadding(false);
        List<ExposureView> list = exposureService.forDevice(device.assetTag());
        if (list.isEmpty()) {
            exposures.add(new Paragraph("No advisory is known to affect this device."));
            return;
        }
        long open = list.stream().filter(x -> x.state().equals("AFFECTED") || x.state().equals("UNDER_INVESTIGATION"))
                .count();
        exposures.add(new Paragraph(open + " open of " + list.size() + " exposures (one per advisory and CVE)."));
        try {
            exposures.add(DeviceRiskSummary.of(risk.device(device.assetTag())));
        } catch (NotFoundException e) {
            // a clinical manager sees the risk of their own departments' devices only
        }
        exposures.add(ExposureGrid.create(list, false, exposureService, this::showExposures));
    }

    /** The patch records of this device (from the patching context). */
    private void showPatches() {
        patchTab.removeAll();
        patchTab.setPadding(false);
        patchTab.add(new DevicePatchRecords(patches, device.assetTag(), zone()));
    }

    /** The device's facility's time zone, for the times the person reads and enters. */
    private java.time.ZoneId zone() {
        return organisation.facilities().stream().filter(f -> f.code().equals(device.facilityCode())).findFirst()
                .map(f -> java.time.ZoneId.of(f.timeZone())).orElse(java.time.ZoneOffset.UTC);
    }

    private void showTimeline() {
        timeline.removeAll();
        List<DeviceEventView> events = devices.timeline(assetTag);
        if (events.isEmpty()) {
            timeline.add(new Paragraph("No lifecycle events recorded yet."));
        }
        for (DeviceEventView e : events) {
            Div item = new Div();
            item.addClassNames("pc-timeline-item", e.type().name().toLowerCase(java.util.Locale.ROOT));
            Span what = new Span(e.type().label());
            what.addClassName("what");
            Span when = new Span(Formats.dateTime(e.occurredAt()) + " · " + Formats.text(e.recordedBy()));
            when.addClassName("when");
            item.add(what, new Div(when));
            if (e.from() != null || e.to() != null) {
                Div change = new Div(new Span(e.from() == null ? Formats.text(e.to())
                        : Formats.text(e.from()) + " → " + Formats.text(e.to())));
                change.addClassName("change");
                item.add(change);
            }
            if (e.comment() != null && !e.comment().isBlank()) {
                Div comment = new Div(new Span(e.comment()));
                comment.addClassName("comment");
                item.add(comment);
            }
            timeline.add(item);
        }
    }

    private void showHistory() {
        List<HistoryRow> rows = new ArrayList<>();
        for (AuditRecord r : audit.history(DeviceService.AUDIT_TYPE, assetTag, 200)) {
            if (r.changes().isEmpty()) {
                rows.add(new HistoryRow(r, "", null, null));
            }
            for (AuditRecord.Change c : r.changes()) {
                rows.add(new HistoryRow(r, c.field(), c.from(), c.to()));
            }
        }
        history.setItems(rows);
    }

    private static String actionLabel(String action) {
        return switch (action) {
            case "CREATE" -> "Created";
            case "UPDATE" -> "Changed";
            case "EVENT" -> "Event";
            case "DELETE" -> "Deleted";
            default -> "Event";
        };
    }

    // ---- actions ---------------------------------------------------------------------------

    private TextArea comment() {
        TextArea c = new TextArea("Comment (optional)");
        c.setId("action-comment");
        c.setMaxLength(500);
        c.setWidthFull();
        return c;
    }

    /** Runs a change with the version the person saw; a stale edit keeps the dialog open and offers "Reload". */
    private void run(Dialog dialog, String done, Consumer<Integer> change) {
        try {
            change.accept(device.version());
            dialog.close();
            Notices.saved(done);
            load();
        } catch (ConflictException e) {
            Notices.conflict(e.getMessage(), () -> {
                dialog.close();
                load();
            });
        }
    }

    private Dialog dialog(String header, String confirmLabel, Runnable confirm, Component... content) {
        Dialog d = new Dialog();
        d.setHeaderTitle(header + " · " + device.assetTag());
        VerticalLayout body = new VerticalLayout(content);
        body.setPadding(false);
        body.setWidth("28em");
        body.setMaxWidth("100%");
        body.setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.STRETCH);
        d.add(body);
        Button ok = new Button(confirmLabel, e -> confirm.run());
        ok.setId("action-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> d.close());
        cancel.setId("action-cancel");
        d.getFooter().add(cancel, ok);
        d.open();
        return d;
    }

    private void openMove() {
        ComboBox<DepartmentView> dept = new ComboBox<>("Department");
        dept.setId("move-department");
        List<DepartmentView> all = organisation.departments();
        dept.setItems(all);
        dept.setItemLabelGenerator(DepartmentView::label);
        ComboBox<LocationView> loc = new ComboBox<>("Location (optional)");
        loc.setId("move-location");
        loc.setItemLabelGenerator(LocationView::label);
        loc.setClearButtonVisible(true);
        dept.addValueChangeListener(e -> {
            loc.setItems(e.getValue() == null ? List.of() : organisation.locations(e.getValue().code()));
            loc.clear();
        });
        dept.setValue(all.stream().filter(x -> x.code().equals(device.departmentCode())).findFirst().orElse(null));
        if (device.locationId() != null) {
            loc.getListDataView().getItems().filter(l -> l.id().equals(device.locationId())).findFirst().ifPresent(loc::setValue);
        }
        TextArea comment = comment();
        Dialog[] d = new Dialog[1];
        d[0] = dialog("Move", "Move", () -> {
            if (dept.getValue() == null) {
                dept.setErrorMessage("Choose the department the device moves to");
                dept.setInvalid(true);
                return;
            }
            run(d[0], device.assetTag() + " moved to " + dept.getValue().code() + ".", v -> devices.move(assetTag,
                    dept.getValue().code(), loc.getValue() == null ? null : loc.getValue().id(), comment.getValue(), v));
        }, dept, loc, comment);
    }

    private void openOutOfService() {
        Checkbox forRepair = new Checkbox("For repair");
        forRepair.setId("action-for-repair");
        forRepair.setValue(device.status() == DeviceStatus.OUT_OF_SERVICE);
        TextArea comment = comment();
        Dialog[] d = new Dialog[1];
        d[0] = dialog("Take out of service", "Take out of service", () -> run(d[0],
                device.assetTag() + (forRepair.getValue() ? " is in repair." : " is out of service."),
                v -> devices.takeOutOfService(assetTag, forRepair.getValue(), comment.getValue(), v)),
                new Paragraph("The device will no longer be counted as in use."), forRepair, comment);
    }

    private void openReturn() {
        TextArea comment = comment();
        Dialog[] d = new Dialog[1];
        d[0] = dialog("Return to service", "Return to service", () -> run(d[0],
                device.assetTag() + " is back in service.", v -> devices.returnToService(assetTag, comment.getValue(), v)),
                comment);
    }

    private void openRetire() {
        TextArea comment = comment();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Retire " + device.assetTag() + "?");
        VerticalLayout text = new VerticalLayout(new Paragraph("A retired device leaves the active inventory and can no "
                + "longer be edited, moved or maintained. Its history is kept."), comment);
        text.setPadding(false);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setConfirmText("Retire");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCloseOnEsc(true);
        confirm.addConfirmListener(e -> {
            try {
                devices.retire(assetTag, comment.getValue(), device.version());
                Notices.saved(device.assetTag() + " retired.");
                load();
            } catch (ConflictException ex) {
                Notices.conflict(ex.getMessage(), this::load);
            }
        });
        confirm.open();
    }

    private void openMaintenance() {
        RadioButtonGroup<DeviceEventType> type = new RadioButtonGroup<>("What was done");
        type.setId("maintenance-type");
        type.setItems(DeviceEventType.PREVENTIVE_MAINTENANCE, DeviceEventType.REPAIRED, DeviceEventType.INSTALLED,
                DeviceEventType.RECEIVED);
        type.setItemLabelGenerator(t -> t == DeviceEventType.REPAIRED ? "Repair" : t.label());
        type.setValue(DeviceEventType.PREVENTIVE_MAINTENANCE);
        TextArea comment = comment();
        Dialog[] d = new Dialog[1];
        d[0] = dialog("Record maintenance", "Record", () -> run(d[0],
                type.getValue().label() + " recorded for " + device.assetTag() + ".",
                v -> devices.recordEvent(assetTag, type.getValue(), comment.getValue())), type, comment);
    }

}
