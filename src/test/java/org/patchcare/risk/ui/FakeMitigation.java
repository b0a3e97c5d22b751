package org.patchcare.risk.ui;

import org.patchcare.inventory.application.PageRequest;
import org.patchcare.risk.application.AcceptanceService;
import org.patchcare.risk.application.ControlCommand;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.MitigationViews.AcceptanceFilter;
import org.patchcare.risk.application.MitigationViews.AcceptanceView;
import org.patchcare.risk.application.MitigationViews.AttachmentView;
import org.patchcare.risk.application.MitigationViews.ControlDetails;
import org.patchcare.risk.application.MitigationViews.ControlFilter;
import org.patchcare.risk.application.MitigationViews.ControlView;
import org.patchcare.risk.application.MitigationViews.ValidationView;
import org.patchcare.risk.application.ValidationService;
import org.patchcare.risk.domain.ControlScope;

import java.util.ArrayList;
import java.util.List;

/** The mitigation services answering from lists the test sets, and remembering what the screens asked. */
final class FakeMitigation {

    /** Controls attached to any exposure the screens ask about. */
    final List<ControlView> attached = new ArrayList<>();
    final List<ValidationView> validations = new ArrayList<>();
    final List<AcceptanceView> acceptances = new ArrayList<>();
    /** "usableFor [ids]", "list exposure=id", … */
    final List<String> calls = new ArrayList<>();

    final ControlService controlService = new ControlService() {
        @Override
        public List<ControlView> list(ControlFilter filter, PageRequest page) {
            calls.add("list exposure=" + filter.exposureId());
            return attached;
        }

        @Override
        public ControlDetails get(String id) {
            ControlView c = attached.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            return new ControlDetails(c, List.of(new AttachmentView("e-1", "BME-0001", "CVE-2016-8375",
                    "ICSMA-17-017-01", "SYSTEM_EXPOSURE", "System exposure", RiskUiFixtures.NOW, "itsec")));
        }

        @Override
        public List<ControlView> usableFor(List<String> exposureIds) {
            calls.add("usableFor " + exposureIds);
            return List.of();
        }

        @Override
        public List<String> ownerCandidates() {
            return List.of("itsec");
        }

        @Override
        public ControlCommand suggest(List<String> exposureIds) {
            ControlCommand c = new ControlCommand();
            c.setScope(ControlScope.DEVICE);
            c.setScopeKey("BME-0001");
            c.setOwner("itsec");
            c.setAppliedOn(RiskUiFixtures.TODAY);
            c.setExpiresOn(RiskUiFixtures.TODAY.plusDays(90));
            return c;
        }
    };

    final ValidationService validationService = new ValidationService() {
        @Override
        public List<ValidationView> forExposure(String exposureId) {
            return validations;
        }
    };

    final AcceptanceService acceptanceService = new AcceptanceService() {
        @Override
        public List<AcceptanceView> list(AcceptanceFilter filter, PageRequest page) {
            calls.add("acceptances exposure=" + filter.exposureId());
            return acceptances;
        }
    };

    ExposureDecisionView decisionView(FakeRisk risk) {
        return new ExposureDecisionView(risk, controlService, validationService, acceptanceService);
    }
}
