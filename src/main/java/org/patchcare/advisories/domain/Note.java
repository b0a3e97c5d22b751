package org.patchcare.advisories.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A document note: summary, details, general, legal_disclaimer, … */
@Embeddable
public record Note(
        @Column(name = "category", nullable = false, length = 30) String category,
        @Column(name = "title", length = 500) String title,
        @Column(name = "text", nullable = false) String text) {
}
