package org.patchcare.advisories.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A product id in one of the vulnerability's product_status lists (known_affected, fixed, known_not_affected, …). */
@Embeddable
public record ProductStatus(
        @Column(name = "status", nullable = false, length = 30) String status,
        @Column(name = "product_id", nullable = false, length = 200) String productId) {
}
