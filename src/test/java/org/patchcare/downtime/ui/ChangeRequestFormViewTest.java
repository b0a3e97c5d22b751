package org.patchcare.downtime.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.application.ChangeRequestCommand;
import org.patchcare.downtime.application.ChangeRequestCommand.WindowProposal;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.inventory.application.DeviceDetails;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.FacilityView;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.RiskViews.DecisionDetails;
import org.patchcare.risk.application.RiskViews.QueueFilter;
import org.patchcare.risk.application.RiskViews.QueueItem;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;

/** IT's scheduling screen in a browserless UI: choosing exposures and devices, windows in hospital time, conflicts. */
@ExtendWith(BrowserlessUi.class)
class ChangeRequestFormViewTest {

    private final FakeChangeRequests fake = new FakeChangeRequests();
    private final List<QueueFilter> searches = new ArrayList<>();
    private ChangeRequestFormView view;
    private final List<String> opened = new ArrayList<>();

    private final RiskService risk = new RiskService() {
        @Override
        public List<QueueItem> queue(QueueFilter filter, PageRequest page) {
            searches.add(filter);
            return List.of(item("e-1", "BME-0001"), item("e-2", "BME-0002"));
        }

        @Override
        public DecisionDetails decision(String exposureId) {
            if (!exposureId.equals("e-2")) {
                throw new NotFoundException("Exposure", exposureId);
            }
            return new DecisionDetails("e-2", "BME-0002", "NICU", "Neonatal Intensive Care", "IntelliVue",
                    "CVE-2020-16222", "ICSMA-20-254-01", "Philips", "AFFECTED", null, List.of(), null, null,
                    "SCHEDULED", "Scheduled", 40, List.of(), null, null, false, null, null, null, null, null);
        }
    };

    private final DeviceService devices = new DeviceService() {
        @Override
        public Optional<DeviceDetails> findByAssetTag(String assetTag) {
            return switch (assetTag) {
                case "BME-0001" -> Optional.of(device("BME-0001", "MAIN", "Intensive Care Unit"));
                case "BME-0002" -> Optional.of(device("BME-0002", "NORTH", "Neonatal Intensive Care"));
                default -> Optional.empty();
            };
        }
    };

    private final OrganisationService organisation = new OrganisationService() {
        @Override
        public List<FacilityView> facilities() {
            return List.of(new FacilityView("MAIN", "Main", FakeChangeRequests.NEW_YORK, 0),
                    new FacilityView("NORTH", "North", FakeChangeRequests.CHICAGO, 0));
        }
    };

    static QueueItem item(String id, String tag) {
        return new QueueItem(id, tag, "ICU", "Intensive Care Unit", "Alaris", "CVE-2016-8375", "ICSMA-17-017-01",
                "BD Alaris", "AFFECTED", "ACTIVE", "OPEN", "YES", "HIGH", "IMMEDIATE", "Immediate", 80,
                Instant.parse("2026-11-30T00:00:00Z"), false, null, 0, false, List.of());
    }

    static DeviceDetails device(String tag, String facility, String department) {
        return new DeviceDetails(tag, "SN-1", "BD", "Alaris 8015", "m-1", "Infusion pump", null, "12.1.2", null, null,
                facility, "ICU", department, null, null, null, null, null, false, false, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, 0, null, null, null, null);
    }

    @BeforeEach
    void setUp() {
        FakeChangeRequests.logInAs("itsec", "IT_SECURITY");
        view = new ChangeRequestFormView(fake.service, fake.conflictService, risk, devices, organisation) {
            @Override
            void open(org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails d) {
                opened.add(d.summary().id() + " " + d.summary().status());
            }
        };
        UI.getCurrent().add(view);
    }

    @Test
    void exposures_found_by_cve_or_asset_tag_are_added_with_their_device_and_the_duration_suggestion_is_shown() {
        view.exposureSearch.setValue("CVE-2016-8375");
        assertThat(searches.getLast().search()).isEqualTo("CVE-2016-8375");
        assertThat(view.exposureResults.getElement().getTextRecursively()).contains("CVE-2016-8375 on BME-0001");
        Component add = view.exposureResults.getChildren().findFirst().orElseThrow().getChildren().findFirst()
                .orElseThrow();
        _click((com.vaadin.flow.component.button.Button) add);

        assertThat(view.exposures).containsOnlyKeys("e-1");
        assertThat(view.devices).containsOnlyKeys("BME-0001");
        assertThat(fake.calls).contains("suggest [BME-0001] [e-1]");
        assertThat(view.suggestion.getText()).isEqualTo("Suggested: 1 h 30 min. The advisory says a restart is required.");
        assertThat(view.expectedMinutes.getValue()).as("filled while empty").isEqualTo(90);
    }

    @Test
    void exposures_handed_over_by_the_work_queue_are_chosen_and_unknown_ones_left_out() {
        view.preselect(List.of("e-2", "e-404"));
        assertThat(view.exposures).containsOnlyKeys("e-2");
        assertThat(view.devices).containsOnlyKeys("BME-0002");
        assertThat(ChangeRequestFormView.linkWithExposures(List.of("e-1", "e-2")))
                .isEqualTo("change-requests/new?exposure=e-1&exposure=e-2");
        assertThat(ChangeRequestFormView.withExposures(List.of("e-1", "e-2")).getQueryString())
                .isEqualTo("exposure=e-1&exposure=e-2");
    }

    @Test
    void an_unknown_asset_tag_is_refused_next_to_the_field() {
        view.assetTag.setValue("NOPE-1");
        _click(view.addDevice);
        assertThat(view.assetTag.isInvalid()).isTrue();
        assertThat(view.devices).isEmpty();
    }

    @Test
    void windows_are_picked_in_each_devices_hospital_time_and_conflicts_show_while_choosing() {
        view.assetTag.setValue("BME-0001");
        _click(view.addDevice);
        view.assetTag.setValue("BME-0002");
        _click(view.addDevice);
        view.expectedMinutes.setValue(120);
        fake.conflicts = List.of(FakeChangeRequests.blackout());

        ChangeRequestFormView.DeviceRow ny = view.devices.get("BME-0001");
        assertThat(ny.start.getHelperText()).contains("America/New_York");
        ny.start.setValue(LocalDateTime.parse("2026-11-01T00:30"));
        assertThat(ny.end.getValue()).as("start + expected duration").isEqualTo(LocalDateTime.parse("2026-11-01T02:30"));
        ny.end.setValue(LocalDateTime.parse("2026-11-01T02:00"));
        view.devices.get("BME-0002").start.setValue(LocalDateTime.parse("2026-12-01T08:00"));

        assertThat(fake.checked.getLast()).containsExactly(
                new WindowProposal("BME-0001", FakeChangeRequests.DST_START, FakeChangeRequests.DST_END),
                new WindowProposal("BME-0002", FakeChangeRequests.DEC_START, Instant.parse("2026-12-01T16:00:00Z")));
        assertThat(view.conflicts.isVisible()).isTrue();
        assertThat(view.conflicts.getElement().getTextRecursively()).contains("Inside a blackout window",
                "Sun 1 Nov 2026, 00:30 EDT – 02:00 EST");

        fake.conflicts = List.of();
        view.technician.setValue("tech2");
        assertThat(fake.calls.getLast()).isEqualTo("check 2 technician=tech2 excluding=null");
        assertThat(view.conflicts.getElement().getTextRecursively()).contains("No conflict found");
    }

    @Test
    void submit_saves_the_draft_with_every_field_then_submits_it_with_its_version() {
        view.kind.setValue(ChangeRequestKind.CONFIGURATION_CHANGE);
        view.title.setValue("Close telnet on the pumps");
        view.assetTag.setValue("BME-0001");
        _click(view.addDevice);
        view.devices.get("BME-0001").start.setValue(LocalDateTime.parse("2026-12-01T09:00"));
        view.plannedAction.setValue("Disable telnet");
        view.vendorReference.setValue("BD-123");
        view.manufacturerValidated.setValue(true);
        view.expectedMinutes.setValue(30);
        view.clinicalImpact.setValue("One pump out of use");
        view.backupEquipment.setValue("Spare pump");
        view.rollbackPlan.setValue("Enable telnet again");
        view.technician.setValue("tech1");
        view.emergency.setValue(true);
        _click(view.submit);

        ChangeRequestCommand c = fake.commands.getLast();
        assertThat(c.kind()).isEqualTo(ChangeRequestKind.CONFIGURATION_CHANGE);
        assertThat(c.title()).isEqualTo("Close telnet on the pumps");
        assertThat(c.assetTags()).containsExactly("BME-0001");
        assertThat(c.windows()).containsExactly(new WindowProposal("BME-0001", Instant.parse("2026-12-01T14:00:00Z"),
                Instant.parse("2026-12-01T15:30:00Z")));
        assertThat(c.plannedAction()).isEqualTo("Disable telnet");
        assertThat(c.vendorReference()).isEqualTo("BD-123");
        assertThat(c.manufacturerValidated()).isTrue();
        assertThat(c.expectedMinutes()).isEqualTo(30);
        assertThat(c.clinicalImpact()).isEqualTo("One pump out of use");
        assertThat(c.backupEquipment()).isEqualTo("Spare pump");
        assertThat(c.rollbackPlan()).isEqualTo("Enable telnet again");
        assertThat(c.technician()).isEqualTo("tech1");
        assertThat(c.emergency()).isTrue();
        assertThat(fake.calls).containsSubsequence("create", "submit cr-1 v0 comment=null");
        assertThat(opened).containsExactly("cr-1 SUBMITTED");
    }

    @Test
    void the_services_refusal_is_shown_next_to_its_field_and_nothing_is_submitted() {
        fake.failure = () -> new InvalidInputException("clinicalImpact", "Say what the department loses meanwhile.");
        _click(view.submit);
        assertThat(view.clinicalImpact.isInvalid()).isTrue();
        assertThat(view.clinicalImpact.getErrorMessage()).isEqualTo("Say what the department loses meanwhile.");
        assertThat(fake.calls).noneMatch(c -> c.startsWith("submit"));
    }

    @Test
    void a_draft_is_edited_with_its_values_and_saved_with_its_version() {
        view.edit(FakeChangeRequests.details(ChangeRequestStatus.DRAFT, Set.of("edit")));
        assertThat(view.heading.getText()).isEqualTo("Edit CR-2026-0012");
        assertThat(view.title.getValue()).isEqualTo("Alaris firmware 12.1.3");
        assertThat(view.devices).containsOnlyKeys("BME-0001", "BME-0002");
        assertThat(view.devices.get("BME-0001").start.getValue()).isEqualTo(LocalDateTime.parse("2026-11-01T00:30"));
        assertThat(view.devices.get("BME-0002").start.getValue()).isEqualTo(LocalDateTime.parse("2026-12-01T08:00"));
        assertThat(view.exposures).containsOnlyKeys("e-1");
        assertThat(fake.calls.getLast()).isEqualTo("check 2 technician=tech1 excluding=cr-1");

        _click(view.save);
        assertThat(fake.calls).contains("update cr-1 v7");
        assertThat(opened).containsExactly("cr-1 DRAFT");
        assertThat(fake.commands.getLast().windows()).containsExactly(
                new WindowProposal("BME-0001", FakeChangeRequests.DST_START, FakeChangeRequests.DST_END),
                new WindowProposal("BME-0002", FakeChangeRequests.DEC_START, FakeChangeRequests.DEC_END));
    }

    @Test
    void a_request_that_is_no_longer_a_draft_is_not_edited() {
        view.edit(FakeChangeRequests.details(ChangeRequestStatus.SUBMITTED, Set.of()));
        assertThat(view.getElement().getTextRecursively()).contains("CR-2026-0012 cannot be edited",
                "Only drafts are edited. This request is submitted.");
    }
}
