package org.patchcare.advisories.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One product of the advisory's product tree, flattened: the vendor, product name and version (or range) of its
 * branch path, its identification helpers (CPE, purl, model numbers, one per line as {@code kind:value}), and for a
 * relationship the product it is part of.
 */
@Embeddable
public record ProductEntry(
        @Column(name = "product_id", nullable = false, length = 200) String productId,
        @Column(name = "vendor", length = 300) String vendor,
        @Column(name = "product_name", length = 500) String productName,
        @Column(name = "version_text", length = 500) String versionText,
        @Column(name = "version_is_range", nullable = false) boolean versionIsRange,
        @Column(name = "full_name", nullable = false, length = 1000) String fullName,
        @Column(name = "identifiers", length = 2000) String identifiers,
        @Column(name = "relates_to", length = 200) String relatesTo) {
}
