package org.patchcare.risk.ui;

import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.risk.application.ControlCommand;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.MitigationViews.ControlDetails;
import org.patchcare.risk.application.MitigationViews.ControlView;
import org.patchcare.risk.domain.ControlScope;
import org.patchcare.risk.domain.ControlType;
import org.patchcare.risk.domain.DecisionPoint;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.testsupport.BrowserlessUi;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;

/** Attaching a control to exposures, in a browserless UI on a stub service. */
@ExtendWith(BrowserlessUi.class)
class AttachControlDialogViewTest {

    private final List<String> calls = new ArrayList<>();
    private final List<ControlDetails> saved = new ArrayList<>();
    private List<ControlView> usable = List.of(RiskUiFixtures.control("1", "Block SMBv1", "ACTIVE", 40));

    private final ControlService service = new ControlService() {
        @Override
        public List<ControlView> usableFor(List<String> exposureIds) {
            return usable;
        }

        @Override
        public List<String> ownerCandidates() {
            return List.of("itsec", "admin");
        }

        @Override
        public ControlCommand suggest(List<String> exposureIds) {
            ControlCommand c = new ControlCommand();
            c.setScope(ControlScope.DEVICE);
            c.setScopeKey("BME-1");
            c.setOwner("itsec");
            c.setAppliedOn(RiskUiFixtures.TODAY);
            c.setExpiresOn(RiskUiFixtures.TODAY.plusDays(90));
            return c;
        }

        @Override
        public ControlDetails attach(String id, List<String> exposureIds, String point) {
            if (exposureIds.contains("outside")) {
                throw new InvalidInputException(List.of(new InvalidInputException.Violation("exposureIds[1]",
                        "Exposure CVE-1 on device BME-9 lies outside the control's scope (Device BME-1).")));
            }
            calls.add("attach " + id + " " + exposureIds + " " + point);
            return new ControlDetails(usable.getFirst(), List.of());
        }

        @Override
        public ControlDetails createAndAttach(ControlCommand cmd, List<String> exposureIds, String point) {
            calls.add("create " + cmd.getType() + " '" + cmd.getTitle() + "' " + cmd.getScope() + " " + cmd.getScopeKey()
                    + " " + exposureIds + " " + point);
            return new ControlDetails(RiskUiFixtures.control("9", cmd.getTitle(), "ACTIVE", 90), List.of());
        }
    };

    private AttachControlDialog open(List<String> exposures) {
        AttachControlDialog d = new AttachControlDialog(service, exposures);
        d.addSavedListener(e -> saved.add(e.getControl()));
        d.open();
        return d;
    }

    @Test
    void attaches_a_chosen_existing_control_to_every_exposure_for_the_chosen_point_and_fires_saved() {
        AttachControlDialog d = open(List.of("e1", "e2"));
        assertThat(d.mode.getValue()).isEqualTo(AttachControlDialog.EXISTING);
        d.existing.setValue(usable.getFirst());
        d.point.setValue(DecisionPoint.AUTOMATABLE);
        _click(d.attach);
        assertThat(calls).containsExactly("attach 1 [e1, e2] AUTOMATABLE");
        assertThat(saved).hasSize(1);
        assertThat(d.isOpened()).isFalse();
    }

    @Test
    void names_each_exposure_outside_the_controls_scope_and_stays_open() {
        AttachControlDialog d = open(List.of("e1", "outside"));
        d.existing.setValue(usable.getFirst());
        _click(d.attach);
        assertThat(d.problems.getChildren().map(c -> ((Paragraph) c).getText()))
                .containsExactly("Exposure CVE-1 on device BME-9 lies outside the control's scope (Device BME-1).");
        assertThat(saved).isEmpty();
        assertThat(d.isOpened()).isTrue();
    }

    @Test
    void without_a_usable_control_it_offers_a_new_one_scoped_from_the_exposures_and_records_and_attaches_it() {
        usable = List.of();
        AttachControlDialog d = open(List.of("e1"));
        assertThat(d.mode.getValue()).isEqualTo(AttachControlDialog.NEW);
        assertThat(d.form.scopeKey.getValue()).isEqualTo("BME-1");
        assertThat(d.form.owner.getValue()).isEqualTo("itsec");

        _click(d.form.save);
        assertThat(calls).as("the form refuses a control without kind and title").isEmpty();
        assertThat(d.form.title.isInvalid()).isTrue();
        assertThat(d.form.title.getErrorMessage()).contains("Give the control a title").doesNotContain("{patchcare");

        d.form.type.setValue(ControlType.IPS_IDS_RULE);
        d.form.title.setValue("Block exploit traffic");
        _click(d.form.save);
        assertThat(calls).containsExactly("create IPS_IDS_RULE 'Block exploit traffic' DEVICE BME-1 [e1] SYSTEM_EXPOSURE");
        assertThat(saved).singleElement().satisfies(c -> assertThat(c.control().title()).isEqualTo("Block exploit traffic"));
    }
}
