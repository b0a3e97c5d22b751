package org.patchcare.audit.application;

import java.time.Instant;
import java.util.List;

/** A read view of one audit entry. */
public record AuditRecord(Instant occurredAt, String actor, String entityType, String entityKey, String action,
                          List<Change> changes, String reason) {

    public record Change(String field, String from, String to) {
    }
}
