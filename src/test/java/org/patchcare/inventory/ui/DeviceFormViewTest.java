package org.patchcare.inventory.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchcare.inventory.application.CatalogViews.ModelView;
import org.patchcare.inventory.application.DeviceCommand;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.OrganisationViews.LocationView;
import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.Device;
import org.patchcare.inventory.domain.MissionImpact;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;

/** The device form on its own, in a browserless UI: validation, binding and events. */
class DeviceFormViewTest {

    private static final ModelView MX450 = new ModelView("m-1", "mf-1", "Philips", "IntelliVue MX450", "MX450",
            "Patient monitor", LocalDate.of(2030, 1, 1), 3, 0);
    private static final ModelView ALARIS = new ModelView("m-2", "mf-2", "BD", "Alaris 8015", null,
            "Infusion pump", null, 0, 0);
    private static final DepartmentView ICU = new DepartmentView("ICU", "Intensive care", "MAIN", "Main",
            MissionImpact.MEF_FAILURE, 0);
    private static final DepartmentView ED = new DepartmentView("ED", "Emergency", "MAIN", "Main",
            MissionImpact.MEF_FAILURE, 0);
    private static final Map<String, List<LocationView>> LOCATIONS = Map.of(
            "ICU", List.of(new LocationView("loc-1", "ICU", "A", "3", "301", "A / 3 / 301", 0)),
            "ED", List.of(new LocationView("loc-2", "ED", "B", "0", "12", "B / 0 / 12", 0)));

    private DeviceForm form;
    private final List<DeviceCommand> saved = new ArrayList<>();
    private int cancelled;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        form = new DeviceForm(List.of(MX450, ALARIS), List.of(ED, ICU),
                code -> LOCATIONS.getOrDefault(code, List.of()));
        form.addSaveListener(e -> saved.add(e.getCommand()));
        form.addCancelListener(e -> cancelled++);
        UI.getCurrent().add(form);
        form.setCommand(new DeviceCommand(), false);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private void fillValid() {
        form.assetTag.setValue("BME-009999");
        form.model.setValue(MX450);
        form.department.setValue(ICU);
        form.criticality.setValue(Criticality.LIFE_SUPPORTING);
    }

    @Test
    void saving_an_empty_form_shows_messages_next_to_the_required_fields_and_fires_nothing() {
        _click(form.save);

        assertThat(saved).isEmpty();
        assertThat(form.assetTag.isInvalid()).isTrue();
        assertThat(form.assetTag.getErrorMessage()).contains("asset tag");
        assertThat(form.model.isInvalid()).isTrue();
        assertThat(form.model.getErrorMessage()).contains("Choose the model");
        assertThat(form.department.isInvalid()).isTrue();
        assertThat(form.criticality.isInvalid()).isTrue();
        assertThat(form.serialNumber.isInvalid()).as("optional fields stay quiet").isFalse();
    }

    @Test
    void an_asset_tag_with_spaces_inside_is_refused_with_a_readable_message() {
        fillValid();
        form.assetTag.setValue("BME 0001");

        _click(form.save);

        assertThat(saved).isEmpty();
        assertThat(form.assetTag.isInvalid()).isTrue();
        assertThat(form.assetTag.getErrorMessage()).contains("letters, digits").doesNotContain("{patchcare");
    }

    @Test
    void a_malformed_ip_address_is_refused_with_the_readable_bean_validation_message() {
        fillValid();
        form.ipAddress.setValue("10.0.0.999x");

        _click(form.save);

        assertThat(saved).isEmpty();
        assertThat(form.ipAddress.isInvalid()).isTrue();
        assertThat(form.ipAddress.getErrorMessage()).contains("IP address").doesNotContain("{patchcare");
    }

    @Test
    void a_valid_form_fires_save_with_the_bound_command() {
        fillValid();
        form.serialNumber.setValue("SN-42");
        form.hostname.setValue("icu-mon-7");
        form.ipAddress.setValue("10.20.30.40");
        form.connectivity.setValue(Connectivity.CLINICAL_NETWORK);
        form.location.setValue(LOCATIONS.get("ICU").getFirst());
        form.installDate.setValue(LocalDate.of(2020, 5, 1));
        form.redundant.setValue(true);

        _click(form.save);

        assertThat(saved).hasSize(1);
        DeviceCommand c = saved.getFirst();
        assertThat(c.getAssetTag()).isEqualTo("BME-009999");
        assertThat(c.getManufacturer()).as("the model choice sets the manufacturer too").isEqualTo("Philips");
        assertThat(c.getModel()).isEqualTo("IntelliVue MX450");
        assertThat(c.getDepartment()).isEqualTo("ICU");
        assertThat(c.getLocationId()).isEqualTo("loc-1");
        assertThat(c.getCriticality()).isEqualTo(Criticality.LIFE_SUPPORTING);
        assertThat(c.getConnectivity()).isEqualTo(Connectivity.CLINICAL_NETWORK);
        assertThat(c.getSerialNumber()).isEqualTo("SN-42");
        assertThat(c.getHostname()).isEqualTo("icu-mon-7");
        assertThat(c.getIpAddress()).isEqualTo("10.20.30.40");
        assertThat(c.getInstallDate()).isEqualTo(LocalDate.of(2020, 5, 1));
        assertThat(c.isRedundant()).isTrue();
        assertThat(c.getUdiDi()).as("empty optional text is sent as nothing, not as an empty string").isNull();
    }

    @Test
    void a_new_device_is_not_redundant_until_the_box_is_ticked() {
        fillValid();

        _click(form.save);

        assertThat(form.redundant.getLabel()).isEqualTo("Redundant: a spare or second unit can take over");
        assertThat(form.redundant.getValue()).isFalse();
        assertThat(saved.getFirst().isRedundant()).isFalse();
    }

    @Test
    void editing_a_redundant_device_shows_the_box_ticked_and_unticking_it_saves_not_redundant() {
        DeviceCommand existing = new DeviceCommand();
        existing.setAssetTag("BME-000001");
        existing.setManufacturer("Philips");
        existing.setModel("IntelliVue MX450");
        existing.setDepartment("ICU");
        existing.setCriticality(Criticality.LIFE_SUPPORTING);
        existing.setRedundant(true);
        form.setCommand(existing, true);

        assertThat(form.redundant.getValue()).isTrue();
        form.redundant.setValue(false);
        _click(form.save);

        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().isRedundant()).isFalse();
    }

    @Test
    void locations_offered_are_those_of_the_chosen_department() {
        form.department.setValue(ICU);
        assertThat(form.location.getListDataView().getItems().map(LocationView::id).toList()).containsExactly("loc-1");

        form.location.setValue(LOCATIONS.get("ICU").getFirst());
        form.department.setValue(ED);

        assertThat(form.location.getListDataView().getItems().map(LocationView::id).toList()).containsExactly("loc-2");
        assertThat(form.location.getValue()).as("a location of another department is dropped").isNull();
    }

    @Test
    void editing_shows_the_device_values_and_keeps_the_asset_tag_fixed() {
        DeviceCommand existing = new DeviceCommand();
        existing.setAssetTag("BME-000001");
        existing.setManufacturer("philips");
        existing.setModel("IntelliVue MX450");
        existing.setDepartment("ICU");
        existing.setLocationId("loc-1");
        existing.setCriticality(Criticality.DIAGNOSTIC);
        existing.setVersion(7);

        form.setCommand(existing, true);

        assertThat(form.assetTag.isReadOnly()).isTrue();
        assertThat(form.model.getValue()).isEqualTo(MX450);
        assertThat(form.department.getValue()).isEqualTo(ICU);
        assertThat(form.location.getValue().id()).isEqualTo("loc-1");

        form.criticality.setValue(Criticality.LIFE_SUSTAINING);
        _click(form.save);

        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().getVersion()).as("the version the person saw travels with the change").isEqualTo(7);
        assertThat(saved.getFirst().getCriticality()).isEqualTo(Criticality.LIFE_SUSTAINING);
    }

    @Test
    void server_side_violations_appear_on_the_matching_fields() {
        fillValid();

        List<String> unmatched = form.showServerErrors(new InvalidInputException(List.of(
                new InvalidInputException.Violation("model", "no model 'X' of Philips; an administrator can add it under Models"),
                new InvalidInputException.Violation("hostname", "already used by BME-000002"),
                new InvalidInputException.Violation("somethingElse", "the server refused it"))));

        assertThat(form.model.isInvalid()).isTrue();
        assertThat(form.model.getErrorMessage()).contains("add it under Models");
        assertThat(form.hostname.isInvalid()).isTrue();
        assertThat(form.hostname.getErrorMessage()).isEqualTo("already used by BME-000002");
        assertThat(unmatched).containsExactly("the server refused it");
    }

    @Test
    void cancel_fires_a_cancel_event_without_saving() {
        fillValid();
        _click(form.cancel);

        assertThat(cancelled).isEqualTo(1);
        assertThat(saved).isEmpty();
    }

    @Test
    void text_fields_are_limited_to_what_the_database_stores() {
        assertThat(form.assetTag.getMaxLength()).isEqualTo(Device.ASSET_TAG_MAX);
        assertThat(form.hostname.getMaxLength()).isEqualTo(Device.HOSTNAME_MAX);
        assertThat(form.notes.getMaxLength()).isEqualTo(Device.NOTES_MAX);
    }

    @Test
    void the_end_to_end_test_finds_the_fields_by_their_ids() {
        assertThat(List.of(form.assetTag.getId(), form.model.getId(), form.department.getId(), form.criticality.getId(),
                form.connectivity.getId(), form.serialNumber.getId(), form.hostname.getId(), form.ipAddress.getId(),
                form.redundant.getId(), form.save.getId(), form.cancel.getId()).stream().map(o -> o.orElse("")).toList())
                .containsExactly("field-assetTag", "field-model", "field-department", "field-criticality",
                        "field-connectivity", "field-serialNumber", "field-hostname", "field-ipAddress",
                        "field-redundant", "save-device", "cancel-device");
    }
}
