package org.patchcare.advisories.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A finding that did not reject the document: an optional or informative CSAF test, or an accepted leniency. */
@Embeddable
public record Warning(
        @Column(name = "test_id", nullable = false, length = 20) String testId,
        @Column(name = "json_path", nullable = false, length = 500) String jsonPath,
        @Column(name = "message", nullable = false, length = 1000) String message) {
}
