package org.patchcare.patching.application;

import org.patchcare.patching.domain.PatchAction;
import org.patchcare.patching.domain.PatchResult;
import org.patchcare.patching.domain.PatchStatus;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The read records of patch execution (entities never leave the service). */
public final class PatchViews {

    private PatchViews() {
    }

    /**
     * One patch record as screens and the API show it. {@code changeRequestId}/{@code changeRequestReference} are null
     * for unplanned work; {@code allowedActions} are what the caller may do now: record, verify, roll-back, attach.
     */
    public record PatchRecordView(String id, String changeRequestId, String changeRequestReference, String assetTag,
                                  String deviceName, String departmentCode, boolean unplanned, PatchStatus status,
                                  PatchAction action, String fromVersion, String toVersion, String controlApplied,
                                  String vendorEngineer, String notes, PatchResult result, Instant startedAt,
                                  String startedBy, Instant performedAt, String performedBy, String functionalCheck,
                                  Boolean returnedToService, Instant verifiedAt, String verifiedBy, Instant rollbackAt,
                                  String rollbackBy, String rollbackRestored, String rollbackNotes, int attachments,
                                  int version, Set<String> allowedActions) {
    }

    /** A device of a change request and where its work stands: no record yet (startable or not), or its record. */
    public record DeviceWork(String assetTag, String deviceName, String deviceStatus, PatchRecordView record,
                             Set<String> allowedActions) {
    }

    /** The device-by-device work of one change request. */
    public record RequestWork(String changeRequestId, String reference, String requestStatus, List<DeviceWork> devices) {
    }

    /** A file kept with a patch record (its bytes are downloaded separately). */
    public record AttachmentView(String id, String patchRecordId, String fileName, String contentType, long sizeBytes,
                                 String sha256, Instant uploadedAt, String uploadedBy) {
    }

    /** A file to download, with what it was stored as. */
    public record AttachmentContent(AttachmentView attachment, byte[] content) {
    }
}
