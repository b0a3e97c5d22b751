package org.patchcare.risk.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.risk.application.AcceptanceService;
import org.patchcare.risk.application.MitigationViews.AcceptanceView;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;

/** Requesting a risk acceptance, in a browserless UI on a stub service. */
@ExtendWith(BrowserlessUi.class)
class RequestAcceptanceDialogViewTest {

    private final List<String> requests = new ArrayList<>();
    private final List<AcceptanceView> saved = new ArrayList<>();

    private final AcceptanceService service = new AcceptanceService() {
        @Override
        public AcceptanceView request(String exposureId, String reason, LocalDate expiresOn) {
            if (reason.isBlank()) {
                throw new InvalidInputException("reason", "Say why the risk can be accepted for now.");
            }
            requests.add(exposureId + " " + reason + " " + expiresOn);
            return RiskUiFixtures.acceptance("a1", false, true);
        }
    };

    @Test
    void proposes_ninety_days_shows_refusals_next_to_the_field_and_fires_saved() {
        RequestAcceptanceDialog d = new RequestAcceptanceDialog(service, "exp-1", "CVE-1 on BME-1");
        d.addSavedListener(e -> saved.add(e.getAcceptance()));
        d.open();
        assertThat(d.expiresOn.getValue()).isEqualTo(RiskUiFixtures.TODAY.plusDays(90));
        assertThat(d.expiresOn.getMax()).isEqualTo(RiskUiFixtures.TODAY.plusDays(365));

        _click(d.request);
        assertThat(d.reason.isInvalid()).isTrue();
        assertThat(d.reason.getErrorMessage()).startsWith("Say why");
        assertThat(saved).isEmpty();

        d.reason.setValue("vendor patch in March; pump on the isolated VLAN");
        _click(d.request);
        assertThat(requests).containsExactly("exp-1 vendor patch in March; pump on the isolated VLAN "
                + RiskUiFixtures.TODAY.plusDays(90));
        assertThat(saved).hasSize(1);
        assertThat(d.isOpened()).isFalse();
    }
}
