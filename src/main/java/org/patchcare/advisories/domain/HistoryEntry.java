package org.patchcare.advisories.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/** One line of the document's own revision history ({@code document.tracking.revision_history}). */
@Embeddable
public record HistoryEntry(
        @Column(name = "number", nullable = false, length = 40) String number,
        @Column(name = "changed_at", nullable = false) Instant date,
        @Column(name = "summary", nullable = false, length = 2000) String summary) {
}
