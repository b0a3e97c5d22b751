package org.patchcare.downtime.ui;

import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.downtime.domain.WindowStatus;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.OrganisationViews.FacilityView;

import java.time.Instant;
import java.util.List;

/** Read records as the services would return them, for the browserless downtime view tests. */
final class DowntimeUiFixtures {

    static final String BERLIN = "Europe/Berlin";
    static final List<FacilityView> FACILITIES = List.of(new FacilityView("BER", "Berlin Campus", BERLIN, 1),
            new FacilityView("NYC", "New York Clinic", "America/New_York", 1));
    static final List<DepartmentView> DEPARTMENTS = List.of(
            new DepartmentView("ED", "Emergency Department", "BER", "Berlin Campus", null, 1),
            new DepartmentView("ICU", "Intensive Care Unit", "BER", "Berlin Campus", null, 1),
            new DepartmentView("RAD", "Radiology", "NYC", "New York Clinic", null, 1));

    private DowntimeUiFixtures() {
    }

    /** A window of ED's CT scanner ED-CT-01, in Berlin unless {@code zone} says otherwise. */
    static WindowView window(String id, String start, String end, WindowStatus status) {
        return window(id, "ED-CT-01", start, end, status, false, "biomed", BERLIN);
    }

    static WindowView window(String id, String assetTag, String start, String end, WindowStatus status,
                             boolean emergency, String technician, String zone) {
        return new WindowView(id, "r-" + id, "CR-2026-0" + id.replaceAll("\\D", ""), "Patch " + assetTag,
                ChangeRequestKind.PATCH, ChangeRequestStatus.APPROVED, emergency, assetTag, "CT scanner " + assetTag,
                "CT scanner", "ED", "Emergency Department", "BER", zone, Instant.parse(start), Instant.parse(end), status,
                technician, 1);
    }
}
