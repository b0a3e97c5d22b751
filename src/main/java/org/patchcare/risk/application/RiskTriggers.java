package org.patchcare.risk.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.patchcare.advisories.application.AdvisoryMatched;
import org.patchcare.advisories.application.ExposureStateChanged;
import org.patchcare.advisories.application.ThreatFeedLoaded;
import org.patchcare.inventory.application.DepartmentContextChanged;
import org.patchcare.inventory.application.DeviceContextChanged;

import java.util.List;

/**
 * Marks exposures for re-evaluation when something they were decided on changes. Observers run inside the
 * transaction of the change, so a mark is never lost and never made for a change that rolled back; {@link RiskJob}
 * evaluates marked exposures within seconds and records each changed decision with the cause given here.
 */
@ApplicationScoped
public class RiskTriggers {

    @Inject
    DecisionEngine engine;

    @Inject
    RiskJob job;

    void threatFeedLoaded(@Observes ThreatFeedLoaded e) {
        engine.markAll(e.feed() + " update: " + e.summary());
    }

    /** A feed load marks every exposure: start deciding them at once rather than at the next tick. */
    void threatFeedCommitted(@Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS) ThreatFeedLoaded e) {
        job.soon();
    }

    void advisoryMatched(@Observes AdvisoryMatched e) {
        engine.markAdvisory(e.advisoryId(), "advisory " + e.trackingId() + " revision " + e.revision() + " matched");
    }

    void exposureStateChanged(@Observes ExposureStateChanged e) {
        engine.markExposures(List.of(e.exposureId()), "state " + e.from() + " → " + e.to());
    }

    void deviceChanged(@Observes DeviceContextChanged e) {
        engine.markDevice(e.deviceId(), "device " + e.assetTag() + ": " + e.what());
    }

    void departmentChanged(@Observes DepartmentContextChanged e) {
        engine.markDepartment(e.departmentId(), "department " + e.code() + ": " + e.what());
    }
}
