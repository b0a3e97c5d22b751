package org.patchcare.advisories.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A link the publisher gives: self, external. */
@Embeddable
public record Reference(
        @Column(name = "category", nullable = false, length = 20) String category,
        @Column(name = "summary", nullable = false, length = 1000) String summary,
        @Column(name = "url", nullable = false, length = 2000) String url) {
}
