package org.patchcare.downtime.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.downtime.application.ChangeRequestCommand;
import org.patchcare.downtime.application.ChangeRequestCommand.WindowProposal;
import org.patchcare.downtime.application.ChangeRequestService;
import org.patchcare.downtime.application.ConflictService;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails;
import org.patchcare.downtime.application.DowntimeViews.ConflictView;
import org.patchcare.downtime.application.DowntimeViews.DeviceRef;
import org.patchcare.downtime.application.DowntimeViews.DurationSuggestion;
import org.patchcare.downtime.application.DowntimeViews.ExposureRef;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.inventory.application.DeviceDetails;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.ui.FieldErrors;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.RiskViews.DecisionDetails;
import org.patchcare.risk.application.RiskViews.QueueFilter;
import org.patchcare.risk.application.RiskViews.QueueItem;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IT's (and biomed's) scheduling screen: the exposures a request resolves (searched by CVE or asset tag, or handed over
 * from the work queue as {@code ?exposure=<id>&exposure=<id>}) and further devices by asset tag; what will be done; the
 * expected duration with the service's suggestion and its reason; one window per device in that device's hospital
 * time, with the conflicts shown while choosing. Saves a draft or submits it for approval.
 */
@Route(value = ChangeRequestFormView.NEW, layout = MainLayout.class)
@RouteAlias(value = "change-requests/:id/edit", layout = MainLayout.class)
@RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
public class ChangeRequestFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String NEW = "change-requests/new";
    static final String P_EXPOSURE = "exposure";
    static final int SEARCH_RESULTS = 8;

    private final ChangeRequestService service;
    private final ConflictService conflictService;
    private final RiskService risk;
    private final DeviceService deviceService;
    private final Map<String, String> zoneOfFacility = new HashMap<>();

    final H2 heading = new H2("New change request");
    final Select<ChangeRequestKind> kind = new Select<>();
    final TextField title = new TextField("Short title");
    final Checkbox emergency = new Checkbox("Emergency (approved as soon as one clinical manager agrees)");
    final TextField exposureSearch = new TextField("Find vulnerabilities by CVE or asset tag");
    final Div exposureResults = new Div();
    final Div exposureList = new Div();
    final TextField assetTag = new TextField("Add a device by asset tag");
    final Button addDevice = new Button("Add device", VaadinIcon.PLUS.create());
    final Div deviceList = new Div();
    final TextArea plannedAction = new TextArea("Planned action");
    final TextField vendorReference = new TextField("Vendor reference (bulletin, ticket)");
    final Checkbox manufacturerValidated = new Checkbox("The manufacturer has validated this change for the device");
    final IntegerField expectedMinutes = new IntegerField("Downtime per device (minutes)");
    final Span suggestion = new Span();
    final Button useSuggestion = new Button("Use suggestion");
    final TextArea clinicalImpact = new TextArea("Impact on patient care while the devices are down");
    final TextArea backupEquipment = new TextArea("Backup equipment");
    final TextArea rollbackPlan = new TextArea("Rollback plan");
    final TextField technician = new TextField("Technician");
    final Div conflicts = new Div();
    final Button save = new Button("Save draft");
    final Button submit = new Button("Submit for approval");
    private final FieldErrors errors = new FieldErrors();

    /** Exposure id → what the person reads ("CVE-… on BME-…"), and the exposure's device. */
    final Map<String, String[]> exposures = new LinkedHashMap<>();
    /** Asset tag → its row with the window pickers. */
    final Map<String, DeviceRow> devices = new LinkedHashMap<>();
    private DurationSuggestion suggested;
    private String editingId;
    private int version;
    private String pageTitle = "New change request · PatchCare";

    /** One device of the request: what it is, its hospital's zone, and the window pickers in that zone. */
    final class DeviceRow {
        final String assetTag;
        final ZoneId zone;
        final DateTimePicker start = DowntimeFormats.iso(new DateTimePicker("Down from"));
        final DateTimePicker end = DowntimeFormats.iso(new DateTimePicker("Back by"));
        final Div layout = new Div();

        DeviceRow(String assetTag, String label, String zoneId) {
            this.assetTag = assetTag;
            this.zone = DowntimeFormats.zone(zoneId);
            start.setId("window-start-" + assetTag);
            end.setId("window-end-" + assetTag);
            start.setStep(Duration.ofMinutes(15));
            end.setStep(Duration.ofMinutes(15));
            String zoneName = zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            start.setHelperText("Hospital time: " + zone.getId() + " (" + zoneName + ")");
            start.addValueChangeListener(e -> {
                if (e.getValue() != null && end.getValue() == null) {
                    int minutes = expectedMinutes.getValue() == null ? 60 : Math.max(15, expectedMinutes.getValue());
                    end.setValue(e.getValue().plusMinutes(minutes));
                }
                checkConflicts();
            });
            end.addValueChangeListener(e -> checkConflicts());
            Span name = new Span(label);
            name.addClassName("pc-cell-main");
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> removeDevice(assetTag));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.setTooltipText("Remove " + assetTag);
            remove.setId("remove-device-" + assetTag);
            FlexLayout row = new FlexLayout(start, end, remove);
            row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.getStyle().set("gap", "var(--lumo-space-m)");
            layout.add(name, row);
            layout.addClassNames("pc-card", "pc-cr-device-row");
            layout.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin-bottom",
                    "var(--lumo-space-s)");
            layout.setId("device-row-" + assetTag);
        }

        WindowProposal proposal() {
            if (start.getValue() == null || end.getValue() == null) {
                return null;
            }
            return new WindowProposal(assetTag, start.getValue().atZone(zone).toInstant(),
                    end.getValue().atZone(zone).toInstant());
        }

        void show(WindowView w) {
            start.setValue(LocalDateTime.ofInstant(w.start(), zone));
            end.setValue(LocalDateTime.ofInstant(w.end(), zone));
        }
    }

    @Inject
    public ChangeRequestFormView(ChangeRequestService service, ConflictService conflictService, RiskService risk,
                                 DeviceService deviceService, OrganisationService organisation) {
        this.service = service;
        this.conflictService = conflictService;
        this.risk = risk;
        this.deviceService = deviceService;
        organisation.facilities().forEach(f -> zoneOfFacility.put(f.code(), f.timeZone()));
        setMaxWidth("70em");
        setId("change-request-form");
        heading.setId("cr-form-title");
        heading.getStyle().set("margin", "0");
        Anchor back = new Anchor("change-requests", "← Change requests");
        back.addClassName("pc-muted");
        add(back, heading);
        add(section("What and why"), what());
        add(section("Vulnerabilities it resolves"), exposurePicker());
        add(section("Devices and their downtime windows"), devicePicker());
        conflicts.setId("cr-form-conflicts");
        conflicts.setVisible(false);
        add(conflicts);
        add(section("How the work is done"), how());
        add(buttons());
        errors.field("kind", kind).field("title", title).field("plannedAction", plannedAction)
                .field("vendorReference", vendorReference).field("expectedMinutes", expectedMinutes)
                .field("clinicalImpact", clinicalImpact).field("backupEquipment", backupEquipment)
                .field("rollbackPlan", rollbackPlan).field("technician", technician).field("assetTags", assetTag)
                .field("exposureIds", exposureSearch);
    }

    /** The route of a draft's edit screen. */
    public static String editLink(String id) {
        return "change-requests/" + id + "/edit";
    }

    /** The link that opens this screen with exposures already chosen, e.g. from the work queue. */
    public static String linkWithExposures(List<String> exposureIds) {
        StringBuilder b = new StringBuilder(NEW);
        for (int i = 0; i < exposureIds.size(); i++) {
            b.append(i == 0 ? '?' : '&').append(P_EXPOSURE).append('=')
                    .append(java.net.URLEncoder.encode(exposureIds.get(i), java.nio.charset.StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** The query parameters that hand exposures to this screen (see {@link #linkWithExposures}). */
    public static com.vaadin.flow.router.QueryParameters withExposures(List<String> exposureIds) {
        return new com.vaadin.flow.router.QueryParameters(Map.of(P_EXPOSURE, List.copyOf(exposureIds)));
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    private static H3 section(String text) {
        H3 h = new H3(text);
        h.addClassName("pc-section-title");
        return h;
    }

    private Component what() {
        kind.setLabel("Kind of work");
        kind.setId("cr-kind");
        kind.setItems(ChangeRequestKind.values());
        kind.setItemLabelGenerator(ChangeRequestKind::label);
        kind.setValue(ChangeRequestKind.PATCH);
        title.setId("cr-title-field");
        title.setWidth("30em");
        title.setMaxLength(200);
        title.setPlaceholder("e.g. Install Alaris PC unit firmware 12.1.3");
        emergency.setId("cr-emergency");
        FlexLayout row = new FlexLayout(kind, title);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return new Div(row, emergency);
    }

    // ---- exposures ------------------------------------------------------------------------

    private Component exposurePicker() {
        exposureSearch.setId("cr-exposure-search");
        exposureSearch.setPlaceholder("e.g. CVE-2019-0708 or BME-000123");
        exposureSearch.setPrefixComponent(VaadinIcon.SEARCH.create());
        exposureSearch.setClearButtonVisible(true);
        exposureSearch.setValueChangeMode(ValueChangeMode.LAZY);
        exposureSearch.setWidth("24em");
        exposureSearch.addValueChangeListener(e -> searchExposures(e.getValue()));
        exposureResults.setId("cr-exposure-results");
        exposureList.setId("cr-exposures");
        Paragraph hint = new Paragraph("Open vulnerabilities of our devices from IT's work queue; their devices are "
                + "added below.");
        hint.addClassName("pc-muted");
        return new Div(hint, exposureSearch, exposureResults, exposureList);
    }

    void searchExposures(String text) {
        exposureResults.removeAll();
        if (text == null || text.isBlank()) {
            return;
        }
        List<QueueItem> found = risk.queue(new QueueFilter(null, null, null, null, null, text.strip()),
                PageRequest.first(SEARCH_RESULTS));
        for (QueueItem i : found) {
            Button add = new Button("Add", e -> {
                addExposure(i.exposureId(), i.cve(), i.assetTag());
                exposureSearch.clear();
            });
            add.setId("add-exposure-" + i.exposureId());
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add.setEnabled(!exposures.containsKey(i.exposureId()));
            Span what = new Span(i.cve() + " on " + i.assetTag() + " · " + i.departmentName() + " · "
                    + i.outcomeLabel());
            HorizontalLayout line = new HorizontalLayout(add, what);
            line.setAlignItems(FlexComponent.Alignment.CENTER);
            exposureResults.add(line);
        }
        if (found.isEmpty()) {
            exposureResults.add(new Span("No open vulnerability matches \"" + text.strip() + "\"."));
        }
    }

    void addExposure(String id, String cve, String tag) {
        if (exposures.containsKey(id)) {
            return;
        }
        exposures.put(id, new String[]{cve + " on " + tag, tag});
        addDeviceByTag(tag, false);
        showExposures();
        exposuresOrDevicesChanged();
    }

    private void showExposures() {
        exposureList.removeAll();
        exposures.forEach((id, v) -> {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                exposures.remove(id);
                showExposures();
                exposuresOrDevicesChanged();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.setTooltipText("Remove");
            Anchor link = new Anchor("risk/exposures/" + id, v[0]);
            link.setTarget("_blank");
            HorizontalLayout line = new HorizontalLayout(link, remove);
            line.setAlignItems(FlexComponent.Alignment.CENTER);
            line.addClassName("pc-cr-exposure");
            exposureList.add(line);
        });
    }

    // ---- devices and windows --------------------------------------------------------------

    private Component devicePicker() {
        assetTag.setId("cr-asset-tag");
        assetTag.setPlaceholder("e.g. BME-000123");
        assetTag.setClearButtonVisible(true);
        addDevice.setId("cr-add-device");
        addDevice.addClickListener(e -> {
            if (addDeviceByTag(assetTag.getValue(), true)) {
                assetTag.clear();
                exposuresOrDevicesChanged();
            }
        });
        assetTag.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> addDevice.click());
        HorizontalLayout add = new HorizontalLayout(assetTag, addDevice);
        add.setAlignItems(FlexComponent.Alignment.BASELINE);
        deviceList.setId("cr-devices-form");
        Paragraph hint = new Paragraph("Give each device the time it will be out of use, in the local time of its "
                + "hospital. Clashes with blackouts, other downtime, redundancy minimums or the technician's other "
                + "work show up at once.");
        hint.addClassName("pc-muted");
        return new Div(hint, add, deviceList);
    }

    /** Adds a device (looked up for its name and its hospital's zone); false when the asset tag is unknown. */
    boolean addDeviceByTag(String tag, boolean tellWhenUnknown) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        String t = tag.strip();
        if (devices.containsKey(t)) {
            return true;
        }
        var found = deviceService.findByAssetTag(t);
        if (found.isEmpty()) {
            if (tellWhenUnknown) {
                assetTag.setErrorMessage("No device has the asset tag " + t + ".");
                assetTag.setInvalid(true);
            }
            return false;
        }
        assetTag.setInvalid(false);
        DeviceDetails d = found.get();
        addRow(d.assetTag(), d.assetTag() + " · " + d.manufacturer() + " " + d.model() + " · " + d.departmentName(),
                zoneOfFacility.get(d.facilityCode()));
        return true;
    }

    private DeviceRow addRow(String tag, String label, String zoneId) {
        DeviceRow row = new DeviceRow(tag, label, zoneId);
        devices.put(tag, row);
        deviceList.add(row.layout);
        return row;
    }

    private void removeDevice(String tag) {
        DeviceRow row = devices.remove(tag);
        if (row != null) {
            deviceList.remove(row.layout);
        }
        exposures.values().removeIf(v -> v[1].equals(tag));
        showExposures();
        exposuresOrDevicesChanged();
    }

    private void exposuresOrDevicesChanged() {
        List<String> tags = List.copyOf(devices.keySet());
        List<String> ids = List.copyOf(exposures.keySet());
        if (tags.isEmpty() && ids.isEmpty()) {
            suggested = null;
            suggestion.setText("");
            useSuggestion.setVisible(false);
        } else {
            suggested = service.suggestDuration(tags, ids);
            suggestion.setText(suggested == null ? "" : "Suggested: " + ChangeRequestView.duration(suggested.minutes())
                    + ". " + suggested.reason());
            useSuggestion.setVisible(suggested != null && suggested.minutes() > 0);
            if (suggested != null && suggested.minutes() > 0 && expectedMinutes.getValue() == null) {
                expectedMinutes.setValue(suggested.minutes());
            }
        }
        checkConflicts();
    }

    List<WindowProposal> proposals() {
        List<WindowProposal> out = new ArrayList<>();
        for (DeviceRow r : devices.values()) {
            WindowProposal p = r.proposal();
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Asks the service for the conflicts of the windows chosen so far and shows them as warnings. */
    void checkConflicts() {
        conflicts.removeAll();
        List<WindowProposal> windows = proposals().stream().filter(p -> p.end().isAfter(p.start())).toList();
        if (windows.isEmpty()) {
            conflicts.setVisible(false);
            return;
        }
        List<ConflictView> found = conflictService.check(windows, blank(technician.getValue()), editingId);
        if (found.isEmpty()) {
            Span ok = new Span("✓ No conflict found for these windows.");
            ok.addClassName("pc-cr-no-conflict");
            conflicts.add(ok);
        } else {
            conflicts.add(DowntimeFormats.conflicts(found, tag -> devices.containsKey(tag)
                    ? devices.get(tag).zone.getId() : null));
        }
        conflicts.setVisible(true);
    }

    // ---- how ------------------------------------------------------------------------------

    private Component how() {
        plannedAction.setId("cr-planned-action");
        plannedAction.setWidthFull();
        plannedAction.setPlaceholder("e.g. Install firmware 12.1.3 from the vendor's service laptop, then run the "
                + "self-test");
        vendorReference.setId("cr-vendor-reference");
        vendorReference.setWidth("24em");
        manufacturerValidated.setId("cr-manufacturer-validated");
        expectedMinutes.setId("cr-expected-minutes");
        expectedMinutes.setMin(1);
        expectedMinutes.setStepButtonsVisible(true);
        expectedMinutes.setWidth("18em");
        suggestion.setId("cr-duration-suggestion");
        suggestion.addClassName("pc-muted");
        useSuggestion.setId("cr-use-suggestion");
        useSuggestion.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        useSuggestion.setVisible(false);
        useSuggestion.addClickListener(e -> {
            if (suggested != null) {
                expectedMinutes.setValue(suggested.minutes());
            }
        });
        HorizontalLayout duration = new HorizontalLayout(expectedMinutes, suggestion, useSuggestion);
        duration.setAlignItems(FlexComponent.Alignment.BASELINE);
        clinicalImpact.setId("cr-clinical-impact");
        clinicalImpact.setWidthFull();
        clinicalImpact.setPlaceholder("e.g. Two of eight pumps unavailable for an hour; no effect on running infusions");
        backupEquipment.setId("cr-backup");
        backupEquipment.setWidthFull();
        backupEquipment.setPlaceholder("e.g. Spare pumps from the equipment library on the ward before the start");
        rollbackPlan.setId("cr-rollback");
        rollbackPlan.setWidthFull();
        rollbackPlan.setPlaceholder("e.g. Reinstall firmware 12.1.2 from the vendor image");
        technician.setId("cr-technician");
        technician.setValueChangeMode(ValueChangeMode.LAZY);
        technician.addValueChangeListener(e -> checkConflicts());
        return new Div(plannedAction, new HorizontalLayout(vendorReference, manufacturerValidated), duration,
                clinicalImpact, backupEquipment, rollbackPlan, technician);
    }

    private Component buttons() {
        save.setId("cr-save");
        save.addClickListener(e -> saveDraft().ifPresent(d -> {
            Notices.saved(d.summary().reference() + " saved as a draft.");
            open(d);
        }));
        submit.setId("cr-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> saveDraft().ifPresent(d -> {
            ChangeRequestDetails after = service.submit(d.summary().id(), d.summary().version(), null);
            Notices.saved(after.summary().reference() + " submitted: the approvers have been asked.");
            open(after);
        }));
        Button cancel = new Button("Cancel", e -> getUI().ifPresent(ui -> ui.navigate(editingId == null
                ? "change-requests" : ChangeRequestView.link(editingId))));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(submit, save, cancel);
        bar.getStyle().set("margin-top", "var(--lumo-space-l)");
        return bar;
    }

    /** Opens the saved request's screen. */
    void open(ChangeRequestDetails d) {
        getUI().ifPresent(ui -> ui.navigate(ChangeRequestView.link(d.summary().id())));
    }

    ChangeRequestCommand command() {
        return new ChangeRequestCommand(kind.getValue(), blank(title.getValue()), blank(plannedAction.getValue()),
                blank(vendorReference.getValue()), manufacturerValidated.getValue(), expectedMinutes.getValue(),
                blank(clinicalImpact.getValue()), blank(backupEquipment.getValue()), blank(rollbackPlan.getValue()),
                blank(technician.getValue()), List.copyOf(devices.keySet()), List.copyOf(exposures.keySet()),
                proposals(), emergency.getValue());
    }

    /** Creates or updates the draft; the service's refusals are shown next to the fields. */
    java.util.Optional<ChangeRequestDetails> saveDraft() {
        errors.clear();
        try {
            ChangeRequestDetails d = editingId == null ? service.create(command())
                    : service.update(editingId, version, command());
            editingId = d.summary().id();
            version = d.summary().version();
            return java.util.Optional.of(d);
        } catch (InvalidInputException e) {
            errors.show(e);
            return java.util.Optional.empty();
        } catch (ConflictException e) {
            String id = editingId;
            Notices.conflict(e.getMessage(), () -> getUI().ifPresent(ui -> ui.getPage().setLocation(editLink(id))));
            return java.util.Optional.empty();
        }
    }

    // ---- navigation -----------------------------------------------------------------------

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().get("id");
        if (id.isPresent()) {
            try {
                edit(service.get(id.get()));
            } catch (NotFoundException e) {
                removeAll();
                add(new H2("Change request not found"), new Paragraph(e.getMessage()));
            }
            return;
        }
        preselect(event.getLocation().getQueryParameters().getParameters().getOrDefault(P_EXPOSURE, List.of()));
    }

    /** Adds the exposures handed over in the URL (from the work queue), with their devices. */
    void preselect(List<String> exposureIds) {
        for (String exposureId : exposureIds) {
            if (exposureId.isBlank() || exposures.containsKey(exposureId.strip())) {
                continue;
            }
            try {
                DecisionDetails x = risk.decision(exposureId.strip());
                addExposure(x.exposureId(), x.cve(), x.assetTag());
            } catch (NotFoundException e) {
                Notices.warning("The vulnerability " + exposureId + " was not found; it is left out.");
            }
        }
    }

    /** Fills the form with a draft. */
    void edit(ChangeRequestDetails d) {
        if (d.summary().status() != ChangeRequestStatus.DRAFT) {
            removeAll();
            Anchor link = new Anchor(ChangeRequestView.link(d.summary().id()), "Back to " + d.summary().reference());
            add(new H2(d.summary().reference() + " cannot be edited"), new Paragraph("Only drafts are edited. This "
                    + "request is " + d.summary().status().label().toLowerCase(Locale.ROOT) + "."), link);
            return;
        }
        editingId = d.summary().id();
        version = d.summary().version();
        pageTitle = "Edit " + d.summary().reference() + " · PatchCare";
        heading.setText("Edit " + d.summary().reference());
        kind.setValue(d.summary().kind());
        title.setValue(nz(d.summary().title()));
        emergency.setValue(d.summary().emergency());
        plannedAction.setValue(nz(d.plannedAction()));
        vendorReference.setValue(nz(d.vendorReference()));
        manufacturerValidated.setValue(d.manufacturerValidated());
        expectedMinutes.setValue(d.expectedMinutes() > 0 ? d.expectedMinutes() : null);
        clinicalImpact.setValue(nz(d.clinicalImpact()));
        backupEquipment.setValue(nz(d.backupEquipment()));
        rollbackPlan.setValue(nz(d.rollbackPlan()));
        technician.setValue(nz(d.technician()));
        for (DeviceRef r : d.devices()) {
            addRow(r.assetTag(), r.assetTag() + " · " + nz(r.name()) + (r.model() == null ? "" : " " + r.model())
                    + " · " + nz(r.departmentName()), r.zoneId());
        }
        for (ExposureRef x : d.exposures()) {
            exposures.put(x.id(), new String[]{x.cve() + " on " + x.assetTag(), x.assetTag()});
        }
        showExposures();
        for (WindowView w : d.windows()) {
            DeviceRow row = devices.get(w.assetTag());
            if (row != null) {
                row.show(w);
            }
        }
        exposuresOrDevicesChanged();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
