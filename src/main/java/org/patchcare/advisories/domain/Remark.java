package org.patchcare.advisories.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A threat (kind THREAT: impact, exploit_status, target_set) or a flag (kind FLAG, category = label). */
@Embeddable
public record Remark(
        @Column(name = "kind", nullable = false, length = 10) String kind,
        @Column(name = "category", nullable = false, length = 60) String category,
        @Column(name = "details") String details,
        @Column(name = "product_ids", length = 4000) String productIds) {
}
