package org.patchcare.risk.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.advisories.application.ExposureViews.ExposureView;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.MitigationViews.ControlView;
import org.patchcare.risk.application.MitigationViews.ValidationView;
import org.patchcare.risk.application.ValidationCommand;
import org.patchcare.risk.application.ValidationService;
import org.patchcare.risk.domain.ValidationMethod;
import org.patchcare.risk.domain.ValidationOutcome;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.testsupport.BrowserlessUi;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;

/** Recording validation evidence, in a browserless UI on stub services. */
@ExtendWith(BrowserlessUi.class)
class ValidationResultDialogViewTest {

    private final List<ValidationView> results = new ArrayList<>();
    private final List<ValidationCommand> recorded = new ArrayList<>();
    private final List<ValidationResultDialog.SavedEvent> events = new ArrayList<>();

    private final ValidationService validations = new ValidationService() {
        @Override
        public List<ValidationView> forExposure(String exposureId) {
            return results;
        }

        @Override
        public ValidationView record(String exposureId, ValidationCommand cmd) {
            if (cmd.evidence() == null || cmd.evidence().isBlank()) {
                throw new InvalidInputException("evidence", "Describe the evidence.");
            }
            recorded.add(cmd);
            ValidationView v = RiskUiFixtures.validation(cmd.outcome().name(), false, true);
            results.addFirst(v);
            return v;
        }

        @Override
        public ExposureView markNotAffected(String exposureId, String comment) {
            return null;
        }
    };

    private final ControlService controls = new ControlService() {
        @Override
        public List<ControlView> usableFor(List<String> exposureIds) {
            return List.of();
        }
    };

    @Test
    void shows_the_services_objection_next_to_the_field_and_records_a_complete_result() {
        ValidationResultDialog d = new ValidationResultDialog(validations, controls, "exp-1", "CVE-1 on BME-1");
        d.addSavedListener(events::add);
        d.open();
        assertThat(d.notAffected.isEnabled()).as("no evidence yet").isFalse();
        d.outcome.setValue(ValidationOutcome.NOT_REACHABLE);
        d.method.setValue(ValidationMethod.MANUAL_CHECK);
        d.tool.setValue("nmap from the guest VLAN");

        _click(d.save);
        assertThat(d.evidence.isInvalid()).isTrue();
        assertThat(d.evidence.getErrorMessage()).isEqualTo("Describe the evidence.");

        d.evidence.setValue("all ports filtered");
        _click(d.save);
        assertThat(recorded).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(ValidationOutcome.NOT_REACHABLE);
            assertThat(c.testedOn()).isEqualTo(RiskUiFixtures.TODAY);
        });
        assertThat(events).singleElement().satisfies(e -> assertThat(e.getValidation()).isNotNull());
        assertThat(d.notAffected.isEnabled()).as("fresh evidence that it is not reachable").isTrue();
    }

    @Test
    void marking_not_affected_needs_a_current_result_that_shows_it_cannot_be_exploited() {
        results.add(RiskUiFixtures.validation("EXPLOITABLE", false, true));
        results.add(RiskUiFixtures.validation("NOT_REACHABLE", true, false));
        ValidationResultDialog d = new ValidationResultDialog(validations, controls, "exp-1", "CVE-1 on BME-1");
        assertThat(d.notAffected.isEnabled()).isFalse();
        assertThat(d.history.getChildren().filter(c -> c.hasClassName("stale")).count()).isEqualTo(1);
    }
}
