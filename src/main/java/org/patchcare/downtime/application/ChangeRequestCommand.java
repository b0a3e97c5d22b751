package org.patchcare.downtime.application;

import org.patchcare.downtime.domain.ChangeRequestKind;

import java.time.Instant;
import java.util.List;

/**
 * What a requester fills in. Devices by asset tag, exposures by public id (their devices are added), windows per
 * device as instants (the UI converts the facility's local time; the API takes ISO-8601 with an offset).
 */
public record ChangeRequestCommand(ChangeRequestKind kind, String title, String plannedAction, String vendorReference,
                                   boolean manufacturerValidated, Integer expectedMinutes, String clinicalImpact,
                                   String backupEquipment, String rollbackPlan, String technician,
                                   List<String> assetTags, List<String> exposureIds, List<WindowProposal> windows,
                                   boolean emergency) {

    /** A proposed downtime of one device. */
    public record WindowProposal(String assetTag, Instant start, Instant end) {
    }
}
